import type { AddressInfo } from 'node:net';
import type { MailMessage } from '@sbss/sdk';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  /** The raw RFC 5322 message as it arrived. */
  raw: string;
}

export interface SmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback (the `smtp-server` package), with AUTH PLAIN/LOGIN over plain TCP. */
export async function startSmtpServer(options: Partial<SMTPServerOptions> = {}): Promise<SmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'alerts' && auth.password === 'app-password')
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The harness's `mail` handler doing what the server's `ctx.mail` does: read the SMTP
 * credential the message names and send with nodemailer, so the message really crosses SMTP.
 */
export function nodemailerHandler(credentials: Record<string, Record<string, string>>) {
  return async (message: MailMessage) => {
    const smtp = credentials[message.credential];
    if (!smtp?.host) throw new Error(`No SMTP credential "${message.credential}"`);
    const transport = nodemailer.createTransport({
      host: smtp.host,
      port: Number(smtp.port ?? 587),
      secure: smtp.secure === 'true',
      ignoreTLS: true,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
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
  };
}

/** Undoes quoted-printable (RFC 2045 §6.7), enough to read a received body. */
export function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
