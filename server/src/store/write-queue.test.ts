import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from './database.js';
import { workspaces } from './schema.js';
import { createWriteQueue, type WriteQueue } from './write-queue.js';

describe('write queue', () => {
  let dir: string;
  let file: string;
  let database: OpenedDatabase;
  let queue: WriteQueue;

  const addWorkspace = (id: string) => () => {
    database.db.insert(workspaces).values({ id, name: id, createdAt: Date.now() }).run();
  };
  const storedIds = (sqlite: Database.Database) =>
    sqlite.prepare("select id from workspaces where id != 'default' order by id").pluck().all();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbss-queue-'));
    file = join(dir, 'sbss.db');
    database = openDatabase({ file });
    queue = createWriteQueue(database.sqlite);
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits all writes queued in the same tick in one transaction', async () => {
    const writes = Array.from({ length: 50 }, (_, index) => queue.enqueue(addWorkspace(`w${index}`)));
    await Promise.all(writes);
    expect(queue.stats()).toEqual({ transactions: 1, operations: 50 });
    expect(storedIds(database.sqlite)).toHaveLength(50);

    await queue.enqueue(addWorkspace('later'));
    expect(queue.stats()).toEqual({ transactions: 2, operations: 51 });
  });

  it('resolves only once the write is committed and visible to another connection', async () => {
    const reader = new Database(file, { readonly: true });
    const write = queue.enqueue(addWorkspace('durable'));
    expect(storedIds(reader)).toEqual([]);
    await write;
    expect(storedIds(reader)).toEqual(['durable']);
    reader.close();
  });

  it('rejects only the operation that threw, undoing its writes and keeping the others', async () => {
    const first = queue.enqueue(addWorkspace('a'));
    const failing = queue.enqueue(() => {
      addWorkspace('half-written')();
      throw new Error('validation failed');
    });
    const duplicate = queue.enqueue(addWorkspace('a'));
    const last = queue.enqueue(addWorkspace('b'));

    await expect(first).resolves.toBeUndefined();
    await expect(failing).rejects.toThrow('validation failed');
    await expect(duplicate).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    await expect(last).resolves.toBeUndefined();
    expect(queue.stats().transactions).toBe(1);
    expect(storedIds(database.sqlite)).toEqual(['a', 'b']);
  });

  it('runs a single statement without a savepoint and still keeps the others when it fails', async () => {
    const single = { savepoint: false };
    const writes = [
      queue.enqueue(addWorkspace('a'), single),
      queue.enqueue(addWorkspace('a'), single),
      queue.enqueue(addWorkspace('b'), single),
    ];
    const [first, duplicate, last] = await Promise.allSettled(writes);
    expect([first?.status, duplicate?.status, last?.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(storedIds(database.sqlite)).toEqual(['a', 'b']);
  });

  it('resolves with what the operation returns', async () => {
    await expect(queue.enqueue(() => 42)).resolves.toBe(42);
  });

  it('rejects every caller when the transaction cannot start', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    database.sqlite.pragma('busy_timeout = 0');
    const writes = [queue.enqueue(addWorkspace('x')), queue.enqueue(addWorkspace('y'))];
    for (const write of writes) await expect(write).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    expect(storedIds(database.sqlite)).toEqual([]);
  });

  it('flush commits what is queued without waiting for the next tick', () => {
    void queue.enqueue(addWorkspace('now'));
    queue.flush();
    expect(storedIds(database.sqlite)).toEqual(['now']);
  });
});
