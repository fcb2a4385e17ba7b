import { describe, expect, it } from 'vitest';
import { readOutcome } from './call-outcome.js';

const now = () => new Date('2026-01-01T00:00:00Z');
const read = (answer: unknown, input = {}) => readOutcome(JSON.stringify(answer), now, 1_000_000, input);

describe('readOutcome', () => {
  it('reads items by port and the logs', () => {
    const outcome = read({ ok: { main: [{ a: 1 }] }, logs: [{ level: 'info', message: 'hi' }], dropped: 0 });
    expect(outcome.output).toEqual({ main: [{ a: 1 }] });
    expect(outcome.logs).toEqual([{ level: 'info', message: 'hi', at: '2026-01-01T00:00:00.000Z' }]);
  });

  it('rebuilds items sent as differences from the input', () => {
    const outcome = read(
      { ok: { main: [{ b: 2 }] }, from: { main: [0] }, logs: [], dropped: 0 },
      { main: [{ a: 1 }] },
    );
    expect(outcome.output).toEqual({ main: [{ a: 1, b: 2 }] });
  });

  it.each([
    ['a port that is not an array', { ok: { main: { a: 1 } }, logs: [], dropped: 0 }, 'ok.main'],
    ['an item that is not an object', { ok: { main: [{ a: 1 }, 7] }, logs: [], dropped: 0 }, 'ok'],
    ['an item that is an array', { ok: { main: [[1]] }, logs: [], dropped: 0 }, 'ok'],
    [
      'differences that are not an array',
      { ok: { main: [{}] }, from: { main: 0 }, logs: [], dropped: 0 },
      'from.main',
    ],
  ])('refuses %s and says where', (_case, answer, where) => {
    expect(() => read(answer, { main: [{}] })).toThrow(
      expect.objectContaining({
        code: 'PLUGIN_OUTPUT_INVALID',
        message: expect.stringContaining(`at ${where}`),
      }),
    );
  });
});
