import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import { openDatabase } from './database.js';
import type { ExecutionStatus, NewExecution, Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

const statuses: ExecutionStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();

describe('execution counts', () => {
  let temp: TempStore;
  let store: Store;
  let first: string;
  let second: string;
  let acme: string;

  const execution = (
    id: string,
    workflowId: string,
    overrides: Partial<NewExecution> = {},
  ): NewExecution => ({
    id,
    workspaceId: 'default',
    workflowId,
    version: 1,
    mode: 'manual',
    status: 'queued',
    trigger: { nodeId: 'start', items: [] },
    createdAt: at(0),
    ...overrides,
  });

  /** What a full COUNT over executions says, against what the counts table holds. */
  function countsByHand(): { kept: unknown[]; counted: unknown[] } {
    const reader = new Database(temp.file, { readonly: true });
    const key = 'workspace_id, workflow_id, status';
    const kept = reader
      .prepare(`select ${key}, count from execution_counts where count <> 0 order by ${key}`)
      .all();
    const counted = reader
      .prepare(`select ${key}, count(*) as count from executions group by ${key} order by ${key}`)
      .all();
    reader.close();
    return { kept, counted };
  }

  /** The list's total for every filter combination matches the rows it can page through. */
  function expectTotalsExact(workspaceId: string, workflowIds: string[]): void {
    for (const workflowId of [undefined, ...workflowIds]) {
      for (const status of [undefined, ...statuses]) {
        const page = store.executions.list(workspaceId, { workflowId, status, limit: 500 });
        expect(page.total, `${workflowId} ${status}`).toBe(page.items.length);
      }
    }
    const { kept, counted } = countsByHand();
    expect(kept).toEqual(counted);
  }

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
    const input = workflowInputSchema.parse({ name: 'w', nodes: [] });
    first = (await store.workflows.create('default', input)).id;
    second = (await store.workflows.create('default', input)).id;
    acme = (await store.workflows.create('acme', input)).id;
  });
  afterEach(() => temp.remove());

  it('stays exact through create, markRunning and finish', async () => {
    await Promise.all([
      store.executions.create(execution('a', first)),
      store.executions.create(execution('b', first, { status: 'running', startedAt: at(1) })),
      store.executions.create(execution('c', second)),
      store.executions.create(execution('d', acme, { workspaceId: 'acme' })),
    ]);
    expectTotalsExact('default', [first, second]);

    await store.executions.markRunning('a', at(2));
    // Resuming a running execution or touching a finished one changes no status.
    await store.executions.markRunning('b', at(3));
    await store.executions.finish('c', { status: 'failed', finishedAt: at(4) });
    await store.executions.markRunning('c', at(5));
    expect(store.executions.list('default', { status: 'running' }).total).toBe(2);
    expectTotalsExact('default', [first, second]);

    await store.executions.finish('a', { status: 'succeeded', finishedAt: at(6) });
    await store.executions.finish('b', { status: 'cancelled', finishedAt: at(6) });
    // finish does not guard the status it replaces, so a second one moves the execution again.
    await store.executions.finish('b', { status: 'failed', finishedAt: at(7) });
    expect(store.executions.list('default', { status: 'failed' }).total).toBe(2);
    expectTotalsExact('default', [first, second]);
    expectTotalsExact('acme', [acme]);
  });

  it('is not changed by a write that fails', async () => {
    await store.executions.create(execution('a', first));
    await expect(store.executions.create(execution('a', first))).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(
      store.executions.finish('missing', { status: 'failed', finishedAt: at(1) }),
    ).rejects.toThrow();
    expect(store.executions.list('default').total).toBe(1);
    expectTotalsExact('default', [first, second]);
  });

  it('drops the executions of a deleted workflow from every total', async () => {
    await Promise.all([
      store.executions.create(execution('a', first)),
      store.executions.create(execution('b', first)),
      store.executions.create(execution('c', second)),
    ]);
    await store.executions.finish('b', { status: 'succeeded', finishedAt: at(1) });
    await store.workflows.delete('default', first);

    expect(store.executions.list('default')).toMatchObject({ total: 1, items: [{ id: 'c' }] });
    expect(store.executions.list('default', { workflowId: first }).total).toBe(0);
    expect(store.executions.list('default', { status: 'succeeded' }).total).toBe(0);
    expectTotalsExact('default', [first, second]);
  });

  it('stays exact when a workflow is deleted in the same transaction as writes to its executions', async () => {
    const input = workflowInputSchema.parse({ name: 'again', nodes: [] });
    const before = store.writeQueue.stats().transactions;
    // Queued in one tick, so they share one transaction.
    const writes = await Promise.allSettled([
      store.executions.create(execution('a', first)),
      store.executions.create(execution('b', first, { status: 'running', startedAt: at(1) })),
      store.executions.finish('b', { status: 'succeeded', finishedAt: at(2) }),
      store.executions.create(execution('c', second)),
      store.workflows.delete('default', 'missing'),
      store.workflows.delete('default', first),
      // An import that takes the deleted workflow's id starts from no executions.
      store.workflows.create('default', input, { id: first }),
      store.executions.create(execution('d', second)),
    ]);
    expect(writes.map((write) => write.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(store.writeQueue.stats().transactions).toBe(before + 1);
    expect(store.executions.list('default', { workflowId: first }).total).toBe(0);
    expect(store.executions.list('default').total).toBe(2);
    expectTotalsExact('default', [first, second]);
  });

  it('follows executions deleted outside the repositories', async () => {
    await store.executions.create(execution('a', first));
    await store.executions.create(execution('b', first));
    const writer = new Database(temp.file);
    writer.prepare('delete from executions where id = ?').run('a');
    writer.close();
    expect(store.executions.list('default', { workflowId: first, status: 'queued' }).total).toBe(1);
    expectTotalsExact('default', [first, second]);
  });
});

describe('execution counts migration', () => {
  const committed = new URL('../../drizzle/', import.meta.url);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbss-counts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A database as the first release left it: only the initial migration applied. */
  function initialDatabase(file: string): Database.Database {
    const folder = join(dir, 'initial');
    mkdirSync(join(folder, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', committed), 'utf8')) as {
      entries: { tag: string }[];
    };
    const [initial] = journal.entries;
    if (!initial) throw new Error('The journal has no migrations');
    copyFileSync(new URL(`${initial.tag}.sql`, committed), join(folder, `${initial.tag}.sql`));
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [initial] }));
    const sqlite = new Database(file);
    migrate(drizzle({ client: sqlite }), { migrationsFolder: folder });
    return sqlite;
  }

  it('backfills the counts of executions stored before it', () => {
    const file = join(dir, 'sbss.db');
    const old = initialDatabase(file);
    old.exec(`
      insert into workspaces values ('default', 'Default', 0);
      insert into workflows values ('w1', 'default', 'one', 0, 1, 0, 0), ('w2', 'default', 'two', 0, 1, 0, 0);
    `);
    const insert = old.prepare(
      "insert into executions (id, workspace_id, workflow_id, version, status, mode, trigger, created_at) values (?, 'default', ?, 1, ?, 'manual', '{}', ?)",
    );
    const rows: [string, string, ExecutionStatus][] = [
      ['a', 'w1', 'succeeded'],
      ['b', 'w1', 'succeeded'],
      ['c', 'w1', 'failed'],
      ['d', 'w2', 'queued'],
    ];
    for (const [index, [id, workflowId, status]] of rows.entries()) insert.run(id, workflowId, status, index);
    old.close();

    const { sqlite, close } = openDatabase({ file });
    const counts = sqlite
      .prepare('select workflow_id, status, count from execution_counts order by workflow_id, status')
      .all();
    expect(counts).toEqual([
      { workflow_id: 'w1', status: 'failed', count: 1 },
      { workflow_id: 'w1', status: 'succeeded', count: 2 },
      { workflow_id: 'w2', status: 'queued', count: 1 },
    ]);
    // The triggers take over from there.
    sqlite.prepare("update executions set status = 'running' where id = 'd'").run();
    expect(
      sqlite
        .prepare("select status, count from execution_counts where workflow_id = 'w2' order by status")
        .all(),
    ).toEqual([
      { status: 'queued', count: 0 },
      { status: 'running', count: 1 },
    ]);
    close();
  });
});
