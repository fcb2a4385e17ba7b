import ivm from 'isolated-vm';
import { describe, expect, it } from 'vitest';
import { newIsolate } from './new-isolate.js';

/** V8 reserves the old generation's limit plus three semi-spaces (two halves, young large objects). */
function limitMb(isolate: ivm.Isolate): number {
  const limit = isolate.getHeapStatisticsSync().heap_size_limit / 2 ** 20;
  isolate.dispose();
  return limit;
}

describe('newIsolate', () => {
  it('lets the young generation grow to the semi-space asked for, for that isolate only', () => {
    const before = limitMb(new ivm.Isolate({ memoryLimit: 128 }));
    const grown = limitMb(newIsolate(128, 8));
    const after = limitMb(new ivm.Isolate({ memoryLimit: 128 }));
    expect(before).toBeLessThan(128 + 3 * 2);
    expect(grown).toBeCloseTo(128 + 3 * 8, 0);
    expect(after).toBe(before);
  });
});
