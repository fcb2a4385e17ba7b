/// <reference types="node" />
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse, JsonValue } from '@sbss/sdk';

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Loopback {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

async function read(request: IncomingMessage): Promise<Received> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string') headers[name] = value;
  return { method: request.method ?? 'GET', path: request.url ?? '/', headers, body, json };
}

/** A real HTTP server on 127.0.0.1 answering with `handler`, keeping every request it got. */
export async function startLoopback(
  handler: (request: Received) => Reply | Promise<Reply>,
): Promise<Loopback> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    void read(request)
      .then(async (got) => {
        received.push(got);
        const reply = await handler(got);
        const text =
          reply.body === undefined
            ? ''
            : typeof reply.body === 'string'
              ? reply.body
              : JSON.stringify(reply.body);
        const type = typeof reply.body === 'string' ? 'text/plain' : 'application/json;charset=UTF-8';
        response.writeHead(reply.status, { ...(text ? { 'content-type': type } : {}), ...reply.headers });
        response.end(text);
      })
      .catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Answers `ctx.http.fetch` by really sending the request over HTTP with the platform fetch, the
 * way the server's capability does: strings go as they are, other bodies as JSON, and JSON
 * responses come back parsed.
 */
export async function overHttp(request: HttpRequest): Promise<HttpResponse> {
  const headers = { ...request.headers };
  let body: string | undefined;
  if (typeof request.body === 'string') body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
  }
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: isJson ? (JSON.parse(text) as JsonValue) : text,
  };
}
