import jsepObject, { type ObjectExpression } from '@jsep-plugin/object';
import jsep from 'jsep';
import { ItemsAccessor } from './item-accessors';
import { PreviewError } from './preview-error';
import { splitTemplate } from './template';

/**
 * Evaluates expressions for the editor's live preview, on sample data, by walking the parsed
 * tree: no `eval`, no `Function`, no access to prototypes. Only what a preview needs (paths,
 * operators, a few pure methods); the server's sandbox remains the authority at run time.
 */

export interface PreviewScope {
  $json: unknown;
  /** `paired`: the item of that node the sample item was made from, where the run on screen says. */
  $node?: Record<string, { json: unknown; items: unknown[]; paired?: unknown }>;
  $items?: unknown[];
  $now?: string;
  $vars?: Record<string, unknown>;
  $execution?: { id: string; workflowId: string; mode: string };
  $workflow?: { id: string; name: string; version: number };
}

// Object literals: `$if(ok, { label: 'yes' }, {})`.
jsep.plugins.register(jsepObject);

const forbidden = new Set(['__proto__', 'prototype', 'constructor', '__defineGetter__', '__lookupGetter__']);

const methods: Record<string, ReadonlySet<string>> = {
  string: new Set([
    'toUpperCase',
    'toLowerCase',
    'trim',
    'trimStart',
    'trimEnd',
    'includes',
    'startsWith',
    'endsWith',
    'slice',
    'substring',
    'split',
    'indexOf',
    'replace',
    'replaceAll',
    'padStart',
    'padEnd',
    'at',
    'concat',
    'repeat',
  ]),
  number: new Set(['toFixed', 'toString', 'toPrecision']),
  array: new Set(['includes', 'join', 'slice', 'indexOf', 'at', 'concat', 'flat']),
};

const globals: Record<string, Record<string, (...args: unknown[]) => unknown>> = {
  Math: {
    round: (x) => Math.round(Number(x)),
    floor: (x) => Math.floor(Number(x)),
    ceil: (x) => Math.ceil(Number(x)),
    abs: (x) => Math.abs(Number(x)),
    min: (...xs) => Math.min(...xs.map(Number)),
    max: (...xs) => Math.max(...xs.map(Number)),
  },
  JSON: { stringify: (x) => JSON.stringify(x), parse: (x) => JSON.parse(String(x)) },
  Object: { keys: (x) => Object.keys(x ?? {}), values: (x) => Object.values(x ?? {}) },
};

/** Empty as n8n's `$ifEmpty` takes it. */
const isEmpty = (x: unknown) =>
  x === undefined ||
  x === null ||
  x === '' ||
  (Array.isArray(x) && x.length === 0) ||
  (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype && Object.keys(x).length === 0);

const functions: Record<string, (...args: unknown[]) => unknown> = {
  String: (x) => String(x),
  Number: (x) => Number(x),
  Boolean: (x) => Boolean(x),
  $if: (condition, whenTrue, whenFalse) => (condition ? whenTrue : whenFalse),
  $ifEmpty: (value, fallback) => (isEmpty(value) ? fallback : value),
};

/** JavaScript's `==` for JSON values: null matches undefined, numbers match numeric strings. */
function looseEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (
    typeof a !== typeof b &&
    ['number', 'string', 'boolean'].includes(typeof a) &&
    ['number', 'string', 'boolean'].includes(typeof b)
  ) {
    return Number(a) === Number(b);
  }
  return a === b;
}

function binary(op: string, a: unknown, b: unknown): unknown {
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+':
      return typeof a === 'string' || typeof b === 'string' ? String(a) + String(b) : x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '==':
      return looseEquals(a, b);
    case '!=':
      return !looseEquals(a, b);
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    default:
      throw new PreviewError(`operator ${op}`);
  }
}

function member(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined)
    throw new PreviewError(`cannot read "${String(key)}" of ${object}`);
  const name = String(key);
  if (forbidden.has(name)) throw new PreviewError(`"${name}" is not readable`);
  if (object instanceof ItemsAccessor) return object.read(name);
  if (typeof object === 'string' || Array.isArray(object)) {
    if (name === 'length') return object.length;
  }
  if (typeof object !== 'object') return undefined;
  return Object.hasOwn(object, name) ? (object as Record<string, unknown>)[name] : undefined;
}

type Node = jsep.Expression;

function evaluateNode(node: Node, scope: PreviewScope): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value;
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (name === 'undefined') return undefined;
      if (name === '$input') return ItemsAccessor.input(scope.$items ?? [scope.$json], scope.$json);
      if (Object.hasOwn(scope, name)) return scope[name as keyof PreviewScope];
      throw new PreviewError(`unknown name "${name}"`);
    }
    case 'ThisExpression':
      throw new PreviewError('"this" is not available');
    case 'ArrayExpression':
      return (node as jsep.ArrayExpression).elements.map((e) => (e ? evaluateNode(e, scope) : undefined));
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression;
      const object = evaluateNode(m.object, scope);
      const key = m.computed ? evaluateNode(m.property, scope) : (m.property as jsep.Identifier).name;
      if (m.optional && (object === null || object === undefined)) return undefined;
      return member(object, key);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const value = evaluateNode(u.argument, scope);
      if (u.operator === '!') return !value;
      if (u.operator === '-') return -(value as number);
      if (u.operator === '+') return +(value as number);
      if (u.operator === 'typeof') return typeof value;
      throw new PreviewError(`operator ${u.operator}`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (b.operator === '&&') return evaluateNode(b.left, scope) && evaluateNode(b.right, scope);
      if (b.operator === '||') return evaluateNode(b.left, scope) || evaluateNode(b.right, scope);
      if (b.operator === '??') return evaluateNode(b.left, scope) ?? evaluateNode(b.right, scope);
      return binary(b.operator, evaluateNode(b.left, scope), evaluateNode(b.right, scope));
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return evaluateNode(c.test, scope)
        ? evaluateNode(c.consequent, scope)
        : evaluateNode(c.alternate, scope);
    }
    case 'CallExpression':
      return call(node as jsep.CallExpression, scope);
    case 'ObjectExpression':
      return objectLiteral(node as ObjectExpression, scope);
    default:
      throw new PreviewError(`${node.type} is not supported in the preview`);
  }
}

/** `{ days: 1, [key]: value }`, each property defined, so `__proto__` is a key like any other. */
function objectLiteral(node: ObjectExpression, scope: PreviewScope): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const property of node.properties) {
    const key = property.computed
      ? String(evaluateNode(property.key, scope))
      : property.key.type === 'Identifier'
        ? (property.key as jsep.Identifier).name
        : String((property.key as jsep.Literal).value);
    const value = evaluateNode(property.shorthand || !property.value ? property.key : property.value, scope);
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function call(node: jsep.CallExpression, scope: PreviewScope): unknown {
  const args = node.arguments.map((a) => evaluateNode(a, scope));
  const callee = node.callee;
  if (callee.type === 'Identifier') {
    const name = (callee as jsep.Identifier).name;
    if (name === '$') {
      const node = String(args[0]);
      return ItemsAccessor.node(
        node,
        scope.$node && Object.hasOwn(scope.$node, node) ? scope.$node[node] : undefined,
      );
    }
    const fn = functions[name];
    if (fn) return fn(...args);
  }
  if (callee.type === 'MemberExpression') {
    const m = callee as jsep.MemberExpression;
    const name = m.computed ? String(evaluateNode(m.property, scope)) : (m.property as jsep.Identifier).name;
    if (m.object.type === 'Identifier') {
      const namespace = globals[(m.object as jsep.Identifier).name];
      const fn = namespace?.[name];
      if (fn) return fn(...args);
    }
    const target = evaluateNode(m.object, scope);
    const answer = target instanceof ItemsAccessor ? target.call(name) : undefined;
    if (answer) return answer.value;
    const kind = Array.isArray(target) ? 'array' : typeof target;
    if (methods[kind]?.has(name)) {
      const method = (target as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
      return method.apply(target, args);
    }
    throw new PreviewError(`"${name}" is not available in the preview`);
  }
  throw new PreviewError('this call is not available in the preview');
}

export function evaluateExpression(code: string, scope: PreviewScope): unknown {
  if (code.trim() === '') return undefined;
  let tree: Node;
  try {
    tree = jsep(code);
  } catch (error) {
    throw new PreviewError(error instanceof Error ? error.message : String(error));
  }
  return evaluateNode(tree, scope);
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A template's value: the expression's own value when it is alone, otherwise the joined text. */
export function evaluateTemplate(template: string, scope: PreviewScope): unknown {
  const segments = splitTemplate(template);
  const [first] = segments;
  if (segments.length === 1 && first?.kind === 'expression') return evaluateExpression(first.code, scope);
  return segments
    .map((s) => (s.kind === 'text' ? s.text : asText(evaluateExpression(s.code, scope))))
    .join('');
}

export type Preview = { ok: true; value: unknown } | { ok: false; message: string };

export function previewTemplate(template: string, scope: PreviewScope): Preview {
  try {
    return { ok: true, value: evaluateTemplate(template, scope) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
