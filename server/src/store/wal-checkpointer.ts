import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Copies the write-ahead log back into the database file on a thread of its own.
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages, on the
 * thread that commits, which here is the server's only JavaScript thread: under a steady stream
 * of executions it was half the time of every commit. A second connection may checkpoint while
 * the first writes (https://sqlite.org/wal.html#checkpointing), so this one does, every
 * `intervalMs`, without ever blocking the writer (PASSIVE). Should the thread fail, the writer
 * takes the automatic checkpoint back.
 */
export interface WalCheckpointer {
  /**
   * Ends the thread and waits until its connection is closed, so that the writer's own close,
   * the last, folds the log into the file and deletes it, as it would without this thread.
   */
  stop(): void;
}

export interface WalCheckpointerOptions {
  file: string;
  intervalMs?: number;
  /** The SQLite driver the thread loads; the server's own by default. */
  driver?: string;
}

/** SQLite's default, which the writer goes back to. */
const automaticPages = 1_000;
/** Longest a close waits for the thread; a checkpoint takes milliseconds. */
const stopTimeoutMs = 10_000;

// Evaluated as a CommonJS script in the worker, which has no module of its own to import from.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  Atomics.store(workerData.closed, 0, 1);
  Atomics.notify(workerData.closed, 0);
  parentPort.close();
});
`;

export function startWalCheckpointer(
  sqlite: Database.Database,
  {
    file,
    intervalMs = 100,
    driver = createRequire(import.meta.url).resolve('better-sqlite3'),
  }: WalCheckpointerOptions,
): WalCheckpointer {
  const closed = new Int32Array(new SharedArrayBuffer(4));
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, intervalMs, driver, closed } });
  worker.unref();
  let running = true;
  const takeBack = () => {
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${automaticPages}`);
  };
  worker.once('error', takeBack);
  worker.once('exit', takeBack);
  return {
    stop() {
      if (!running) return;
      running = false;
      worker.postMessage('stop');
      Atomics.wait(closed, 0, 0, stopTimeoutMs);
    },
  };
}
