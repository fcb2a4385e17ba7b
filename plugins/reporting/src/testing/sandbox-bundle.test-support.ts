import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundlePlugin as bundleWithServer } from '@sbss/server';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/** The plugin as `sbss plugin build` bundles it: one script that leaves it on `globalThis.__sbssPlugin`. */
export function bundlePlugin(): Promise<string> {
  return bundleWithServer(packageDir);
}

/**
 * Loads the bundle in a bare V8 context: no timers, no fetch, no Buffer, no URL, no TextEncoder,
 * no console. What runs here runs in the isolated-vm sandbox.
 */
export async function loadInBareContext(): Promise<{ context: vm.Context; bytes: number }> {
  const code = await bundlePlugin();
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'sbss-bundle.js' });
  return { context, bytes: Buffer.byteLength(code) };
}
