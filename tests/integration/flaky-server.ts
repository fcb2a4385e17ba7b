import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyServer {
  url: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP service for run tests: `/fail-N-times/<key>` answers 503 for the first N
 * calls per key and 200 after; `/always-500` always fails; anything else echoes 200.
 */
export async function startFlakyServer(): Promise<FlakyServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const failing = /^\/fail-(\d+)-times\//.exec(path);
    const status = path === '/always-500' ? 500 : failing && count <= Number(failing[1]) ? 503 : 200;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ path, count }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
