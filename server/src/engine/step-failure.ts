import type { Item } from '@sbss/sdk';
import { toErrorRecord } from './errors.js';
import type { WorkflowNode } from './model.js';
import type { StepRecord } from './ports.js';

/**
 * Settles a step whose last attempt failed, as its `onError` says: the execution stops, or the
 * items go on carrying the error, on `main` ('continue') or on the `error` port ('errorPort').
 * Cancellation always fails the step: going on would run nodes the user asked to stop.
 */
export function settleFailure(
  step: StepRecord,
  node: WorkflowNode,
  error: unknown,
  cancelled: boolean,
): void {
  const record = toErrorRecord(error);
  step.error = record;
  if (cancelled || node.onError === 'stop') {
    step.status = 'failed';
    return;
  }
  const failure = { code: record.code, message: record.message };
  const items: Item[] = [];
  for (const port in step.input) {
    for (const item of step.input[port] ?? []) items.push({ ...item, error: failure });
  }
  if (items.length === 0) items.push({ error: failure });
  step.status = 'succeeded';
  step.output = node.onError === 'continue' ? { main: items } : { error: items };
}
