import ivm from 'isolated-vm';
import { SbssError } from '../engine/errors.js';
import { trimGlobalsSource } from './sandbox-globals-source.js';

/**
 * Runs a plugin's describe script (see `plugins/plugin-build.ts`) in a throwaway isolate and
 * returns the JSON it produces. Building a manifest runs the plugin's top-level code, which is
 * as untrusted as its nodes, so it gets the same walls: no host objects, a heap and a time limit.
 */
export async function describeInIsolate(script: string, options = { memoryLimitMb: 128, timeoutMs: 10_000 }) {
  const isolate = new ivm.Isolate({ memoryLimit: options.memoryLimitMb });
  try {
    const context = await isolate.createContext();
    await context.eval(trimGlobalsSource);
    await context.eval(script, { timeout: options.timeoutMs, filename: 'plugin:describe' });
    const answer: unknown = await context.eval(
      'typeof __sbssDescribe === "function" ? __sbssDescribe() : null',
      {
        timeout: options.timeoutMs,
        copy: true,
      },
    );
    if (typeof answer !== 'string') {
      throw new SbssError(
        'PLUGIN_INVALID',
        'src/index.ts does not export a plugin (export default definePlugin(...))',
      );
    }
    return answer;
  } catch (error) {
    if (error instanceof SbssError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SbssError('PLUGIN_INVALID', `Loading the plugin to describe it failed: ${reason}`);
  } finally {
    isolate.dispose();
  }
}
