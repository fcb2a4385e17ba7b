import { describe, expect, it } from 'vitest';
import { crossingScope, namedNodes } from './expression-scope.js';
import { testContext } from './expression-test-context.js';

describe('the scope that crosses into an isolate', () => {
  it('finds the upstream nodes named in writing, and none when one is reached otherwise', () => {
    expect(namedNodes(['$node["Webhook"].json', "$node['RSS feed'].items", '$node.Rules?.json.x'])).toEqual(
      new Map([
        ['Webhook', 'json'],
        ['RSS feed', 'all'],
        ['Rules', 'json'],
      ]),
    );
    expect(namedNodes(['$node.A.json.x', '$node.A.jsonish', '$node.B', '$node.B.json'])).toEqual(
      new Map([
        ['A', 'all'],
        ['B', 'all'],
      ]),
    );
    expect(namedNodes(['$node[name].json'])).toBeUndefined();
    expect(namedNodes(['Object.keys($node)'])).toBeUndefined();
    expect(namedNodes(['$node["a\\"b"]'])).toBeUndefined();
    expect(namedNodes(['$json.x'])).toEqual(new Map());
  });

  it("finds nodes named as n8n names them, $('Name'), and none when $ is reached otherwise", () => {
    expect(namedNodes(['$("Webhook").first().json.a', "$('RSS feed').all()", '$ ("Rules").first()'])).toEqual(
      new Map([
        ['Webhook', 'json'],
        ['RSS feed', 'all'],
        ['Rules', 'json'],
      ]),
    );
    expect(namedNodes(['$("A").first()', '$("A").last()'])).toEqual(new Map([['A', 'all']]));
    expect(namedNodes(['$(name).first()'])).toBeUndefined();
    expect(namedNodes(['[1].map($)'])).toBeUndefined();
    // A template literal's `${` inside an expression is not `$`.
    const templateLiteral = '`$' + '{$json.a}`';
    expect(namedNodes([templateLiteral, '$json.price$'])).toEqual(new Map());
    const context = testContext();
    expect(crossingScope(context, [templateLiteral]).nodes).toBeUndefined();
    expect(crossingScope(context, ['$("Webhook").first().json']).nodes).toEqual({
      Webhook: { json: { body: { user: 'ada' } } },
    });
  });

  it('carries only the upstream outputs and variables the sources read', () => {
    const context = testContext({
      nodes: {
        Webhook: { json: { a: 1 }, items: [{ a: 1 }] },
        Big: { json: { b: 1 }, items: Array.from({ length: 1_000 }, () => ({ b: 1 })) },
      },
    });
    expect(crossingScope(context, ['$json.a']).nodes).toBeUndefined();
    expect(crossingScope(context, ['$json.a']).vars).toBeUndefined();
    expect(crossingScope(context, ['$node["Webhook"].json.a']).nodes).toEqual({
      Webhook: { json: { a: 1 } },
    });
    expect(crossingScope(context, ['$node.Big.items.length']).nodes?.Big?.items).toHaveLength(1_000);
    expect(crossingScope(context, ['$node["Missing"]?.json']).nodes).toEqual({});
    expect(Object.keys(crossingScope(context, ['$node[$json.from].json']).nodes ?? {})).toEqual([
      'Webhook',
      'Big',
    ]);
    expect(crossingScope(context, ['$vars.brand']).vars).toEqual({ brand: 'Acme', threshold: 1000 });
  });

  it('writes an output keyed by id and by name once, the name as an alias', () => {
    const entry = { json: { a: 1 }, items: [{ a: 1 }] };
    const other = { json: { b: 2 }, items: [{ b: 2 }] };
    const crossed = crossingScope(testContext({ nodes: { n1: entry, Watch: entry, n2: other } }), [
      '$node[$json.from].json',
    ]);
    expect(crossed.nodes).toEqual({ n1: entry, n2: other });
    expect(crossed.aliases).toEqual({ Watch: 'n1' });
    expect(crossingScope(testContext(), ['$node[$json.from].json']).aliases).toBeUndefined();
  });

  it('keeps a node named __proto__ as a name', () => {
    const nodes = JSON.parse('{"__proto__": {"json": {}, "items": []}}');
    const crossed = crossingScope(testContext({ nodes }), ['$node["__proto__"].items']).nodes;
    expect(JSON.stringify(crossed)).toBe('{"__proto__":{"json":{},"items":[]}}');
  });
});
