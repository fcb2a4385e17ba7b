import type Database from 'better-sqlite3';

interface Pending {
  op: () => unknown;
  savepoint: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteQueueStats {
  /** Transactions committed (or attempted) so far. */
  transactions: number;
  /** Operations run inside them. */
  operations: number;
}

export interface EnqueueOptions {
  /**
   * Wrap the op in a savepoint (the default). An op that runs a single write statement may skip
   * it: SQLite undoes a failed statement by itself and keeps the transaction going
   * (https://sqlite.org/lang_conflict.html, ABORT), so the two extra statements of a savepoint
   * buy nothing.
   */
  savepoint?: boolean;
}

export interface WriteQueue {
  /**
   * Runs `op` in the next group transaction and settles once that transaction has committed.
   * `op` must be synchronous; if it throws, only its own writes are undone and only its caller
   * sees the error.
   */
  enqueue<T>(op: () => T, options?: EnqueueOptions): Promise<T>;
  /** Runs whatever is queued now, without waiting for the next turn of the event loop. */
  flush(): void;
  stats(): WriteQueueStats;
}

/**
 * Group commit: every write queued during one turn of the event loop shares one transaction,
 * so a burst of webhooks pays for one WAL commit instead of one each.
 */
export function createWriteQueue(sqlite: Database.Database): WriteQueue {
  let pending: Pending[] = [];
  let timer: NodeJS.Immediate | undefined;
  const stats: WriteQueueStats = { transactions: 0, operations: 0 };

  // Called inside the outer transaction, better-sqlite3 turns this into a savepoint: an op
  // that throws rolls back to it and the others stay in the batch.
  const runOne = sqlite.transaction((op: () => unknown) => op());
  const runBatch = sqlite.transaction((batch: Pending[]) => {
    const results: { ok: boolean; value: unknown }[] = [];
    for (const entry of batch) {
      try {
        results.push({ ok: true, value: entry.savepoint ? runOne(entry.op) : entry.op() });
      } catch (error) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then no op
        // of the batch is committed, and every caller must hear so.
        if (!sqlite.inTransaction) throw error;
        results.push({ ok: false, value: error });
      }
    }
    return results;
  });

  function flush(): void {
    if (timer) clearImmediate(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    stats.transactions += 1;
    stats.operations += batch.length;
    let results: { ok: boolean; value: unknown }[];
    try {
      results = runBatch.immediate(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, index) => {
      const result = results[index];
      if (result?.ok) entry.resolve(result.value);
      else entry.reject(result?.value);
    });
  }

  return {
    enqueue<T>(op: () => T, options: EnqueueOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const savepoint = options.savepoint ?? true;
        pending.push({ op, savepoint, resolve: resolve as (value: unknown) => void, reject });
        timer ??= setImmediate(flush);
      });
    },
    flush,
    stats: () => ({ ...stats }),
  };
}
