import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as applyMigrations } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  db: StoreDb;
  sqlite: Database.Database;
  close(): void;
}

export interface OpenDatabaseOptions {
  file: string | ':memory:';
  /** Checkpoint the log on a thread of its own (`wal-checkpointer.ts`); a file only. */
  backgroundCheckpoints?: boolean;
}

export const defaultWorkspaceId = 'default';

// Resolved from this module, so it finds `server/drizzle` from both `src/store` and `dist/store`.
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens the database, applies the committed migrations and makes sure the default workspace exists. */
export function openDatabase({ file, backgroundCheckpoints = false }: OpenDatabaseOptions): OpenedDatabase {
  const sqlite = new Database(file);
  try {
    // WAL lets readers run beside the writer; with synchronous=NORMAL a commit survives a
    // process crash (only an OS crash or power loss can drop the last commits), which is the
    // durability the run queue and webhooks rely on, at a fraction of FULL's fsync cost.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // A second process (`sbss db migrate`, a backup) may hold the lock briefly.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('temp_store = MEMORY');
    // 64 MiB of page cache (the default is 2 MiB): the execution indexes' hot upper pages and
    // recent leaves stay in memory at a million executions.
    sqlite.pragma('cache_size = -65536');
    const db = drizzle({ client: sqlite, schema });
    migrateOpen(db);
    const checkpointer =
      backgroundCheckpoints && file !== ':memory:' ? startWalCheckpointer(sqlite, { file }) : undefined;
    const close = () => {
      checkpointer?.stop();
      // SQLite's advice for connections about to close: refresh the planner's statistics.
      sqlite.pragma('optimize');
      sqlite.close();
    };
    return { db, sqlite, close };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** `sbss db migrate`: brings the database file up to date and closes it. */
export function migrate(file: string): void {
  openDatabase({ file }).close();
}

function migrateOpen(db: StoreDb): void {
  applyMigrations(db, { migrationsFolder });
  db.insert(schema.workspaces)
    .values({ id: defaultWorkspaceId, name: 'Default', createdAt: Date.now() })
    .onConflictDoNothing()
    .run();
}
