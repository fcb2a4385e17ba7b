import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './expression-evaluator.js';
import { testContext } from './expression-test-context.js';
import { withExtensionCalls } from './extension-calls.js';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());

const one = async (source: string, item: Item = {}) => {
  const [params] = await evaluator.resolve({ value: source }, testContext(), [item]);
  return (params as { value: unknown }).value;
};

const mention = {
  text: 'Contact <b>ana@example.com</b> at https://shop.example.cn/p/1?x=2 now',
  author: 'ana lópez',
  scores: [3, '4', 5, null],
  tags: ['a', 'b', 'a', ''],
  followers: 1234.567,
  profile: { name: 'Ana', bio: '', site: null },
};

describe("n8n's data transformation functions", () => {
  it('work on strings', async () => {
    expect(await one('{{ $json.author.toTitleCase() }}', mention)).toBe('Ana López');
    expect(await one('{{ $json.text.extractEmail() }}', mention)).toBe('ana@example.com');
    expect(await one('{{ $json.text.extractUrl() }}', mention)).toBe('https://shop.example.cn/p/1?x=2');
    expect(await one('{{ $json.text.extractUrl().extractDomain() }}', mention)).toBe('shop.example.cn');
    expect(await one('{{ $json.text.removeTags().includes("<b>") }}', mention)).toBe(false);
    expect(await one('{{ "ana@example.com".isEmail() && !"ana@".isEmail() }}')).toBe(true);
    expect(await one('{{ "Hello World again".toSnakeCase() }}')).toBe('hello_world_again');
    expect(await one('{{ "hello. how are you?".toSentenceCase() }}')).toBe('Hello. How are you?');
    expect(await one('{{ " 42 ".isNumeric() && "42".toNumber() + 1 }}')).toBe(43);
    expect(await one('{{ "".isEmpty() && "x".isNotEmpty() }}')).toBe(true);
    expect(await one('{{ "2024-03-10T15:45:30Z".toDateTime().plus({ days: 1 }).toISODate() }}')).toBe(
      '2024-03-11',
    );
    expect(await one('{{ "a b&c".urlEncode() }}')).toBe('a%20b%26c');
  });

  it('work on numbers, arrays and objects', async () => {
    expect(await one('{{ $json.followers.round(1) }}', mention)).toBe(1234.6);
    expect(await one('{{ $json.followers.floor().isEven() }}', mention)).toBe(true);
    expect(await one('{{ $json.followers.format("en-US") }}', mention)).toBe('1,234.567');
    expect(
      await one('{{ $json.scores.sum() }}, {{ $json.scores.average() }}, {{ $json.scores.max() }}', mention),
    ).toBe('12, 3, 5');
    expect(await one('{{ $json.tags.unique().compact() }}', mention)).toEqual(['a', 'b']);
    expect(await one('{{ $json.tags.first() + $json.tags.last().isEmpty() }}', mention)).toBe('atrue');
    expect(await one('{{ [1, 2, 3, 4, 5].chunk(2) }}')).toEqual([[1, 2], [3, 4], [5]]);
    expect(await one('{{ [{ n: 1, m: 2 }, { n: 3 }].pluck("n") }}')).toEqual([1, 3]);
    expect(await one('{{ [1, 2, 3].difference([2]).union([9]).intersection([1, 9]) }}')).toEqual([1, 9]);
    expect(await one('{{ $json.profile.compact() }}', mention)).toEqual({ name: 'Ana' });
    expect(
      await one(
        '{{ $json.profile.hasField("bio") && !$json.profile.removeField("bio").hasField("bio") }}',
        mention,
      ),
    ).toBe(true);
    expect(await one('{{ $json.profile.keys().length }}', mention)).toBe(3);
  });

  it("take Luxon's methods on ISO date text, as n8n's $now and $today are Luxon dates", async () => {
    expect(await one("{{ $now.toFormat('yyyy-LL-dd HH:mm') }}")).toBe('2024-03-10 15:45');
    expect(await one('{{ $today.minus({ days: 7 }).toISODate() }}')).toBe('2024-03-03');
    expect(await one("{{ $now.setZone('Asia/Shanghai').toFormat('HH:mm') }}")).toBe('23:45');
    expect(await one('{{ $json.at.plus({ hours: 2 }).toISO() }}', { at: '2024-01-31 20:00' })).toBe(
      '2024-01-31T22:00:00.000Z',
    );
    expect(await one('{{ $now > "2024-01-01" }}')).toBe(true);
    await expect(one("{{ 'soon'.toFormat('yyyy') }}")).rejects.toThrow(/string has no method toFormat\(\)/);
    expect(await one('{{ new Map([[1, 2]]).set(3, 4).size }}')).toBe(2);
    expect(await one('{{ $now.hour >= 9 && $now.hour < 18 }}')).toBe(true);
    expect(await one('{{ $now.hour < 9 }}')).toBe(false);
    expect(await one('{{ $today.weekday }} {{ $today.isWeekend }} {{ $now.length }}')).toBe('7 true 24');
  });

  it("call a value's own method of the same name first, and fail clearly otherwise", async () => {
    expect(await one('{{ $date.format("2024-03-10T00:00:00Z", "YYYY") }}')).toBe('2024');
    expect(await one('{{ $json.missing?.toTitleCase() }}', mention)).toBeNull();
    await expect(one('{{ $json.missing.toTitleCase() }}', mention)).rejects.toThrow(
      /Expression "\{\{ \$json.missing.toTitleCase\(\) \}\}" failed on item 0: TypeError: undefined has no method toTitleCase\(\)/,
    );
    await expect(one('{{ (5).extractEmail() }}')).rejects.toThrow(/number has no method extractEmail\(\)/);
  });
});

describe('withExtensionCalls', () => {
  it('rewrites only calls of the functions, nested, with their arguments and shorthand properties', () => {
    expect(withExtensionCalls('$json.a.b')).toBe('$json.a.b');
    expect(withExtensionCalls('$json.name.toTitleCase()')).toBe('$ext($json.name, "toTitleCase", [])');
    expect(withExtensionCalls('x.sum() + y.chunk(n.round(2))')).toBe(
      '$ext(x, "sum", []) + $ext(y, "chunk", [$ext(n, "round", [2])])',
    );
    expect(withExtensionCalls('({ a, b: a.first() })')).toBe('{ a, b: $ext(a, "first", []) }');
    expect(withExtensionCalls('`${t.toTitleCase()}!`')).toBe('`${$ext(t, "toTitleCase", [])}!`');
    expect(withExtensionCalls('a?.b.first()')).toBe('$ext(a?.b, "first", [], true)');
    expect(withExtensionCalls('a["first"]()')).toBe('a["first"]()');
    expect(withExtensionCalls('a.first( ')).toBe('a.first( ');
    expect(withExtensionCalls('$now.hour < 18 && $now.length')).toBe(
      'DateTime.fromISO($now).hour < 18 && $now.length',
    );
    expect(withExtensionCalls('$json.hour')).toBe('$json.hour');
  });
});
