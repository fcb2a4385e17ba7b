import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../engine/index.js';
import { SbssError } from '../engine/index.js';

export const systemClock: Clock = {
  now: () => new Date(),
  async sleep(ms, signal) {
    try {
      await delay(ms, undefined, signal ? { signal } : undefined);
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? new SbssError('EXECUTION_CANCELLED');
      throw error;
    }
  },
};
