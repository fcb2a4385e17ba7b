import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface RobotMessage {
  platform: 'dingtalk' | 'feishu' | 'wecom' | 'slack';
  body: Record<string, unknown>;
  /** Whether the platform's signature (DingTalk, Feishu) matched the shared secret. */
  signed: boolean;
}

export interface HubSpotCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** An SMTP server on loopback that keeps every message it accepts. */
export async function startMailPeer() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const robotSecret = 'SEC-template-test';
export const hubspotToken = 'pat-template-test';

/**
 * One loopback HTTP server speaking the DingTalk, Feishu, WeCom and Slack robot formats and the
 * HubSpot ticket API, each under its own path, recording what arrives.
 */
export async function startWebPeer() {
  const robots: RobotMessage[] = [];
  const hubspot: HubSpotCall[] = [];
  let nextTicket = 500;
  const server: Server = createServer((request, response) => {
    readJson(request).then(
      (body) => {
        const url = new URL(request.url ?? '/', 'http://peer');
        const reply = (status: number, answer: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
        };
        if (url.pathname.startsWith('/dingtalk')) {
          const timestamp = url.searchParams.get('timestamp') ?? '';
          const expected = createHmac('sha256', robotSecret)
            .update(`${timestamp}\n${robotSecret}`)
            .digest('base64');
          robots.push({ platform: 'dingtalk', body, signed: url.searchParams.get('sign') === expected });
          return reply(200, { errcode: 0, errmsg: 'ok' });
        }
        if (url.pathname.startsWith('/feishu')) {
          const expected = createHmac('sha256', `${String(body.timestamp)}\n${robotSecret}`)
            .update('')
            .digest('base64');
          robots.push({ platform: 'feishu', body, signed: body.sign === expected });
          return reply(200, { code: 0, msg: 'success' });
        }
        if (url.pathname.startsWith('/wecom')) {
          robots.push({ platform: 'wecom', body, signed: false });
          return reply(200, { errcode: 0, errmsg: 'ok' });
        }
        if (url.pathname.startsWith('/slack')) {
          robots.push({ platform: 'slack', body, signed: false });
          response.writeHead(200, { 'content-type': 'text/plain' });
          return response.end('ok');
        }
        if (url.pathname.startsWith('/hubspot/')) {
          if (request.headers.authorization !== `Bearer ${hubspotToken}`)
            return reply(401, { status: 'error' });
          const path = url.pathname.slice('/hubspot'.length);
          hubspot.push({ method: request.method ?? 'GET', path, body });
          if (path.endsWith('/search')) return reply(200, { total: 0, results: [] });
          if (request.method === 'POST')
            return reply(201, { id: String(nextTicket++), properties: body.properties });
          return reply(200, { id: path.split('/').at(-1), properties: body.properties });
        }
        reply(404, { error: 'no such peer path' });
      },
      () => response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    robots,
    hubspot,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
