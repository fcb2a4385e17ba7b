import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SbssError } from '../engine/errors.js';
import { manifestSchema, type PluginManifest } from './manifest.js';
import type { SandboxPlugin } from './node-registry.js';
import { readPluginPackage } from './package-files.js';

/** A plugin package on disk with its manifest checked and its bundle read. */
export interface PluginPackage extends SandboxPlugin {
  dir: string;
  bundlePath: string;
  manifestPath: string;
}

/**
 * Reads a built plugin package: package.json's `sbss` field, the manifest it names (checked
 * against the schema and against package.json) and the bundle. Paths must stay inside the package.
 */
export function readPluginPackageDir(dir: string): PluginPackage {
  const { pkg } = readPluginPackage(dir);
  if (!pkg.sbss) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `${pkg.name} has no "sbss" field in package.json; run sbss plugin build first`,
    );
  }
  const bundlePath = inside(dir, pkg.sbss.bundle);
  const manifestPath = inside(dir, pkg.sbss.manifest);
  for (const file of [bundlePath, manifestPath]) {
    if (!existsSync(file))
      throw new SbssError(
        'PLUGIN_INVALID',
        `${pkg.name} lacks ${relative(dir, file)}; run sbss plugin build`,
      );
  }
  const manifest = readManifest(manifestPath);
  if (manifest.package !== pkg.name || manifest.version !== pkg.version) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `The manifest describes ${manifest.package}@${manifest.version} but the package is ${pkg.name}@${pkg.version}; rebuild it`,
    );
  }
  const source = readFileSync(bundlePath, 'utf8');
  return {
    dir,
    bundlePath,
    manifestPath,
    manifest,
    bundle: { key: `${manifest.package}@${manifest.version}`, source },
  };
}

function readManifest(file: string): PluginManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SbssError('PLUGIN_INVALID', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SbssError(
      'PLUGIN_INVALID',
      `The manifest is not valid at ${issue?.path.join('.') || 'its root'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

function inside(dir: string, path: string): string {
  const full = resolve(dir, path);
  if (relative(dir, full).startsWith('..')) {
    throw new SbssError('PLUGIN_INVALID', `"${path}" in the sbss field points outside the package`);
  }
  return join(full);
}
