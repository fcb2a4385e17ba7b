import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStore, type Store, type StoreOptions } from './index.js';

export interface TempStore {
  store: Store;
  dir: string;
  file: string;
  /** Closes the store and removes its folder. */
  remove(): void;
  /**
   * Runs `use` on a second connection to the store's file, as someone reading the file would
   * see it, and closes that connection.
   */
  raw<T>(use: (db: Database.Database) => T, options?: Database.Options): T;
}

/** A store in a fresh temporary folder: a real file with WAL, as in production. For tests. */
export function openTempStore(options: Partial<StoreOptions> = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'sbss-store-'));
  const file = join(dir, 'sbss.db');
  const store = createStore({ file, dataDir: dir, env: {}, ...options });
  return {
    store,
    dir,
    file,
    remove() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
    raw(use, rawOptions) {
      const db = new Database(file, rawOptions);
      try {
        return use(db);
      } finally {
        db.close();
      }
    },
  };
}
