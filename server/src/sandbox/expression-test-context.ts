import type { ExpressionContext } from '../engine/ports.js';

/** A small scope for tests: one upstream node, one variable, a fixed clock. */
export function testContext(overrides: Partial<ExpressionContext> = {}): ExpressionContext {
  return {
    nodes: {
      Webhook: {
        json: { body: { user: 'ada' } },
        items: [{ body: { user: 'ada' } }, { body: { user: 'bob' } }],
      },
    },
    execution: { id: 'exec-1', workflowId: 'wf-1', mode: 'webhook' },
    workflow: { id: 'wf-1', name: 'Brand watch', version: 3 },
    vars: { brand: 'Acme', threshold: 1000 },
    now: '2024-03-10T15:45:30.000Z',
    ...overrides,
  };
}
