import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SbssError } from '../engine/errors.js';
import { pluginPackagePattern, pluginPackageSchema } from './manifest.js';

/**
 * The server's own node_modules: the SDK and zod a plugin is built and tested against when its
 * folder has none installed (a fresh `sbss plugin new`).
 */
export const serverNodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

export function readPluginPackage(dir: string) {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) throw new SbssError('PLUGIN_INVALID', `${dir} has no package.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SbssError('PLUGIN_INVALID', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = pluginPackageSchema.safeParse(raw);
  if (!parsed.success) throw new SbssError('PLUGIN_INVALID', `${file} needs a name and a version`);
  if (!pluginPackagePattern.test(parsed.data.name)) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `Package "${parsed.data.name}" is not a plugin name: use sbss-plugin-<name> or @scope/sbss-plugin-<name>`,
    );
  }
  return { file, raw: raw as Record<string, unknown>, pkg: parsed.data };
}

/** Version of a package as the plugin folder would resolve it, or the server's copy. */
export function installedVersion(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const version = versionAt(join(dir, 'node_modules', name, 'package.json'));
    if (version) return version;
    if (dirname(dir) === dir) break;
  }
  return versionAt(join(serverNodeModules, name, 'package.json'));
}

function versionAt(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof version === 'string' ? version : undefined;
}
