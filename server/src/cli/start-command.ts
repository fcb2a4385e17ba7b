import { parsePluginHosts } from './plugin-hosts-env.js';

/**
 * `sbss start`: a small supervisor (`supervisor.ts`) that runs the server in a child process,
 * unless `SBSS_SUPERVISE=0` asks for the server in this process.
 */
export async function startCommand(): Promise<number> {
  const entry = process.argv[1];
  if (process.env.SBSS_SUPERVISED !== '1' && process.env.SBSS_SUPERVISE !== '0' && entry) {
    const { supervise } = await import('./supervisor.js');
    return supervise({
      modulePath: entry,
      args: process.argv.slice(2),
      execArgv: process.execArgv,
      env: process.env,
      log: (message) => console.error(message),
    });
  }
  return serve();
}

async function serve(): Promise<number> {
  const { startServer } = await import('../server.js');
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.SBSS_DATA_DIR ?? '.sbss',
    afterCrash: process.env.SBSS_AFTER_CRASH === '1',
    ...(process.env.SBSS_WORKERS ? { workers: Number(process.env.SBSS_WORKERS) } : {}),
    ...(process.env.SBSS_ALLOW_NETWORKS ? { allowNetworks: process.env.SBSS_ALLOW_NETWORKS.split(',') } : {}),
    ...(process.env.SBSS_PLUGIN_HOSTS
      ? { pluginHosts: parsePluginHosts(process.env.SBSS_PLUGIN_HOSTS) }
      : {}),
  });
  console.log(`SBSS is serving the editor and API on ${server.url}`);
  process.send?.('serving');
  if (process.send) {
    const { aliveEveryMs } = await import('./supervisor.js');
    setInterval(() => process.send?.('alive'), aliveEveryMs).unref();
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // A terminal's Ctrl+C reaches both the supervisor and this process, and the supervisor passes
  // it on too: a second signal must not cut the first one's close short.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The supervisor is gone (killed outright): nothing would start this process again or stop it.
  process.once('disconnect', stop);
  return new Promise<number>(() => {});
}
