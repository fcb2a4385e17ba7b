import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundlePlugin } from '@sbss/server';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Loads the plugin, bundled as `sbss plugin build` bundles it, in a bare V8 context: no timers,
 * no fetch, no Buffer, no URL, no TextEncoder, no console. What runs here runs in the
 * isolated-vm sandbox.
 */
export async function loadInBareContext(): Promise<{ context: vm.Context; bytes: number }> {
  const code = await bundlePlugin(packageDir);
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'sbss-bundle.js' });
  return { context, bytes: Buffer.byteLength(code) };
}
