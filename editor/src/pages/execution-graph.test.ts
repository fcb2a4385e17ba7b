import { describe, expect, it } from 'vitest';
import { graphForExecution } from './execution-graph';

describe('graphForExecution', () => {
  it('keeps the current graph for a run of the current version', () => {
    expect(graphForExecution(3, 3, undefined)).toBeUndefined();
  });

  it('loads the older version a past run executed', () => {
    expect(graphForExecution(1, 3, undefined)).toBe(1);
  });

  it('keeps a viewed version that is the one the run executed', () => {
    expect(graphForExecution(1, 3, 1)).toBeUndefined();
  });

  it('returns to the current graph for a current run opened while viewing an old version', () => {
    expect(graphForExecution(3, 3, 1)).toBe('current');
  });
});
