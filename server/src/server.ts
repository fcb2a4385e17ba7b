import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { serveEditor } from './api/editor-static.js';
import { seedExamples } from './runtime/example-seed.js';
import { createPlatform, type PlatformOptions } from './runtime/platform.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** Holds the SQLite file and the generated encryption key. */
  dataDir?: string;
  /** Executions running at once across the server. */
  workers?: number;
  /** CIDR ranges outbound HTTP may reach although private (e.g. an on-premise CRM). */
  allowNetworks?: string[];
  /** Hosts granted to a plugin beyond its manifest, by plugin name, e.g. `{ notify: ['robot.corp.example'] }`. */
  pluginHosts?: Record<string, string[]>;
  /** Limits of plugin nodes and Code nodes (memory, CPU and wall time, output size). */
  sandbox?: PlatformOptions['sandbox'];
  editorDir?: string;
  /** Import the example workflows into an empty workspace (default true). */
  examples?: boolean;
  /**
   * The previous process stopped unexpectedly (its supervisor says so): unfinished executions
   * are resumed one at a time, and one already resumed after such a stop fails instead.
   */
  afterCrash?: boolean;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? '.sbss';
  const log = options.log ?? ((message: string) => console.log(message));
  mkdirSync(dataDir, { recursive: true });
  const platform = createPlatform({
    databaseFile: join(dataDir, 'sbss.db'),
    dataDir,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.allowNetworks ? { allowNetworks: options.allowNetworks } : {}),
    ...(options.pluginHosts ? { pluginHosts: options.pluginHosts } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  if (options.examples !== false) {
    const seeded = await seedExamples(platform.store, join(repoRoot, 'examples', 'workflows'));
    if (seeded > 0) log(`Imported ${seeded} example workflows`);
  }
  platform.triggers.restore();
  const resumed = await platform.executions.resumeUnfinished({ afterCrash: options.afterCrash === true });
  if (resumed > 0) {
    log(
      `Resuming ${resumed} unfinished executions${options.afterCrash ? ' one at a time, after an unexpected stop' : ''}`,
    );
  }

  const app = createApp(platform);
  serveEditor(app, options.editorDir ?? join(repoRoot, 'editor', 'dist'));
  const server = serve({
    fetch: app.fetch,
    port: options.port ?? 3000,
    hostname: options.host ?? '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.close();
    },
  };
}
