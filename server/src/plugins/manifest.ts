import { z } from 'zod';

/**
 * The manifest `sbss plugin build` writes next to the bundle: what the server needs to list,
 * validate and grant a plugin's nodes without running its code. Checked with this schema on
 * install and on every load, since it comes from a package the server did not build.
 */
const localized = z.union([
  z.string(),
  z.object({ en: z.string(), 'zh-Hans': z.string().optional(), 'zh-Hant': z.string().optional() }),
]);
const jsonSchema = z.record(z.string(), z.unknown());
const port = z.object({ title: localized.optional(), schema: jsonSchema.optional() });
const shortName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

/** npm names the server accepts as plugins: `sbss-plugin-*` or `@scope/sbss-plugin-*`. */
export const pluginPackagePattern = /^(@[a-z0-9][a-z0-9._-]*\/)?sbss-plugin-[a-z0-9][a-z0-9._-]*$/;

export const manifestNodeSchema = z.object({
  id: shortName,
  version: z.number().int().min(1),
  title: localized,
  description: localized.optional(),
  category: z.enum(['trigger', 'listening', 'scoring', 'crm', 'reporting', 'notify', 'flow', 'data']),
  trigger: z.enum(['manual', 'webhook', 'schedule', 'poll']).optional(),
  credentials: z.array(z.string()).default([]),
  /** Top-level item fields the node reads: only these cross into its isolate (see the SDK's `reads`). */
  reads: z.array(z.string().min(1)).max(100).optional(),
  /** The node checks its params beyond their schema while workflows are edited (the SDK's `check`). */
  checks: z.boolean().optional(),
  params: jsonSchema,
  inputs: z.record(z.string(), port),
  outputs: z.record(z.string(), port),
});

export const manifestSchema = z.object({
  manifestVersion: z.literal(1),
  /** Prefix of the plugin's node types: `listening` in `listening/rss@1`. */
  name: shortName,
  /** The npm package the plugin ships as. */
  package: z
    .string()
    .regex(pluginPackagePattern, 'an npm name of the form sbss-plugin-* or @scope/sbss-plugin-*'),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, 'a semantic version'),
  sdkVersion: z.string(),
  title: localized.optional(),
  nodes: z.array(manifestNodeSchema),
  credentials: z.array(z.object({ id: shortName, title: localized, fields: jsonSchema })).default([]),
  permissions: z
    .object({ httpHosts: z.array(z.string().min(1)).default([]), mail: z.boolean().default(false) })
    .default({ httpHosts: [], mail: false }),
});

export type PluginManifest = z.infer<typeof manifestSchema>;
export type ManifestNode = z.infer<typeof manifestNodeSchema>;

/** The `sbss` field of a plugin's package.json: where the build put the bundle and manifest. */
export const sbssFieldSchema = z.object({ bundle: z.string().min(1), manifest: z.string().min(1) });

export const pluginPackageSchema = z.object({
  name: z.string(),
  version: z.string(),
  sbss: sbssFieldSchema.optional(),
});

export const bundleFile = 'dist/sbss-bundle.js';
export const manifestFile = 'dist/sbss-manifest.json';
