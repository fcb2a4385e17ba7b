/**
 * The entry esbuild bundles to describe a plugin: it imports the plugin and the SDK's own zod
 * (the instance its schemas were made with) and leaves `__sbssDescribe()` on the global object,
 * returning the manifest's plugin-defined parts as JSON. It runs only inside an isolate.
 * JSON Schemas are written for input, as the editor's forms and `jsonSchemaOf` expect them.
 */
export function describeEntry(entryPath: string): string {
  return `
import * as entry from ${JSON.stringify(entryPath)};
import { z } from '@sbss/sdk';
const plugin = entry.default ?? entry.plugin;
const schema = (s) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ports = (p) => Object.fromEntries(Object.entries(p ?? {}).map(([name, port]) => [name, {
  ...(port.title ? { title: port.title } : {}),
  ...(port.schema ? { schema: schema(port.schema) } : {}),
}]));
globalThis.__sbssDescribe = () => {
  if (!plugin || !Array.isArray(plugin.nodes)) return null;
  return JSON.stringify({
    name: plugin.name,
    version: plugin.version,
    title: plugin.title,
    nodes: plugin.nodes.map((node) => ({
      id: node.id, version: node.version, title: node.title, description: node.description,
      category: node.category, trigger: node.trigger, credentials: node.credentials ?? [],
      reads: node.reads ? [...node.reads] : undefined,
      checks: typeof node.check === 'function' ? true : undefined,
      params: schema(node.params), inputs: ports(node.inputs), outputs: ports(node.outputs),
    })),
    credentials: (plugin.credentials ?? []).map((c) => ({ id: c.id, title: c.title, fields: schema(c.fields) })),
    permissions: { httpHosts: plugin.permissions?.httpHosts ?? [], mail: plugin.permissions?.mail === true },
  });
};
`;
}

/** The entry of the sandbox bundle: the plugin, left where the isolate's runtime picks it up. */
export function runtimeEntry(entryPath: string): string {
  return `
import * as entry from ${JSON.stringify(entryPath)};
globalThis.__sbssPlugin = entry.default ?? entry.plugin;
`;
}
