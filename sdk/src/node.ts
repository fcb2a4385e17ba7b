import type { z } from 'zod';
import type { NodeContext, NodeResult } from './context.js';
import type { JsonValue } from './json.js';

export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';
/** A text in one language, or one per UI language (English required). */
export type LocalizedText = string | ({ en: string } & Partial<Record<Locale, string>>);

export type NodeCategory =
  | 'trigger'
  | 'listening'
  | 'scoring'
  | 'crm'
  | 'reporting'
  | 'notify'
  | 'flow'
  | 'data';

export interface PortSpec {
  /** Shape of the items on this port; absent means any JSON object. */
  schema?: z.ZodType;
  title?: LocalizedText;
}

export type TriggerKind = 'manual' | 'webhook' | 'schedule' | 'poll';

export interface NodeDefinition<P extends z.ZodType = z.ZodType> {
  /** Id within its plugin, e.g. `sentiment`; the full type is `<plugin>/<id>@<version>`. */
  id: string;
  /** Major version; a breaking change to params or ports is a new major. */
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  category: NodeCategory;
  params: P;
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
  /** Trigger nodes start executions; they have no inputs. */
  trigger?: TriggerKind;
  /** Credential types the node can use, by credential type id. */
  credentials?: string[];
  /**
   * The top-level fields of its input items the node reads, e.g. `['text', 'title', 'lang']`.
   * The sandbox then copies only these fields of each item into the node's isolate, which for a
   * node that reads the text of a mention is a fraction of the mention. An item the node passes
   * on, or spreads into its output with every field it read (`{ ...item, score }`), keeps its
   * other fields too (on one output item per port); an item built field by field is what it is
   * built of. Left out, the node gets whole items.
   */
  reads?: readonly string[];
  /**
   * Checks params beyond their schema while the workflow is being edited, e.g. that a query
   * parses, so the editor can show the problem under the field before anything runs. Gets the
   * params as the schema parsed them; a value that is a `{{ }}` expression is only known at run
   * time, so issues on it are dropped. `run` must still reject what this reports.
   */
  check?(params: z.output<P>): ParamIssue[] | Promise<ParamIssue[]>;
  run(ctx: NodeContext<z.output<P>>): Promise<NodeResult> | NodeResult;
}

/** Something wrong with a node's params, at `path` within them. */
export interface ParamIssue {
  path: (string | number)[];
  message: string;
  /** A warning points at a likely mistake that still runs, such as lower-case `and` in a query. */
  severity?: 'error' | 'warning';
  /** What the editor can show beside the message, such as a query's `column` and `pointer`. */
  details?: { [key: string]: JsonValue };
}

export type NodeDeclaration<P extends z.ZodType> = Omit<NodeDefinition<P>, 'version' | 'inputs' | 'outputs'> &
  Partial<Pick<NodeDefinition<P>, 'version' | 'inputs' | 'outputs'>>;

const idPattern = /^[a-z][a-z0-9-]*$/;

/** Declares a node: params, ports and `run` side by side. */
export function defineNode<P extends z.ZodType>(declaration: NodeDeclaration<P>): NodeDefinition<P> {
  if (!idPattern.test(declaration.id)) {
    throw new Error(`Node id "${declaration.id}" must be lower-case letters, digits and dashes`);
  }
  if (declaration.reads?.some((field) => typeof field !== 'string' || field === '')) {
    throw new Error(`Node "${declaration.id}" reads must list field names`);
  }
  const version = declaration.version ?? 1;
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`Node "${declaration.id}" version must be a positive integer`);
  }
  return {
    ...declaration,
    version,
    inputs: declaration.trigger ? {} : (declaration.inputs ?? { main: {} }),
    outputs: declaration.outputs ?? { main: {} },
  };
}
