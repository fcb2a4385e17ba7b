import type { ParamIssue } from '@sbss/sdk';
import type { Clock, NodeInvoker } from '../engine/index.js';
import type { NodeRegistry, SandboxNodeEntry } from '../plugins/node-registry.js';
import { type InstalledPluginInfo, installPlugin } from '../plugins/plugin-installer.js';
import { firstPartyPluginsDir, loadPluginDir, loadPlugins } from '../plugins/plugin-loader.js';
import { configureCodeSandbox } from '../sandbox/code-sandbox.js';
import { PluginHost } from '../sandbox/plugin-host.js';
import type { SandboxLimits } from '../sandbox/sandbox-limits.js';
import type { Store } from '../store/index.js';
import { createDispatchingInvoker } from './dispatching-invoker.js';
import type { HttpFactory, MailFactory } from './node-capabilities.js';
import { createSandboxInvoker } from './sandbox-invoker.js';

export interface SandboxedPluginsOptions {
  registry: NodeRegistry;
  store: Store;
  clock: Clock;
  http: HttpFactory;
  mail?: MailFactory;
  /** Hosts granted per plugin name on top of its manifest's `httpHosts`. */
  pluginHosts?: Record<string, string[]>;
  dataDir: string;
  /** Limits of plugin calls and Code nodes; defaults in `sandbox/sandbox-limits.ts`. */
  limits?: Partial<SandboxLimits>;
  /** Where first-party plugins live; the repository's `plugins/` by default. */
  firstPartyDir?: string;
  onError(error: unknown): void;
}

export interface SandboxedPlugins {
  /** Routes each call: plugin nodes to their isolate, the rest to `host`. */
  invoker(host: NodeInvoker): NodeInvoker;
  /** What a plugin node's own `check` finds in params, run in its isolate. */
  check(entry: SandboxNodeEntry, params: Record<string, unknown>): Promise<ParamIssue[]>;
  /** Installs a plugin (folder, tarball or npm name) and serves its nodes right away. */
  install(source: string): Promise<InstalledPluginInfo>;
  dispose(): void;
}

/** The plugin side of the platform: loads installed plugins at start and runs their nodes. */
export function createSandboxedPlugins(options: SandboxedPluginsOptions): SandboxedPlugins {
  const host = new PluginHost(options.limits, () => options.clock.now());
  if (options.limits) configureCodeSandbox(options.limits);
  const report = loadPlugins(options.registry, {
    dataDir: options.dataDir,
    firstPartyDir: options.firstPartyDir ?? firstPartyPluginsDir,
  });
  for (const failure of report.failed) {
    options.onError(new Error(`Plugin in ${failure.dir} was not loaded: ${failure.error}`));
  }
  const sandbox = createSandboxInvoker({ ...options, host });
  return {
    invoker: (hostInvoker) => createDispatchingInvoker(options.registry, hostInvoker, sandbox),
    check: (entry, params) => host.check(entry.bundle, `${entry.node.id}@${entry.node.version}`, params),
    async install(source) {
      const installed = await installPlugin(source, { dataDir: options.dataDir });
      loadPluginDir(options.registry, installed.dir);
      return installed;
    },
    dispose: () => host.dispose(),
  };
}
