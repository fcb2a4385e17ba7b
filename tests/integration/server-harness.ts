import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerOptions, startServer } from '@sbss/server';

export interface TestServer {
  url: string;
  dataDir: string;
  /** JSON request against the server; returns status and parsed body. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** The real server on a free loopback port with a fresh SQLite file. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-test-'));
  const server = await startServer({ port: 0, dataDir, examples: false, log: () => {}, ...options });
  return {
    url: server.url,
    dataDir,
    async call(method, path, body) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small workflow builder so tests read as the graph they build. */
export function node(
  id: string,
  type: string,
  params: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return { id, type, params, position: { x: 0, y: 0 }, ...extra };
}

export function edge(source: string, target: string, sourcePort = 'main', targetPort = 'main') {
  return { source, target, sourcePort, targetPort };
}
