import { describe, expect, it } from 'vitest';
import { expressionSyntaxIssues } from './expression-check.js';

describe('expressionSyntaxIssues', () => {
  it('finds nothing wrong with expressions that compile, n8n functions and literals included', () => {
    expect(
      expressionSyntaxIssues({
        when: '{{ $json.sentiment.label === "negative" && $json.author.followers > 1000 }}',
        fields: { title: 'Re: {{ $json.title.toUpperCase() }}', tags: ['{{ $json.tags.join(", ") }}'] },
        sum: '{{ $json.items.sum() }}',
        plain: 'no braces here',
        count: 3,
      }),
    ).toEqual([]);
  });

  it('gives the param and a pointer at the place in its text, deep in objects and arrays', () => {
    expect(expressionSyntaxIssues({ rules: [{ when: '{{ $json.a + }}' }] })).toEqual([
      {
        path: ['rules', 0, 'when'],
        message: 'Expression "{{ $json.a + }}" has a syntax error: it ends before it is complete',
        details: { line: 1, column: 13, pointer: '{{ $json.a + }}\n            ^' },
      },
    ]);
  });

  it('points into the right expression of a mixed text, past wide characters', () => {
    const [issue] = expressionSyntaxIssues({ text: '品牌 {{ $json.brand }}：{{ $json.score > > 1 }}' });
    expect(issue?.details).toEqual({
      line: 1,
      column: 39,
      pointer: `品牌 {{ $json.brand }}：{{ $json.score > > 1 }}\n\u3000\u3000${' '.repeat(18)}\u3000${' '.repeat(17)}^`,
    });
  });

  it('reports an empty expression, as a run would', () => {
    expect(expressionSyntaxIssues({ x: 'a {{ }} b' })).toEqual([
      { path: ['x'], message: 'Expression "{{ }}" is empty' },
    ]);
  });

  it('never runs the expression', () => {
    expect(expressionSyntaxIssues({ x: '{{ (() => { for (;;) {} })() }}' })).toEqual([]);
  });
});
