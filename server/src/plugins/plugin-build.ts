import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import { SbssError } from '../engine/errors.js';
import { describeInIsolate } from '../sandbox/describe-isolate.js';
import { describeEntry, runtimeEntry } from './describe-entry.js';
import { bundleFile, manifestFile, manifestSchema, type PluginManifest } from './manifest.js';
import { installedVersion, readPluginPackage, serverNodeModules } from './package-files.js';

export interface BuildResult {
  dir: string;
  bundlePath: string;
  manifestPath: string;
  manifest: PluginManifest;
  bundleBytes: number;
}

const builtins = new Set(builtinModules);

/** Fails the build on a Node built-in import: the sandbox has none, and it would only fail later. */
const noNodeBuiltins: EsbuildPlugin = {
  name: 'sbss-no-node-builtins',
  setup(context) {
    context.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      const name = args.path.startsWith('node:') ? args.path.slice(5) : args.path;
      if (!args.path.startsWith('node:') && !builtins.has(name)) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node built-in; plugins run in a sandbox without them (use ctx.http, ctx.data, ctx.state and ctx.credentials instead)`,
          },
        ],
      };
    });
  },
};

/**
 * `sbss plugin build`: bundles `src/index.ts` with its dependencies (the SDK and zod included)
 * into one script for the sandbox, loads that plugin in a throwaway isolate to generate the
 * manifest, writes both to `dist/` and points package.json's `sbss` field at them.
 */
export async function buildPlugin(folder: string): Promise<BuildResult> {
  const dir = resolve(folder);
  const { file, raw, pkg } = readPluginPackage(dir);
  const entry = pluginEntry(dir);

  const bundle = await bundleScript(runtimeEntry(entry), dir);
  const described = (await describeFolder(dir)) as { version?: unknown };
  if (described.version !== pkg.version) {
    throw new SbssError(
      'PLUGIN_INVALID',
      `definePlugin says version ${String(described.version)} but package.json says ${pkg.version}; make them the same`,
    );
  }
  const parsed = manifestSchema.safeParse({
    ...described,
    manifestVersion: 1,
    package: pkg.name,
    sdkVersion: installedVersion('@sbss/sdk', dir) ?? 'unknown',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SbssError(
      'PLUGIN_INVALID',
      `The plugin's definition is not valid at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }

  mkdirSync(join(dir, 'dist'), { recursive: true });
  const bundlePath = join(dir, bundleFile);
  const manifestPath = join(dir, manifestFile);
  writeFileSync(bundlePath, bundle);
  writeFileSync(manifestPath, `${JSON.stringify(parsed.data, null, 2)}\n`);
  const sbss = raw.sbss as { bundle?: unknown; manifest?: unknown } | undefined;
  if (sbss?.bundle !== bundleFile || sbss?.manifest !== manifestFile) {
    writeFileSync(
      file,
      `${JSON.stringify({ ...raw, sbss: { bundle: bundleFile, manifest: manifestFile } }, null, 2)}\n`,
    );
  }
  return { dir, bundlePath, manifestPath, manifest: parsed.data, bundleBytes: Buffer.byteLength(bundle) };
}

/**
 * The sandbox script of a plugin folder exactly as `buildPlugin` bundles it, written nowhere:
 * for plugin tests that load their own bundle in an isolate or a bare context.
 */
export async function bundlePlugin(folder: string): Promise<string> {
  const dir = resolve(folder);
  return bundleScript(runtimeEntry(pluginEntry(dir)), dir);
}

/**
 * The plugin-defined parts of the manifest of a plugin folder, as `buildPlugin` writes them but
 * unchecked: its definition, loaded in a throwaway isolate.
 */
export async function describeFolder(folder: string): Promise<unknown> {
  const dir = resolve(folder);
  return JSON.parse(await describeInIsolate(await bundleScript(describeEntry(pluginEntry(dir)), dir)));
}

function pluginEntry(dir: string): string {
  const entry = ['src/index.ts', 'src/index.js'].map((name) => join(dir, name)).find(existsSync);
  if (!entry) throw new SbssError('PLUGIN_INVALID', `${dir} has no src/index.ts`);
  return entry;
}

async function bundleScript(contents: string, dir: string): Promise<string> {
  try {
    // Loaded on first use so that starting the server does not pay for the bundler.
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents, resolveDir: dir, sourcefile: 'sbss-entry.js', loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      // Plugins are ES modules, strict by definition; without this an assignment to a frozen
      // built-in would fail silently in the bundle instead of throwing.
      banner: { js: '"use strict";' },
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      // A library that checks NODE_ENV would otherwise read `process`, which the sandbox lacks.
      define: { 'process.env.NODE_ENV': '"production"' },
      nodePaths: [serverNodeModules],
      plugins: [noNodeBuiltins],
      logLevel: 'silent',
      legalComments: 'none',
      // Smaller means faster to compile at first call; names stay, so stack traces stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
    });
    return result.outputFiles[0]?.text ?? '';
  } catch (error) {
    const failures = (
      error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }
    ).errors;
    const lines = failures?.map(({ text, location }) =>
      location ? `${location.file}:${location.line}: ${text}` : text,
    );
    throw new SbssError(
      'PLUGIN_INVALID',
      `The plugin does not build:\n${lines?.join('\n') ?? String(error)}`,
    );
  }
}
