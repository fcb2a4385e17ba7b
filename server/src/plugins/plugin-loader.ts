import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PluginPackage, readPluginPackageDir } from './installed-plugin.js';
import type { NodeRegistry } from './node-registry.js';
import { pluginsDir } from './plugin-installer.js';

export interface LoadReport {
  loaded: { key: string; nodeTypes: string[] }[];
  failed: { dir: string; error: string }[];
}

/**
 * Registers every plugin the server can run: first-party plugins (`plugins/*` of the repository
 * that have been built) and those installed under `<dataDir>/plugins/<package>/<version>/`. A
 * plugin that fails to load is reported and skipped; the server starts without it.
 */
export function loadPlugins(
  registry: NodeRegistry,
  options: { dataDir: string; firstPartyDir?: string },
): LoadReport {
  const report: LoadReport = { loaded: [], failed: [] };
  const dirs = [
    ...(options.firstPartyDir ? builtFirstParty(options.firstPartyDir) : []),
    ...installedVersions(pluginsDir(options.dataDir)),
  ];
  for (const dir of dirs) {
    let plugin: PluginPackage;
    try {
      plugin = readPluginPackageDir(dir);
      report.loaded.push({ key: plugin.bundle.key, nodeTypes: registry.registerSandboxPlugin(plugin) });
    } catch (error) {
      report.failed.push({ dir, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** `plugins/<name>/` folders whose package.json has an `sbss` field: built, ready to load. */
function builtFirstParty(root: string): string[] {
  if (!existsSync(root)) return [];
  return subdirs(root).filter((dir) => {
    try {
      return readPluginPackageDir(dir) !== undefined;
    } catch {
      return false;
    }
  });
}

/** `<package>/<version>` and `@scope/<package>/<version>` folders. */
function installedVersions(root: string): string[] {
  if (!existsSync(root)) return [];
  const packages = subdirs(root).flatMap((dir) =>
    dir.split('/').pop()?.startsWith('@') ? subdirs(dir) : [dir],
  );
  return packages.flatMap(subdirs).filter((dir) => existsSync(join(dir, 'package.json')));
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name));
}

/** Registers one installed plugin folder (after `installPlugin`); returns the node types it serves. */
export function loadPluginDir(registry: NodeRegistry, dir: string): string[] {
  return registry.registerSandboxPlugin(readPluginPackageDir(dir));
}

/** The repository's first-party plugins, `plugins/*` beside `server/`. */
export const firstPartyPluginsDir = fileURLToPath(new URL('../../../plugins', import.meta.url));
