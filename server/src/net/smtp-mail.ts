import type { MailCapability, MailMessage } from '@sbss/sdk';
import { z } from 'zod';
import type { AddressPolicy } from './address-policy.js';
import { type Resolver, systemResolver, vetHost } from './resolve-target.js';

/** Fields of an `smtp` credential. */
export const smtpCredentialSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65_535).default(587),
  secure: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  user: z.string().optional(),
  pass: z.string().optional(),
});

export interface MailCapabilityOptions {
  policy: AddressPolicy;
  /** Decrypts a credential the node's params reference (and refuses any other). */
  credential(name: string): Promise<Record<string, string>>;
  timeoutMs?: number;
  resolver?: Resolver;
}

/**
 * `ctx.mail` backed by nodemailer. The SMTP host obeys the same address rules as `ctx.http`:
 * an SMTP server on a private network must be allowed by an admin first.
 */
export function createMailCapability(options: MailCapabilityOptions): MailCapability {
  return {
    async send(message: MailMessage) {
      const smtp = smtpCredentialSchema.parse(await options.credential(message.credential));
      // Connect to the vetted address, keeping the name for TLS, so DNS cannot be swapped under us.
      const target = await vetHost(smtp.host, {
        policy: options.policy,
        resolver: options.resolver ?? systemResolver,
      });
      const timeout = options.timeoutMs ?? 30_000;
      const { default: nodemailer } = await import('nodemailer');
      const transport = nodemailer.createTransport({
        host: target.address,
        port: smtp.port,
        secure: smtp.secure,
        tls: { servername: smtp.host },
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
        connectionTimeout: timeout,
        socketTimeout: timeout,
      });
      try {
        const info = await transport.sendMail({
          from: message.from,
          to: message.to,
          ...(message.cc ? { cc: message.cc } : {}),
          subject: message.subject,
          ...(message.text ? { text: message.text } : {}),
          ...(message.html ? { html: message.html } : {}),
        });
        return { messageId: String(info.messageId), accepted: info.accepted.map(String) };
      } finally {
        transport.close();
      }
    },
  };
}
