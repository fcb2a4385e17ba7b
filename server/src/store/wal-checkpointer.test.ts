import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** About 8 MB of rows in one commit: over 2,000 pages, twice what sets off SQLite's own checkpoint. */
function writeMuch(sqlite: ReturnType<typeof openDatabase>['sqlite']): void {
  sqlite.exec('create table filler (body text)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let row = 0; row < 2_000; row++) insert.run('x'.repeat(4_000));
  })();
}

describe('startWalCheckpointer', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbss-wal-'));
    file = join(dir, 'sbss.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('folds committed pages into the database file while the writer never checkpoints', async () => {
    const opened = openDatabase({ file, backgroundCheckpoints: true });
    try {
      expect(opened.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(file).size;
      writeMuch(opened.sqlite);
      await eventually(() => statSync(file).size > before + 8_000_000);
    } finally {
      opened.close();
    }
  });

  it('leaves no log behind on close, as a database without the thread does', () => {
    const opened = openDatabase({ file, backgroundCheckpoints: true });
    writeMuch(opened.sqlite);
    opened.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = openDatabase({ file });
    expect(again.sqlite.prepare('select count(*) as n from filler').get()).toEqual({ n: 2_000 });
    again.close();
  });

  it('gives the writer its own checkpoints back when the thread fails', async () => {
    const opened = openDatabase({ file });
    try {
      const checkpointer = startWalCheckpointer(opened.sqlite, {
        file,
        driver: join(dir, 'no-such-driver.js'),
      });
      await eventually(() => opened.sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1_000);
      checkpointer.stop();
    } finally {
      opened.close();
    }
  });
});
