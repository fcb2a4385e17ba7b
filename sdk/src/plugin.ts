import type { z } from 'zod';
import type { LocalizedText, NodeDefinition } from './node.js';

export interface CredentialDefinition<S extends z.ZodType = z.ZodType> {
  /** Credential type id, e.g. `hubspot-token`. */
  id: string;
  title: LocalizedText;
  /** Fields of the secret; all values are strings once decrypted. */
  fields: S;
}

export function defineCredential<S extends z.ZodType>(
  definition: CredentialDefinition<S>,
): CredentialDefinition<S> {
  return definition;
}

export interface PluginPermissions {
  /** Hosts `ctx.http` may reach, e.g. `api.hubapi.com` or `*.feishu.cn`. */
  httpHosts?: string[];
  /** Whether nodes may send mail through `ctx.mail` (SMTP credentials still have to be referenced). */
  mail?: boolean;
}

export interface PluginDefinition {
  /** Short name used in node types, e.g. `listening` in `listening/rss@1`. */
  name: string;
  version: string;
  title?: LocalizedText;
  nodes: NodeDefinition[];
  credentials?: CredentialDefinition[];
  permissions?: PluginPermissions;
}

const namePattern = /^[a-z][a-z0-9-]*$/;

export function definePlugin(definition: PluginDefinition): PluginDefinition {
  if (!namePattern.test(definition.name)) {
    throw new Error(`Plugin name "${definition.name}" must be lower-case letters, digits and dashes`);
  }
  const seen = new Set<string>();
  for (const node of definition.nodes) {
    const key = `${node.id}@${node.version}`;
    if (seen.has(key)) throw new Error(`Plugin "${definition.name}" declares ${key} twice`);
    seen.add(key);
  }
  return definition;
}

/** The full node type string used in workflows. */
export function nodeType(plugin: string, node: Pick<NodeDefinition, 'id' | 'version'>): string {
  return `${plugin}/${node.id}@${node.version}`;
}
