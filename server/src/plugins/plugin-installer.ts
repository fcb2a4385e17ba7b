import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { SbssError } from '../engine/errors.js';
import { PluginHost } from '../sandbox/plugin-host.js';
import { type PluginPackage, readPluginPackageDir } from './installed-plugin.js';
import { pluginPackagePattern } from './manifest.js';
import { extractTarball } from './tarball.js';

export interface InstalledPluginInfo {
  /** Prefix of the node types, e.g. `starter`. */
  name: string;
  package: string;
  version: string;
  /** What the plugin asks for; shown before and after installing. */
  permissions: { httpHosts: string[]; mail: boolean };
  nodeTypes: string[];
  dir: string;
}

export interface InstallOptions {
  dataDir: string;
}

const run = promisify(execFile);

/** Where installed plugins live: `<dataDir>/plugins/<package>/<version>/`. */
export function pluginsDir(dataDir: string): string {
  return join(dataDir, 'plugins');
}

/**
 * Installs a plugin from a folder, a tarball (`.tgz`, as `npm pack` writes) or the npm registry
 * (`name` or `name@range`, fetched with `npm pack`). The package is checked (manifest schema,
 * bundle present, and the bundle loads in an isolate) before anything is written, then copied
 * to its own version folder: versions coexist, reinstalling a version replaces it.
 */
export async function installPlugin(source: string, options: InstallOptions): Promise<InstalledPluginInfo> {
  const scratch = mkdtempSync(join(tmpdir(), 'sbss-plugin-'));
  try {
    const dir = await unpack(source, scratch);
    const plugin = readPluginPackageDir(dir);
    verifyLoads(plugin);
    const target = join(pluginsDir(options.dataDir), plugin.manifest.package, plugin.manifest.version);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    for (const file of [join(dir, 'package.json'), plugin.bundlePath, plugin.manifestPath]) {
      const to = join(target, relative(dir, file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
    const { manifest } = plugin;
    return {
      name: manifest.name,
      package: manifest.package,
      version: manifest.version,
      permissions: { httpHosts: [...manifest.permissions.httpHosts], mail: manifest.permissions.mail },
      nodeTypes: manifest.nodes.map((node) => `${manifest.name}/${node.id}@${node.version}`),
      dir: target,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function unpack(source: string, scratch: string): Promise<string> {
  if (existsSync(source) && statSync(source).isDirectory()) return source;
  if (existsSync(source)) return fromTarball(source, scratch);
  const spec = source.replace(/@[^@/]+$/, '') ? source : '';
  const name = spec.startsWith('@') ? `@${spec.slice(1).split('@')[0]}` : spec.split('@')[0];
  if (!name || !pluginPackagePattern.test(name)) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `"${source}" is not a folder, a tarball or an npm plugin name (sbss-plugin-* or @scope/sbss-plugin-*)`,
    );
  }
  try {
    await run('npm', ['pack', source, '--pack-destination', scratch, '--silent'], {
      cwd: scratch,
      timeout: 120_000,
    });
  } catch (error) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `npm could not fetch ${source}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new SbssError('PLUGIN_INVALID', `npm pack ${source} wrote no tarball`);
  return fromTarball(join(scratch, tarball), scratch);
}

function fromTarball(file: string, scratch: string): string {
  const target = join(scratch, 'unpacked');
  extractTarball(file, target);
  // npm pack puts everything under package/; other tools may not.
  return existsSync(join(target, 'package', 'package.json')) ? join(target, 'package') : target;
}

/** Loads the bundle once in a throwaway isolate, so a broken bundle is refused at install time. */
function verifyLoads(plugin: PluginPackage): void {
  const host = new PluginHost({ cpuTimeMs: 5_000 });
  try {
    host.warm(plugin.bundle);
  } finally {
    host.dispose();
  }
}
