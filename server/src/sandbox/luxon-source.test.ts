import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeSandbox } from './code-sandbox.js';
import { createExpressionEvaluator } from './expression-evaluator.js';
import { testContext } from './expression-test-context.js';

const evaluator = createExpressionEvaluator();
const code = new CodeSandbox();
afterAll(() => {
  evaluator.dispose();
  code.dispose();
});

const one = async (source: string, item: Item = {}, now = '2024-03-10T15:45:30.000Z') => {
  const [params] = await evaluator.resolve({ value: source }, testContext({ now }), [item]);
  return (params as { value: unknown }).value;
};

describe("Luxon's DateTime, Duration and Interval in expressions, as in n8n", () => {
  it('reads, shifts and formats dates in UTC, with DateTime.now() the execution clock', async () => {
    expect(await one('{{ DateTime.now().toISO() }}')).toBe('2024-03-10T15:45:30.000Z');
    expect(await one('{{ DateTime.now().toISO() === $now }}')).toBe(true);
    expect(
      await one("{{ DateTime.fromISO($json.at).plus({ days: 1 }).toFormat('yyyy-LL-dd HH:mm') }}", {
        at: '2024-01-31T23:30:00Z',
      }),
    ).toBe('2024-02-01 23:30');
    expect(
      await one(
        "{{ DateTime.fromISO('2024-03-10T15:45:30Z').setZone('Asia/Shanghai').toFormat('HH:mm ZZ') }}",
      ),
    ).toBe('23:45 +08:00');
    expect(await one("{{ DateTime.fromISO('2024-03-10').setLocale('zh-CN').toFormat('DDDD') }}")).toBe(
      '2024年3月10日星期日',
    );
    expect(
      await one("{{ DateTime.now().diff(DateTime.fromISO('2024-03-09T15:45:30Z'), 'hours').hours }}"),
    ).toBe(24);
    expect(await one("{{ Duration.fromObject({ hours: 2 }).as('minutes') }}")).toBe(120);
    expect(await one("{{ Interval.fromISO('2024-03-01/2024-03-10').contains(DateTime.now()) }}")).toBe(false);
  });

  it('writes DateTime and Duration results as ISO text, alone and inside text', async () => {
    expect(await one("{{ DateTime.fromISO('2024-03-10T15:45:30Z') }}")).toBe('2024-03-10T15:45:30.000Z');
    expect(
      await one('due {{ DateTime.now().plus({ hours: 2 }) }} in {{ Duration.fromObject({ hours: 2 }) }}'),
    ).toBe('due 2024-03-10T17:45:30.000Z in PT2H');
  });

  it('follows each call to its own clock', async () => {
    expect(await one('{{ DateTime.now().toISODate() }}', {}, '2025-01-02T00:00:00.000Z')).toBe('2025-01-02');
    expect(await one('{{ DateTime.now().toISODate() }}', {}, '2026-07-08T00:00:00.000Z')).toBe('2026-07-08');
  });

  it('gives every call a Luxon no earlier call changed', async () => {
    // The shared isolate serves every workflow: what one call does to Luxon must not reach the next.
    await one("{{ (DateTime.prototype.toISO = () => 'changed', DateTime.now().toISO()) }}");
    await one("{{ Object.defineProperty(DateTime.now().zone, 'offset', { value: () => 480 }) && 1 }}");
    await one("{{ (DateTime.fromISO('2024-01-01').loc.constructor.create = () => null, 1) }}");
    expect(await one('{{ DateTime.now().toISO() }}')).toBe('2024-03-10T15:45:30.000Z');
    expect(await one("{{ DateTime.fromISO('2024-01-01').setLocale('en-US').toFormat('LLLL') }}")).toBe(
      'January',
    );
  });

  it('reaches no host through Luxon', async () => {
    await expect(one('{{ DateTime.constructor.constructor("return process")() }}')).rejects.toThrow(
      /process is not defined/,
    );
    await expect(one('{{ DateTime = 1 }}')).rejects.toThrow(/has only a getter/);
  });
});

describe('Luxon in the Code node', () => {
  it('is there when the code reaches it, on the execution clock', async () => {
    const { items } = await code.run({
      code: `return [{ json: {
        today: DateTime.now().toISODate(),
        monthLater: DateTime.fromISO(items[0].due).plus({ months: 1 }).toISODate(),
        inShanghai: DateTime.fromISO(items[0].due).setZone('Asia/Shanghai').hour,
      } }];`,
      mode: 'all',
      items: [{ due: '2024-01-31T20:00:00Z' }],
      scope: testContext(),
    });
    expect(items).toEqual([{ today: '2024-03-10', monthLater: '2024-02-29', inShanghai: 4 }]);
  });
});
