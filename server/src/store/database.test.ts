import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspaceId, migrate, openDatabase } from './database.js';
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
      'executions',
      'node_state',
      'schedules',
      'webhooks',
      'workflow_versions',
      'workflows',
      'workspaces',
    ]);
  });
});
