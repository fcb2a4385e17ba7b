import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles the plugin the way `sbss plugin build` does (one IIFE, neutral platform, no Node
 * built-ins) and loads it in a bare V8 context: no timers, no fetch, no Buffer, no URL, no
 * TextEncoder, no console. What runs here runs in the isolated-vm sandbox.
 */
export async function loadInBareContext(): Promise<{ context: vm.Context; bytes: number }> {
  const code = await bundlePlugin();
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'sbss-bundle.js' });
  return { context, bytes: Buffer.byteLength(code) };
}

/** The plugin as one script that leaves it on `globalThis.__sbssPlugin`, as the sandbox expects. */
export async function bundlePlugin(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import plugin from './src/index.ts'; globalThis.__sbssPlugin = plugin;",
      resolveDir: packageDir,
      sourcefile: 'sandbox-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    // The SDK from source, so the test needs no build of it first.
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
