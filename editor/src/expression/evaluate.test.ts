import { describe, expect, it } from 'vitest';
import { evaluateTemplate, type PreviewScope, previewTemplate } from './evaluate';
import {
  fromExpression,
  insideExpression,
  isExpression,
  soleExpression,
  splitTemplate,
  toExpression,
} from './template';

const scope: PreviewScope = {
  $json: { author: { name: 'Ann', followers: 1500 }, text: 'Great phone', tags: ['a', 'b'] },
  $node: { Webhook: { json: { id: 7 }, items: [{ id: 7 }] } },
  $vars: { brand: 'Acme' },
};

describe('templates', () => {
  it('finds expressions in text', () => {
    expect(isExpression('Hello {{ $json.name }}')).toBe(true);
    expect(isExpression('Hello')).toBe(false);
    expect(isExpression(5)).toBe(false);
    expect(splitTemplate('Hi {{ a }}!').map((s) => s.kind)).toEqual(['text', 'expression', 'text']);
    expect(soleExpression(' {{ $json.x }} ')).toBe('$json.x');
    expect(soleExpression('a {{ $json.x }}')).toBeUndefined();
  });

  it('switches values to and from expression mode', () => {
    expect(toExpression(5)).toBe('{{ 5 }}');
    expect(toExpression({ a: 1 })).toBe('{{ {"a":1} }}');
    expect(toExpression('text')).toBe('text');
    expect(fromExpression('{{ 5 }}', 0)).toBe(5);
    expect(fromExpression('{{ $json.count }}', 0)).toBe(0);
    expect(fromExpression('plain', '')).toBe('plain');
  });

  it('knows when the cursor is inside {{ }}', () => {
    expect(insideExpression('a {{ $json.', 11)).toBe(true);
    expect(insideExpression('a {{ x }} b', 10)).toBe(false);
  });
});

describe('evaluateTemplate', () => {
  it('keeps the type of a lone expression', () => {
    expect(evaluateTemplate('{{ $json.author.followers > 1000 }}', scope)).toBe(true);
    expect(evaluateTemplate('{{ $json.author.followers * 2 }}', scope)).toBe(3000);
    expect(evaluateTemplate('{{ $json.tags }}', scope)).toEqual(['a', 'b']);
  });

  it('joins text and values', () => {
    expect(evaluateTemplate('By {{ $json.author.name }} ({{ $json.tags.length }} tags)', scope)).toBe(
      'By Ann (2 tags)',
    );
  });

  it('supports upstream nodes, ternaries, methods and a few globals', () => {
    expect(evaluateTemplate('{{ $node["Webhook"].json.id }}', scope)).toBe(7);
    expect(evaluateTemplate('{{ $vars.brand }} care', scope)).toBe('Acme care');
    expect(evaluateTemplate('{{ $json.text.toUpperCase() }}', scope)).toBe('GREAT PHONE');
    expect(evaluateTemplate("{{ $json.author.followers >= 1000 ? 'big' : 'small' }}", scope)).toBe('big');
    expect(evaluateTemplate('{{ Math.round(2.6) + Number("1") }}', scope)).toBe(4);
    expect(evaluateTemplate('{{ $json.missing ?? "none" }}', scope)).toBe('none');
    expect(evaluateTemplate('{{ $json.author.followers == "1500" }}', scope)).toBe(true);
  });

  it('reads object literals, each key defined as written', () => {
    expect(
      evaluateTemplate("{{ $if($json.author.followers > 1000, { size: 'big', n: 2 }, {}) }}", scope),
    ).toEqual({
      size: 'big',
      n: 2,
    });
    const defined = evaluateTemplate('{{ { __proto__: 1 } }}', scope) as object;
    expect(Object.getPrototypeOf(defined)).toBe(Object.prototype);
    expect(Object.keys(defined)).toEqual(['__proto__']);
  });

  it("previews n8n's $input and $('Name') over the sample items", () => {
    expect(evaluateTemplate('{{ $input.item.json.author.name }}', scope)).toBe('Ann');
    expect(evaluateTemplate('{{ $input.first().json.text }}', { ...scope, $items: [scope.$json] })).toBe(
      'Great phone',
    );
    expect(evaluateTemplate('{{ $("Webhook").first().json.id }}', scope)).toBe(7);
    expect(evaluateTemplate("{{ $('Webhook').item.json.id }}", scope)).toBe(7);
    expect(evaluateTemplate('{{ $("Webhook").all().length }}', scope)).toBe(1);
    expect(evaluateTemplate('{{ $("Missing").isExecuted }}', scope)).toBe(false);
    expect(previewTemplate('{{ $("Missing").first().json }}', scope)).toEqual({
      ok: false,
      message: '$("Missing"): no upstream node of that name',
    });
    expect(evaluateTemplate('{{ $if($json.author.followers > 1000, "big", "small") }}', scope)).toBe('big');
    expect(evaluateTemplate('{{ $ifEmpty($json.missing, "none") }}', scope)).toBe('none');
    const named = { ...scope, $workflow: { id: 'wf-1', name: 'Brand watch', version: 2 } };
    expect(evaluateTemplate('{{ $workflow.name }} v{{ $workflow.version }}', named)).toBe('Brand watch v2');
    expect(previewTemplate('{{ $input.constructor }}', scope)).toMatchObject({ ok: false });
    expect(previewTemplate('{{ $input.first.call(1) }}', scope)).toMatchObject({ ok: false });
  });

  it('refuses prototype access and unknown calls instead of running them', () => {
    expect(previewTemplate('{{ $json.constructor }}', scope)).toMatchObject({ ok: false });
    expect(previewTemplate('{{ $json.text.constructor.constructor("return 1")() }}', scope)).toMatchObject({
      ok: false,
    });
    expect(previewTemplate('{{ fetch("http://x") }}', scope)).toMatchObject({ ok: false });
    expect(previewTemplate('{{ $json.author.name.toString() }}', scope)).toMatchObject({ ok: false });
  });

  it('reports syntax errors as a failed preview', () => {
    const result = previewTemplate('{{ $json. }}', scope);
    expect(result.ok).toBe(false);
  });
});
