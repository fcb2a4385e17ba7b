import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse, JsonValue } from '@sbss/sdk';

export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/robot/send?access_token=…&timestamp=…&sign=…`. */
  url: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: JsonValue;
}

export interface Reply {
  status?: number;
  body: JsonValue;
  headers?: Record<string, string>;
}

export interface RobotServer {
  base: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback standing in for a robot platform. `answer` sees each request
 * as the platform would and returns the platform's reply (JSON, or text for Slack).
 */
export async function startRobotServer(answer: (request: ReceivedRequest) => Reply): Promise<RobotServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://robot.test');
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        query: url.searchParams,
        headers: req.headers,
        body: parse(raw),
      };
      received.push(request);
      const reply = answer(request);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      const type =
        typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parse(raw: string): JsonValue {
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}

/**
 * The harness's `http` handler, bridged to the real network with global fetch, so a request
 * really crosses HTTP to the loopback server, and the response comes back as `ctx.http` gives it.
 */
export async function realFetch(request: HttpRequest): Promise<HttpResponse> {
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    ...(request.headers ? { headers: request.headers } : {}),
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: json ? (JSON.parse(text) as JsonValue) : text,
  };
}
