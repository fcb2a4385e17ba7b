import type { ExpressionFunctions } from '../api/contract';
import { insideExpression } from './template';

/**
 * What `{{ }}` autocompletion proposes: the fields of the sample items seen upstream, the names
 * of upstream nodes, the workspace's variables, and the built-in names. Plain data, so CodeMirror
 * and tests read it alike.
 */

export interface CompletionSource {
  /** The current item as the node will see it (first input item of the last run). */
  json: unknown;
  /** Upstream nodes by name, with their first output item. */
  nodes: Record<string, unknown>;
  /** The workspace's variables, as `$vars` holds them. */
  vars?: Record<string, unknown>;
  /** n8n's data transformation functions by the type of value (`GET /expressions/functions`). */
  functions?: Partial<ExpressionFunctions>;
}

export interface CompletionOption {
  label: string;
  /** What is inserted; the label when absent. */
  apply?: string;
  type: 'variable' | 'property' | 'node';
  detail?: string;
}

export interface CompletionResult {
  from: number;
  options: CompletionOption[];
}

const variables: CompletionOption[] = [
  { label: '$json', type: 'variable', detail: 'item' },
  { label: '$node', type: 'variable', detail: 'upstream' },
  { label: '$items', type: 'variable', detail: 'batch' },
  { label: '$now', type: 'variable', detail: 'time' },
  { label: '$execution', type: 'variable', detail: 'run' },
  { label: '$vars', type: 'variable', detail: 'workspace' },
  { label: '$workflow', type: 'variable', detail: 'this workflow' },
  { label: '$input', type: 'variable', detail: 'items, as n8n' },
  { label: '$("', type: 'variable', detail: 'upstream, as n8n' },
];

const identifier = /^[A-Za-z_$][\w$]*$/;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array[${value.length}]`;
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 24)}…"` : `"${value}"`;
  return String(value);
}

/** Splits `.a.b[0]["c d"]` into keys. Undefined when the text is not a plain path. */
function parsePath(text: string): (string | number)[] | undefined {
  const keys: (string | number)[] = [];
  const step = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[(["'])((?:(?!\3).)*)\3\])/;
  let rest = text;
  while (rest.length > 0) {
    const match = step.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(match[4] ?? '');
    rest = rest.slice(match[0].length);
  }
  return keys;
}

function walk(value: unknown, keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function propertiesOf(value: unknown): CompletionOption[] {
  if (Array.isArray(value)) {
    return [
      { label: 'length', type: 'property', detail: String(value.length) },
      ...value.slice(0, 3).map((v, i) => ({
        label: `[${i}]`,
        apply: `[${i}]`,
        type: 'property' as const,
        detail: describeValue(v),
      })),
    ];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).map(([key, v]) => ({
    label: key,
    apply: identifier.test(key) ? key : `[${JSON.stringify(key)}]`,
    type: 'property' as const,
    detail: describeValue(v),
  }));
}

/**
 * The chain being typed just before the cursor, e.g. `$json.author.fo`: its root (group 1; a
 * node's name in group 3 or 5), the path after it (group 6) and the partial key (group 8).
 */
const chainBefore =
  /(\$json|\$input\.item\.json|\$vars|(?:\$node\[(["'])((?:(?!\2).)*)\2\]|\$\((["'])((?:(?!\4).)*)\4\)\.first\(\))\.json)((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\[(["'])(?:(?!\7).)*\7\])*)\.([A-Za-z_$][\w$]*)?$/;

/** A node's name being typed: `$node["We` or `$("We`. */
const nodeNameBefore = /(\$node\[|\$\()(["'])([^"']*)$/;

/** A member of `$input` or `$("Name")` being typed: the object (group 1) and the partial (group 3). */
const accessorBefore = /(\$input|\$\((["'])(?:(?!\2).)*\2\))\.([A-Za-z_$][\w$]*)?$/;

const accessorMembers: CompletionOption[] = [
  { label: 'item', apply: 'item.json', type: 'property', detail: 'the current item' },
  { label: 'first()', apply: 'first().json', type: 'property', detail: 'first item' },
  { label: 'last()', apply: 'last().json', type: 'property', detail: 'last item' },
  { label: 'all()', type: 'property', detail: 'every item, as { json }' },
];

const nodeAccessorMembers: CompletionOption[] = [
  ...accessorMembers.map((member) =>
    member.label === 'item' ? { ...member, detail: 'the item this one came from' } : member,
  ),
  { label: 'isExecuted', type: 'property', detail: 'whether it ran' },
];

/** A static of Luxon's being typed: `DateTime.fromI`. */
const luxonBefore = /\b(DateTime|Duration|Interval)\.([A-Za-z_$][\w$]*)?$/;

const luxonClasses: CompletionOption[] = ['DateTime', 'Duration', 'Interval'].map((label) => ({
  label,
  type: 'variable',
  detail: 'dates (Luxon)',
}));

/** The statics of Luxon's classes that make values, and DateTime's format presets. */
const luxonStaticNames: Record<string, string[]> = {
  DateTime: [
    'now',
    'fromISO',
    'fromFormat',
    'fromMillis',
    'fromSeconds',
    'fromSQL',
    'fromObject',
    'utc',
    'max',
    'min',
  ],
  Duration: ['fromObject', 'fromMillis', 'fromISO', 'fromISOTime'],
  Interval: ['fromISO', 'fromDateTimes', 'after', 'before'],
};
const dateTimePresets = [
  'DATE_SHORT',
  'DATE_MED',
  'DATE_FULL',
  'DATE_HUGE',
  'TIME_SIMPLE',
  'DATETIME_SHORT',
  'DATETIME_MED',
  'DATETIME_FULL',
];

function luxonStatics(name: string): CompletionOption[] {
  const made = (luxonStaticNames[name] ?? []).map(
    (key): CompletionOption => ({ label: `${key}()`, apply: `${key}(`, type: 'property', detail: name }),
  );
  const presets = name === 'DateTime' ? dateTimePresets : [];
  return [
    ...made,
    ...presets.map((key): CompletionOption => ({ label: key, type: 'property', detail: 'format' })),
  ];
}

/** n8n's functions for a value of the sample, after its own fields. */
function functionsOf(value: unknown, functions: CompletionSource['functions']): CompletionOption[] {
  const type = Array.isArray(value)
    ? 'array'
    : typeof value === 'string'
      ? 'string'
      : typeof value === 'number'
        ? 'number'
        : typeof value === 'object' && value !== null
          ? 'object'
          : undefined;
  const dated = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? (functions?.date ?? []) : [];
  return [...(type ? (functions?.[type] ?? []) : []), ...dated].map((name) => ({
    label: `${name}()`,
    apply: `${name}(`,
    type: 'property',
    detail: 'n8n',
  }));
}

function chainRoot(chain: RegExpExecArray, source: CompletionSource): unknown {
  if (chain[1] === '$json' || chain[1] === '$input.item.json') return source.json;
  if (chain[1] === '$vars') return source.vars;
  return source.nodes[chain[3] ?? chain[5] ?? ''];
}

export function completeAt(
  text: string,
  offset: number,
  source: CompletionSource,
): CompletionResult | undefined {
  if (!insideExpression(text, offset)) return undefined;
  const before = text.slice(0, offset);
  const chain = chainBefore.exec(before);
  if (chain) {
    const root = chainRoot(chain, source);
    const keys = parsePath(chain[6] ?? '');
    const partial = chain[8] ?? '';
    if (!keys) return undefined;
    const value = walk(root, keys);
    const options = [...propertiesOf(value), ...functionsOf(value, source.functions)].filter((o) =>
      o.label.startsWith(partial),
    );
    return { from: offset - partial.length, options };
  }
  const accessor = accessorBefore.exec(before);
  if (accessor) {
    const partial = accessor[3] ?? '';
    const members = accessor[1] === '$input' ? accessorMembers : nodeAccessorMembers;
    return { from: offset - partial.length, options: members.filter((m) => m.label.startsWith(partial)) };
  }
  const luxon = luxonBefore.exec(before);
  if (luxon) {
    const partial = luxon[2] ?? '';
    const options = luxonStatics(luxon[1] ?? '').filter((o) => o.label.startsWith(partial));
    return { from: offset - partial.length, options };
  }
  const nodeName = nodeNameBefore.exec(before);
  if (nodeName) {
    const quote = nodeName[2] ?? '"';
    const partial = nodeName[3] ?? '';
    const rest = nodeName[1] === '$(' ? ').first().json' : '].json';
    const options = Object.keys(source.nodes)
      .filter((name) => name.startsWith(partial))
      .map((name) => ({ label: name, apply: `${name}${quote}${rest}`, type: 'node' as const }));
    return { from: offset - partial.length, options };
  }
  const word = /\$[\w$]*$/.exec(before);
  if (word) {
    return { from: offset - word[0].length, options: variables.filter((v) => v.label.startsWith(word[0])) };
  }
  const className = /(?<![\w$.])[A-Z][A-Za-z]*$/.exec(before);
  if (className) {
    const options = luxonClasses.filter((c) => c.label.startsWith(className[0]));
    return options.length > 0 ? { from: offset - className[0].length, options } : undefined;
  }
  return undefined;
}
