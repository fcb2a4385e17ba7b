import { describe, expect, it } from 'vitest';
import { type CompletionSource, completeAt } from './completion';

const source: CompletionSource = {
  json: { author: { name: 'Ann', followers: 1500 }, 'reply count': 3, tags: ['x'] },
  nodes: { Webhook: { body: { text: 'hi' } }, 'RSS feed': { title: 't' } },
  vars: { brand: 'Acme', owners: { vip: 'ana@example.com' } },
};

const labels = (text: string, offset = text.length) =>
  completeAt(text, offset, source)?.options.map((o) => o.label);

describe('completeAt', () => {
  it('proposes the fields of the sample item after $json.', () => {
    expect(labels('{{ $json.')).toEqual(['author', 'reply count', 'tags']);
    expect(labels('{{ $json.author.')).toEqual(['name', 'followers']);
    expect(labels('{{ $json.author.fo')).toEqual(['followers']);
  });

  it('replaces only the partial word', () => {
    const result = completeAt('{{ $json.author.fo', 18, source);
    expect(result?.from).toBe(16);
  });

  it('quotes keys that are not identifiers', () => {
    const option = completeAt('{{ $json.', 9, source)?.options.find((o) => o.label === 'reply count');
    expect(option?.apply).toBe('["reply count"]');
  });

  it('completes upstream node names and their fields', () => {
    expect(labels('{{ $node["')).toEqual(['Webhook', 'RSS feed']);
    expect(completeAt('{{ $node["We', 12, source)?.options[0]?.apply).toBe('Webhook"].json');
    expect(labels('{{ $node["Webhook"].json.body.')).toEqual(['text']);
  });

  it("completes n8n's $input and $('Name') with their members and fields", () => {
    expect(labels('{{ $input.')).toEqual(['item', 'first()', 'last()', 'all()']);
    expect(completeAt('{{ $input.fi', 12, source)?.options[0]?.apply).toBe('first().json');
    expect(labels('{{ $input.item.json.author.')).toEqual(['name', 'followers']);
    expect(labels("{{ $('")).toEqual(['Webhook', 'RSS feed']);
    expect(completeAt('{{ $("We', 8, source)?.options[0]?.apply).toBe('Webhook").first().json');
    expect(labels('{{ $("Webhook").')).toEqual(['item', 'first()', 'last()', 'all()', 'isExecuted']);
    expect(labels('{{ $("Webhook").first().json.body.')).toEqual(['text']);
  });

  it('proposes the built-in variables after $', () => {
    expect(labels('{{ $')).toEqual([
      '$json',
      '$node',
      '$items',
      '$now',
      '$execution',
      '$vars',
      '$workflow',
      '$input',
      '$("',
    ]);
    expect(labels('{{ $j')).toEqual(['$json']);
  });

  it("completes Luxon's classes and their statics", () => {
    expect(labels('{{ Da')).toEqual(['DateTime']);
    expect(labels('{{ DateTime.fromI')).toEqual(['fromISO()']);
    expect(completeAt('{{ DateTime.fromI', 17, source)?.options[0]?.apply).toBe('fromISO(');
    expect(labels('{{ DateTime.DATE_F')).toEqual(['DATE_FULL']);
    expect(labels('{{ Duration.')).toContain('fromObject()');
    expect(labels('{{ $json.Da')).toEqual([]);
  });

  it("proposes n8n's functions for the value after its own fields", () => {
    const withFunctions: CompletionSource = {
      ...source,
      functions: {
        string: ['toTitleCase', 'extractEmail'],
        array: ['sum', 'unique'],
        object: ['compact'],
        date: ['toFormat'],
      },
    };
    const at = (text: string) => completeAt(text, text.length, withFunctions)?.options.map((o) => o.label);
    expect(at('{{ $json.author.name.')).toEqual(['toTitleCase()', 'extractEmail()']);
    expect(at('{{ $json.author.name.to')).toEqual(['toTitleCase()']);
    expect(at('{{ $json.tags.')).toEqual(['length', '[0]', 'sum()', 'unique()']);
    expect(at('{{ $json.author.')).toEqual(['name', 'followers', 'compact()']);
    expect(completeAt('{{ $json.tags.su', 16, withFunctions)?.options[0]?.apply).toBe('sum(');
    const dated = { ...withFunctions, json: { at: '2024-03-10T15:45:30Z' } };
    expect(completeAt('{{ $json.at.', 12, dated)?.options.map((o) => o.label)).toEqual([
      'toTitleCase()',
      'extractEmail()',
      'toFormat()',
    ]);
  });

  it('completes the workspace variables after $vars.', () => {
    expect(labels('{{ $vars.')).toEqual(['brand', 'owners']);
    expect(labels('{{ $vars.owners.')).toEqual(['vip']);
  });

  it('offers nothing outside {{ }}', () => {
    expect(completeAt('$json.', 6, source)).toBeUndefined();
    expect(completeAt('{{ $json.a }} $json.', 20, source)).toBeUndefined();
  });
});
