import { resolve } from 'node:path';
import type { Item, PortItems } from '@sbss/sdk';
import { fakeRun, type RunNodeOptions, type RunNodeResult } from '@sbss/sdk/testing';
import { bundlePlugin } from '../plugins/plugin-build.js';
import { type PluginBundle, PluginHost } from './plugin-host.js';
import type { SandboxLimits } from './sandbox-limits.js';

export interface SandboxRunOptions extends RunNodeOptions {
  /** Limits of the sandbox; the server's defaults where left out. */
  limits?: Partial<SandboxLimits>;
}

// Bundled once per folder and kept, as the server keeps an installed plugin's bundle.
const bundles = new Map<string, Promise<PluginBundle>>();
const hosts = new Map<string, PluginHost>();

/**
 * Runs a node of the plugin in `pluginDir` in the real sandbox, bundled as `sbss plugin build`
 * bundles it, with the same fake capabilities as `runNode` from `@sbss/sdk/testing`: the same
 * options give the same result in both, unless the node depends on something the sandbox lacks.
 * `nodeKey` is `<node id>@<major>`, e.g. `sentiment@1`.
 */
export async function runNodeInSandbox(
  pluginDir: string,
  nodeKey: string,
  options: SandboxRunOptions = {},
): Promise<RunNodeResult> {
  const bundle = await bundleOf(pluginDir);
  const run = fakeRun(nodeKey.split('@')[0] ?? nodeKey, options);
  const outcome = await hostWith(options.limits).run(bundle, {
    node: nodeKey,
    params: options.params ?? {},
    itemParams: options.itemParams ? itemParamsOf(run.input, options.itemParams) : {},
    input: run.input,
    ids: run.ids,
    now: run.now,
    capabilities: run.capabilities,
  });
  const logs = outcome.logs.map(({ at: _, ...line }) => line);
  return { ...run.recorded, output: outcome.output, logs };
}

/** Disposes the harness's isolates; the next run starts fresh ones. */
export function disposeSandboxHarness(): void {
  for (const host of hosts.values()) host.dispose();
  hosts.clear();
}

function bundleOf(pluginDir: string): Promise<PluginBundle> {
  const dir = resolve(pluginDir);
  let bundle = bundles.get(dir);
  if (!bundle) {
    // Keyed by folder: two fixture folders may share a package name and version.
    bundle = bundlePlugin(dir).then((source) => ({ key: dir, source }));
    bundle.catch(() => bundles.delete(dir));
    bundles.set(dir, bundle);
  }
  return bundle;
}

function hostWith(limits: Partial<SandboxLimits> = {}): PluginHost {
  const key = JSON.stringify(Object.entries(limits).sort());
  let host = hosts.get(key);
  if (!host) {
    host = new PluginHost(limits);
    hosts.set(key, host);
  }
  return host;
}

/** Per-item params as the engine hands them over: one value per item of each input port. */
function itemParamsOf(
  input: PortItems,
  paramsFor: (item: Item, index: number, port: string) => unknown,
): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(input).map(([port, items]) => [
      port,
      items.map((item, index) => paramsFor(item, index, port)),
    ]),
  );
}
