import { startServer } from '../server.js';
import { parsePluginHosts } from './plugin-hosts-env.js';

export async function startCommand(): Promise<number> {
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.SBSS_DATA_DIR ?? '.sbss',
    ...(process.env.SBSS_WORKERS ? { workers: Number(process.env.SBSS_WORKERS) } : {}),
    ...(process.env.SBSS_ALLOW_NETWORKS ? { allowNetworks: process.env.SBSS_ALLOW_NETWORKS.split(',') } : {}),
    ...(process.env.SBSS_PLUGIN_HOSTS
      ? { pluginHosts: parsePluginHosts(process.env.SBSS_PLUGIN_HOSTS) }
      : {}),
  });
  console.log(`SBSS is serving the editor and API on ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
