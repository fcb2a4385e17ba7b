import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as applyMigrations } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspaceId, migrate, openDatabase } from './database.js';
import { createStore } from './index.js';
import { workspaces } from './schema.js';

const journal = JSON.parse(
  readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: unknown[] };

describe('openDatabase', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbss-db-'));
    file = join(dir, 'sbss.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the committed migrations on open, and opening again changes nothing', () => {
    const first = openDatabase({ file });
    first.db.insert(workspaces).values({ id: 'acme', name: 'Acme', createdAt: 1 }).run();
    first.close();

    const second = openDatabase({ file });
    const applied = second.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(journal.entries.length);
    expect(
      second.db
        .select()
        .from(workspaces)
        .all()
        .map((row) => row.id),
    ).toEqual([defaultWorkspaceId, 'acme']);
    second.close();
  });

  it('runs in WAL mode with synchronous=NORMAL and foreign keys enforced', () => {
    const { sqlite, close } = openDatabase({ file });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    close();
  });

  it('creates the default workspace', () => {
    const { db, close } = openDatabase({ file: ':memory:' });
    expect(db.select().from(workspaces).all()).toEqual([
      expect.objectContaining({ id: defaultWorkspaceId, name: 'Default' }),
    ]);
    close();
  });

  it('migrate brings a new database file up to date and leaves it closed', () => {
    migrate(file);
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all();
    sqlite.close();
    expect(tables).toEqual([
      '__drizzle_migrations',
      'credentials',
      'data_records',
      'execution_counts',
      'execution_steps',
      'execution_triggers',
      'executions',
      'node_state',
      'schedules',
      'webhooks',
      'workflow_versions',
      'workflows',
      'workspace_variables',
      'workspaces',
    ]);
  });

  it('moves the trigger items of executions stored before they had a table of their own', () => {
    // A database as the first three migrations left it, with an execution in it.
    const migrations = join(dir, 'drizzle');
    cpSync(new URL('../../drizzle', import.meta.url), migrations, { recursive: true });
    const earlier = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));
    earlier.entries = earlier.entries.slice(0, 3);
    writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify(earlier));
    const old = new Database(file);
    applyMigrations(drizzle({ client: old }), { migrationsFolder: migrations });
    const trigger = JSON.stringify({
      nodeId: 'hook',
      items: [{ text: '好评 "quoted"', likes: 1.5, author: { name: 'Ana', verified: true }, tags: [] }],
    });
    old.exec(`
      insert into workspaces (id, name, created_at) values ('default', 'Default', 1);
      insert into workflows (id, workspace_id, name, active, current_version, created_at, updated_at)
        values ('w1', 'default', 'w', 0, 1, 1, 1);
      insert into executions (id, workspace_id, workflow_id, version, status, mode, trigger, created_at)
        values ('e1', 'default', 'w1', 1, 'queued', 'webhook', '${trigger}', 1);
    `);
    old.close();

    const store = createStore({ file, dataDir: dir });
    expect(store.executions.get('default', 'e1')?.trigger).toEqual(JSON.parse(trigger));
    expect(store.executions.listUnfinished().map((execution) => execution.trigger)).toEqual([
      JSON.parse(trigger),
    ]);
    store.close();
  });
});
