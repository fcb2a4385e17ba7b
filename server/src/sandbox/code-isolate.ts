import type ivm from 'isolated-vm';
import { codeRuntimeSource } from './code-runtime-source.js';
import { helpersSource } from './expression-helpers.js';
import { IsolateRunner, type RuntimeObject, runtimeHandles } from './isolate-runner.js';
import { luxonSetupSource } from './luxon-source.js';
import { trimGlobalsSource } from './sandbox-globals-source.js';
import type { SandboxLimits } from './sandbox-limits.js';

interface Prepared {
  runtime: ivm.Script;
  trim: ivm.Script;
  helpers: ivm.Script;
}

/**
 * The isolate Code node bodies run in, inside the Code node's own process (`code-process.ts`).
 * Every call gets a fresh context, so nothing one workflow's code leaves on the global object or
 * the built-ins reaches another's; the code has no capabilities.
 */
export function codeRunner(limits: SandboxLimits): IsolateRunner<Prepared> {
  const settings = JSON.stringify({
    maxOutputLength: limits.maxOutputLength,
    maxLogLines: limits.maxLogLines,
  });
  return new IsolateRunner<Prepared>({
    limits,
    contextPerCall: true,
    prepare: (isolate) => ({
      runtime: isolate.compileScriptSync(`(${codeRuntimeSource})(${settings}, ${luxonSetupSource})`, {
        filename: 'sbss:code',
      }),
      trim: isolate.compileScriptSync(trimGlobalsSource, { filename: 'sbss:globals' }),
      helpers: isolate.compileScriptSync(helpersSource, { filename: 'sbss:helpers' }),
    }),
    install: (prepared, context) => {
      const runtime: ivm.Reference<RuntimeObject> = prepared.runtime.runSync(context, { reference: true });
      prepared.trim.runSync(context);
      prepared.helpers.runSync(context);
      context.global.deleteSync('__sbssSend');
      return runtimeHandles(runtime);
    },
  });
}
