import { defineNode, NodeError, z } from '@sbss/sdk';
import { sendEach } from '../delivery/send-once.js';
import { emailContent } from '../messages/email-body.js';

const addresses = z
  .union([z.array(z.string()), z.string()])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/[,;]/)).map((entry) => entry.trim()).filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/@/, 'an email address')));

const params = z.object({
  credential: z.string().min(1).describe('Name of an SMTP credential (host, port, secure, user, pass)'),
  from: z.string().regex(/@/, 'an email address').describe('Sender, e.g. "SBSS <alerts@example.com>"'),
  to: addresses.describe('Recipients: a list, or one string separated by commas'),
  cc: addresses.optional(),
  subject: z.string().min(1),
  text: z.string().default('').describe('Plain-text body; also the HTML body when `html` is empty'),
  html: z.string().optional().describe('HTML body'),
  link: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'an http(s) URL')
    .optional()
    .describe('Link back to the case or report, added as a button'),
  linkText: z.string().min(1).default('View details').describe('Label of the button'),
});

export const emailNode = defineNode({
  id: 'email',
  title: { en: 'Send email', 'zh-Hans': '发送邮件', 'zh-Hant': '發送郵件' },
  description: {
    en: 'Sends an email over SMTP with a link back to the case or report.',
    'zh-Hans': '通过 SMTP 发送邮件，并附上指向工单或报告的链接。',
    'zh-Hant': '透過 SMTP 發送郵件，並附上指向工單或報告的連結。',
  },
  category: 'notify',
  credentials: ['smtp'],
  params,
  run(ctx) {
    return sendEach(ctx, 'email', async (p) => {
      if (p.to.length === 0) throw new NodeError('EMAIL_NO_RECIPIENT', 'The email has no recipient in `to`');
      const content = emailContent(p);
      try {
        const sent = await ctx.mail.send({
          credential: p.credential,
          from: p.from,
          to: p.to,
          ...(p.cc?.length ? { cc: p.cc } : {}),
          subject: p.subject,
          ...content,
        });
        return { messageId: sent.messageId, accepted: sent.accepted };
      } catch (error) {
        throw smtpError(error);
      }
    });
  },
});

/**
 * SMTP reply codes (RFC 5321 §4.2.1): 4yz is a transient failure worth retrying, 5yz permanent.
 * No code at all means the server was not reached, which is worth retrying too.
 */
function smtpError(error: unknown): NodeError {
  if (error instanceof NodeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = /\b([45])\d\d\b/.exec(message);
  const permanent = code?.[1] === '5';
  return new NodeError(
    permanent ? 'EMAIL_REJECTED' : 'EMAIL_SEND_FAILED',
    `${permanent ? 'The mail server refused the message' : 'Sending the email failed (retryable)'}: ${message}`,
    { retryable: !permanent, ...(code ? { smtpCode: Number(code[0]) } : {}) },
  );
}
