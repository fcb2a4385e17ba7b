import { describe, expect, it } from 'vitest';
import { maxExpressionLength, parseTemplate } from './expression-parser.js';

describe('parseTemplate', () => {
  it('marks a string holding one expression and only whitespace as exact', () => {
    expect(parseTemplate('  {{ $json.count + 1 }} ')).toEqual({
      exact: true,
      parts: ['  ', '$json.count + 1', ' '],
    });
  });

  it('splits text and several expressions', () => {
    expect(parseTemplate('Hi {{ $json.name }}, you have {{$json.n}}!')).toEqual({
      exact: false,
      parts: ['Hi ', '$json.name', ', you have ', '$json.n', '!'],
    });
  });

  it('refuses an expression longer than an isolate can safely compile, before anything compiles it', () => {
    const longest = 'x'.repeat(maxExpressionLength);
    expect(parseTemplate(`{{ ${longest} }}`).parts[1]).toHaveLength(maxExpressionLength);
    expect(() => parseTemplate(`{{ ${longest}+1 }}`)).toThrow(
      'is 100,002 characters long; an expression may have at most 100,000',
    );
  });

  it('skips braces of object literals and closing pairs inside strings', () => {
    expect(parseTemplate('{{ {a: {b: 1}} }}').parts[1]).toBe('{a: {b: 1}}');
    expect(parseTemplate('{{ "}}" + $json.x }}').parts[1]).toBe('"}}" + $json.x');
    expect(parseTemplate("{{ '\\'}}' }}").parts[1]).toBe("'\\'}}'");
  });

  it('follows template literals and their substitutions', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is expression source holding a template literal
    const source = '`a ${ {x: 1}.x } }}`';
    expect(parseTemplate(`{{ ${source} }}`).parts[1]).toBe(source);
  });

  it('falls back to the first closing pair when a quote inside a regex hides the end', () => {
    expect(parseTemplate("{{ $json.t.replace(/'/g, '') }} done")).toEqual({
      exact: false,
      parts: ['', "$json.t.replace(/'/g, '')", ' done'],
    });
  });

  it('keeps an unclosed {{ as literal text', () => {
    expect(parseTemplate('{{ $json.a }} and {{ not closed')).toEqual({
      exact: false,
      parts: ['', '$json.a', ' and {{ not closed'],
    });
  });

  it('rejects an empty expression with EXPRESSION_FAILED', () => {
    expect(() => parseTemplate('a {{ }} b')).toThrow(expect.objectContaining({ code: 'EXPRESSION_FAILED' }));
  });
});
