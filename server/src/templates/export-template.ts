import { SbssError } from '../engine/errors.js';
import type { WorkflowInput } from '../engine/model.js';
import { placeholderText } from './placeholders.js';
import {
  type JsonValue,
  type ParameterType,
  parameterName,
  type Template,
  type TemplateCredential,
  type TemplateParameter,
} from './template-schema.js';

export interface ExportOptions {
  /** Credential type a node type uses, e.g. `notify/email@1` → `smtp`; `unknown` otherwise. */
  credentialType?: (nodeType: string) => string | undefined;
  description?: string;
}

/**
 * Turns a workflow into a template. `parameterMap` maps `<nodeId>.<param path>` (dots between
 * keys and array indexes, e.g. `rules.rules.0.points`) to a parameter name; the current value
 * becomes the parameter's default. Paths naming the same parameter share it. Credentials the
 * nodes name in a `credential` param are listed for the installer to create.
 */
export function exportTemplate(
  workflow: WorkflowInput,
  parameterMap: Record<string, string>,
  options: ExportOptions = {},
): Template {
  const copy = structuredClone(workflow);
  const parameters = new Map<string, TemplateParameter>();
  for (const [path, name] of Object.entries(parameterMap)) {
    if (!parameterName.safeParse(name).success) {
      throw new SbssError('TEMPLATE_INVALID', `"${name}" is not a valid parameter name`, { path });
    }
    const [nodeId = '', ...keys] = path.split('.');
    const node = copy.nodes.find((candidate) => candidate.id === nodeId);
    if (!node || keys.length === 0) {
      throw new SbssError('TEMPLATE_INVALID', `${path} does not name a node param (<nodeId>.<param path>)`);
    }
    const value = replaceAt(node.params as JsonValue, keys, placeholderText(name), path);
    if (!parameters.has(name)) {
      parameters.set(name, {
        name,
        description: `${node.name ?? node.id}: ${keys.join('.')}`,
        type: typeOf(value),
        default: value,
      });
    }
  }
  const { name, description, nodes, edges, stickyNotes, settings } = copy;
  return {
    template: {
      name,
      description: options.description ?? description ?? '',
      parameters: [...parameters.values()],
      credentials: credentialsOf(copy, options.credentialType),
    },
    workflow: JSON.parse(
      JSON.stringify({ name, description, nodes, edges, stickyNotes, settings }),
    ) as Record<string, JsonValue>,
  };
}

function replaceAt(root: JsonValue, keys: string[], replacement: string, path: string): JsonValue {
  let parent: JsonValue = root;
  for (const key of keys.slice(0, -1)) parent = child(parent, key, path);
  const last = keys.at(-1) ?? '';
  const value = child(parent, last, path);
  if (Array.isArray(parent)) parent[Number(last)] = replacement;
  else if (parent !== null && typeof parent === 'object') parent[last] = replacement;
  return value;
}

function child(parent: JsonValue, key: string, path: string): JsonValue {
  const value = Array.isArray(parent)
    ? parent[Number(key)]
    : parent !== null && typeof parent === 'object'
      ? parent[key]
      : undefined;
  if (value === undefined) throw new SbssError('TEMPLATE_INVALID', `${path} is not set in the workflow`);
  return value;
}

function typeOf(value: JsonValue): ParameterType {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return typeof value as ParameterType;
  }
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return 'string[]';
  return 'json';
}

function credentialsOf(
  workflow: WorkflowInput,
  credentialType: ExportOptions['credentialType'],
): TemplateCredential[] {
  const found = new Map<string, TemplateCredential>();
  for (const node of workflow.nodes) {
    const name = node.params.credential;
    if (typeof name !== 'string' || !name || name.includes('{{') || found.has(name)) continue;
    found.set(name, {
      name,
      type: credentialType?.(node.type) ?? 'unknown',
      description: `Used by ${node.name ?? node.id} (${node.type})`,
    });
  }
  return [...found.values()];
}
