import { resolve } from 'node:path';
import type { Item, PortItems } from '@sbss/sdk';
import { fakeRun, type RunNodeOptions, type RunNodeResult } from '@sbss/sdk/testing';
import { z } from 'zod';
import { manifestNodeSchema } from '../plugins/manifest.js';
import { bundlePlugin, describeFolder } from '../plugins/plugin-build.js';
import { type PluginBundle, PluginHost } from './plugin-host.js';
import type { SandboxLimits } from './sandbox-limits.js';

export interface SandboxRunOptions extends RunNodeOptions {
  /** Limits of the sandbox; the server's defaults where left out. */
  limits?: Partial<SandboxLimits>;
}

// Bundled and described once per folder and kept, as the server keeps an installed plugin's
// bundle and manifest.
const bundles = new Map<string, Promise<PluginBundle>>();
const descriptions = new Map<string, Promise<Description>>();

const descriptionSchema = z.object({
  nodes: z.array(manifestNodeSchema.pick({ id: true, version: true, reads: true })),
});
type Description = z.infer<typeof descriptionSchema>;
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
  const [bundle, reads] = await Promise.all([bundleOf(pluginDir), readsOf(pluginDir, nodeKey)]);
  const run = fakeRun(nodeKey.split('@')[0] ?? nodeKey, options);
  const outcome = await hostWith(options.limits).run(bundle, {
    node: nodeKey,
    params: options.params ?? {},
    itemParams: options.itemParams ? itemParamsOf(run.input, options.itemParams) : {},
    input: run.input,
    ids: run.ids,
    now: run.now,
    capabilities: run.capabilities,
    ...(reads ? { reads } : {}),
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
  // Keyed by folder: two fixture folders may share a package name and version.
  return perFolder(bundles, pluginDir, (dir) => bundlePlugin(dir).then((source) => ({ key: dir, source })));
}

/** The fields the node declares it reads, as the server takes them from the plugin's manifest. */
async function readsOf(pluginDir: string, nodeKey: string): Promise<string[] | undefined> {
  const { nodes } = await perFolder(descriptions, pluginDir, (dir) =>
    describeFolder(dir).then((described) => descriptionSchema.parse(described)),
  );
  return nodes.find((node) => `${node.id}@${node.version}` === nodeKey)?.reads;
}

/** `make(folder)` once per plugin folder and kept; a failure is dropped, so a later run tries again. */
function perFolder<T>(
  cache: Map<string, Promise<T>>,
  pluginDir: string,
  make: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = resolve(pluginDir);
  let value = cache.get(dir);
  if (!value) {
    value = make(dir);
    value.catch(() => cache.delete(dir));
    cache.set(dir, value);
  }
  return value;
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
