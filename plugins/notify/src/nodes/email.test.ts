import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeQuotedPrintable,
  nodemailerHandler,
  type SmtpServer,
  startSmtpServer,
} from '../testing/smtp-server.test-support.js';
import { emailNode } from './email.js';

let server: SmtpServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function send(smtp: SmtpServer, params: JsonObject, pass = 'app-password') {
  const credentials = {
    'ops-smtp': { host: '127.0.0.1', port: String(smtp.port), secure: 'false', user: 'alerts', pass },
  };
  return runNode(emailNode, {
    params: {
      credential: 'ops-smtp',
      from: 'SBSS <alerts@sbss.example.com>',
      to: 'pr@acme.example, care@acme.example',
      ...params,
    },
    input: [{ reportId: 'rpt_1' }],
    credentials,
    mail: nodemailerHandler(credentials),
  });
}

describe('notify/email@1', () => {
  it('delivers the mail over SMTP with text and HTML parts and a link back to the report', async () => {
    server = await startSmtpServer();
    const { output } = await send(server, {
      subject: 'Weekly brand report · 周报',
      text: 'Mentions rose 43%.\n\nAcme led share of voice.',
      link: 'https://sbss.example.com/reports/rpt_1',
      linkText: 'Open the report',
    });
    const [mail] = server.received;
    expect(mail).toMatchObject({
      from: 'alerts@sbss.example.com',
      to: ['pr@acme.example', 'care@acme.example'],
      user: 'alerts',
    });
    const raw = decodeQuotedPrintable(mail?.raw ?? '');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).toContain('multipart/alternative');
    expect(raw).toContain(
      'Mentions rose 43%.\r\n\r\nAcme led share of voice.\r\n\r\nOpen the report: https://sbss.example.com/reports/rpt_1',
    );
    expect(raw).toContain('<a href="https://sbss.example.com/reports/rpt_1"');
    expect(output.main?.[0]).toMatchObject({
      reportId: 'rpt_1',
      notification: {
        channel: 'email',
        accepted: ['pr@acme.example', 'care@acme.example'],
        messageId: expect.stringMatching(/^<.+>$/),
      },
    });
  });

  it('sends given HTML as is, with the link button after it', async () => {
    server = await startSmtpServer();
    await send(server, {
      subject: 'Case c-9',
      html: '<h1>Case c-9</h1>',
      link: 'https://sbss.example.com/cases/c-9',
    });
    const raw = decodeQuotedPrintable(server.received[0]?.raw ?? '');
    expect(raw).toMatch(/<h1>Case c-9<\/h1><table role="presentation"/);
    expect(raw).toContain('>View details</a>');
  });

  it('fails permanently when the server refuses the recipient (5xx)', async () => {
    server = await startSmtpServer({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('care@'))
          return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
    });
    await expect(send(server, { subject: 'x', text: 'y', to: ['care@acme.example'] })).rejects.toMatchObject({
      code: 'EMAIL_REJECTED',
      details: { retryable: false, smtpCode: 550 },
    });
  });

  it('fails retryably when the server defers the message (4xx)', async () => {
    server = await startSmtpServer({
      onData(_stream, _session, callback) {
        _stream.resume();
        _stream.on('end', () =>
          callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 })),
        );
      },
    });
    await expect(send(server, { subject: 'x', text: 'y' })).rejects.toMatchObject({
      code: 'EMAIL_SEND_FAILED',
      details: { retryable: true, smtpCode: 451 },
    });
  });

  it('fails permanently on wrong SMTP credentials', async () => {
    server = await startSmtpServer();
    await expect(send(server, { subject: 'x', text: 'y' }, 'wrong')).rejects.toMatchObject({
      code: 'EMAIL_REJECTED',
      details: { smtpCode: 535 },
    });
  });

  it('refuses to send without a recipient', async () => {
    server = await startSmtpServer();
    await expect(send(server, { subject: 'x', to: ' , ' })).rejects.toMatchObject({
      code: 'EMAIL_NO_RECIPIENT',
    });
    expect(server.received).toEqual([]);
  });
});
