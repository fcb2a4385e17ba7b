import { type Node, parse } from 'acorn';
import { BoundedCache } from './bounded-cache.js';
import { extensionNames } from './extension-functions-source.js';

/** Luxon's getters that n8n's `$now.hour` and `$today.weekday` read off its dates. */
const dateGetters = new Set([
  'year',
  'quarter',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
  'weekday',
  'weekNumber',
  'ordinal',
  'daysInMonth',
  'isWeekend',
  'monthLong',
  'monthShort',
  'weekdayLong',
  'weekdayShort',
]);
const clocks = new Set(['$now', '$today']);

const maybeCalled = new RegExp(
  `\\.\\s*(?:${[...extensionNames].join('|')})\\s*\\(|\\$(?:now|today)\\s*\\.\\s*(?:${[...dateGetters].join('|')})\\b`,
);
const rewritten = new BoundedCache<string, string>(5_000);

type AnyNode = Node & Record<string, unknown>;

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The node's children in source order. */
function childrenOf(node: AnyNode): AnyNode[] {
  const children: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (isNode(value)) children.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) children.push(item);
  }
  return children.sort((a, b) => a.start - b.start);
}

/**
 * The expression source with each call of one of n8n's data transformation functions
 * (`text.toTitleCase()`, `list.sum()`) written as `$ext(text, "toTitleCase", [])`
 * (`extension-functions-source.ts`), and Luxon's getters read off `$now` and `$today`
 * (`$now.hour`) as off the DateTime they stand for. A source that does not parse is returned as it is, for the
 * isolate to report its syntax error; one that names none of the functions is never parsed.
 */
export function withExtensionCalls(source: string): string {
  if (!maybeCalled.test(source)) return source;
  const known = rewritten.get(source);
  if (known !== undefined) return known;
  let result = source;
  try {
    // Parsed as the isolate compiles it: `return (` source `\n)`.
    const wrapped = `(${source}\n)`;
    const [statement] = parse(wrapped, { ecmaVersion: 'latest' }).body as AnyNode[];
    if (statement?.type === 'ExpressionStatement')
      result = emit(statement.expression as AnyNode, wrapped, false);
  } catch {
    // The isolate compiles the source as written and reports what is wrong with it.
  }
  rewritten.set(source, result);
  return result;
}

function emit(node: AnyNode, source: string, inChain: boolean): string {
  const chained = inChain || node.type === 'ChainExpression';
  const callee = node.callee as AnyNode | undefined;
  const property = callee?.property as AnyNode | undefined;
  if (
    node.type === 'CallExpression' &&
    callee?.type === 'MemberExpression' &&
    !callee.computed &&
    property?.type === 'Identifier' &&
    extensionNames.has(property.name as string) &&
    (callee.object as AnyNode).type !== 'Super'
  ) {
    const args = (node.arguments as AnyNode[]).map((arg) => emit(arg, source, chained));
    const optional = chained ? ', true' : '';
    return `$ext(${emit(callee.object as AnyNode, source, chained)}, ${JSON.stringify(property.name)}, [${args.join(', ')}]${optional})`;
  }
  const object = node.object as AnyNode | undefined;
  const member = node.property as AnyNode | undefined;
  if (
    node.type === 'MemberExpression' &&
    !node.computed &&
    object?.type === 'Identifier' &&
    clocks.has(object.name as string) &&
    member?.type === 'Identifier' &&
    dateGetters.has(member.name as string)
  ) {
    return `DateTime.fromISO(${object.name as string}).${member.name as string}`;
  }
  let out = '';
  let at = node.start;
  for (const child of childrenOf(node)) {
    // A shorthand property's key and value are one span: it is written once.
    if (child.start < at) continue;
    out += source.slice(at, child.start) + emit(child, source, chained);
    at = child.end;
  }
  return out + source.slice(at, node.end);
}
