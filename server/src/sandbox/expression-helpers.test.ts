import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './expression-evaluator.js';
import { testContext } from './expression-test-context.js';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());

/** Evaluates several exact expressions in one call, as the engine would for one node. */
async function values(sources: Record<string, string>): Promise<Record<string, unknown>> {
  const params = Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, `{{ ${source} }}`]));
  const [resolved] = await evaluator.resolve(params, testContext(), []);
  return resolved as Record<string, unknown>;
}

describe('$str', () => {
  it('changes case and trims, treating null as empty text', async () => {
    expect(
      await values({
        a: '$str.lower("AbC")',
        b: '$str.upper("abc")',
        c: '$str.trim("  x ")',
        d: '$str.upper(null)',
      }),
    ).toEqual({ a: 'abc', b: 'ABC', c: 'x', d: '' });
  });

  it('finds text with or without regard to case', async () => {
    expect(
      await values({
        a: '$str.includes("Hello Acme", "acme")',
        b: '$str.includes("Hello Acme", "acme", { ignoreCase: true })',
        c: '$str.includes("Hello Acme", "Acme")',
      }),
    ).toEqual({ a: false, b: true, c: true });
  });

  it('truncates by characters with the suffix counted in the length', async () => {
    expect(
      await values({
        a: '$str.truncate("abcdefgh", 5)',
        b: '$str.truncate("abc", 5)',
        c: '$str.truncate("abcdefgh", 5, "...")',
        d: '$str.truncate("😀😀😀😀", 3)',
      }),
    ).toEqual({ a: 'abcd…', b: 'abc', c: 'ab...', d: '😀😀…' });
  });

  it('slugifies, dropping accents and keeping letters of every script', async () => {
    expect(
      await values({ a: '$str.slugify("  Héllo, Wörld! ")', b: '$str.slugify("新品 Launch 2024")' }),
    ).toEqual({
      a: 'hello-world',
      b: '新品-launch-2024',
    });
  });
});

describe('$num', () => {
  it('rounds half away from zero to a number of digits', async () => {
    expect(
      await values({
        a: '$num.round(1.005, 2)',
        b: '$num.round(2.5)',
        c: '$num.round(-2.5)',
        d: '$num.round(1234, -2)',
      }),
    ).toEqual({ a: 1.01, b: 3, c: -3, d: 1200 });
  });

  it('clamps and computes percentages, with zero for a zero total', async () => {
    expect(
      await values({
        a: '$num.clamp(12, 0, 10)',
        b: '$num.clamp(-1, 0, 10)',
        c: '$num.percent(1, 3)',
        d: '$num.percent(1, 3, 0)',
        e: '$num.percent(5, 0)',
      }),
    ).toEqual({ a: 10, b: 0, c: 33.33, d: 33, e: 0 });
  });
});

describe('$date', () => {
  it('parses ISO text as UTC and formats it', async () => {
    expect(
      await values({
        a: '$date.parse("2024-03-10T08:00").getTime() === Date.UTC(2024, 2, 10, 8)',
        b: '$date.format("2024-03-10T08:09:07+02:00")',
        c: '$date.format($now, "YYYY-MM-DD")',
        d: '$date.format("2024-03-10 08:09:07", "DD/MM/YYYY HH:mm:ss")',
      }),
    ).toEqual({ a: true, b: '2024-03-10T06:09:07.000Z', c: '2024-03-10', d: '10/03/2024 08:09:07' });
  });

  it('adds time, measures differences and finds the start of a day', async () => {
    expect(
      await values({
        a: '$date.addDays("2024-02-28", 2)',
        b: '$date.addHours($now, -1)',
        c: '$date.diffHours("2024-03-10T12:00:00Z", "2024-03-10T09:30:00Z")',
        d: '$date.diffDays($now, "2024-03-01")',
        e: '$date.startOfDay($now)',
      }),
    ).toEqual({
      a: '2024-03-01T00:00:00.000Z',
      b: '2024-03-10T14:45:30.000Z',
      c: 2.5,
      d: 9 + (15 * 3600 + 45 * 60 + 30) / 86400,
      e: '2024-03-10T00:00:00.000Z',
    });
  });

  it('rejects text that is not an ISO date', async () => {
    await expect(values({ a: '$date.parse("next tuesday")' })).rejects.toThrow(
      /RangeError: \$date: not an ISO date/,
    );
  });
});

describe('$math', () => {
  it('is Math', async () => {
    expect(await values({ a: '$math.max(1, 7, 3)', b: '$math === Math' })).toEqual({ a: 7, b: true });
  });
});

describe("n8n's $if and $ifEmpty", () => {
  it('choose a value by a condition, and a fallback for what is empty', async () => {
    expect(
      await values({
        yes: '$if(2 > 1, "big", "small")',
        no: '$if(0, "big", "small")',
        missing: '$ifEmpty(undefined, "none")',
        blank: '$ifEmpty("", "none")',
        list: '$ifEmpty([], ["x"])',
        object: '$ifEmpty({}, { a: 1 })',
        zero: '$ifEmpty(0, 5)',
        text: '$ifEmpty("kept", "none")',
        date: '$ifEmpty(new Date(0), "none")',
      }),
    ).toEqual({
      yes: 'big',
      no: 'small',
      missing: 'none',
      blank: 'none',
      list: ['x'],
      object: { a: 1 },
      zero: 0,
      text: 'kept',
      date: '1970-01-01T00:00:00.000Z',
    });
  });
});
