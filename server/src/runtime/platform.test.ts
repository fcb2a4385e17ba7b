import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlatform } from './platform.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sbss-platform-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('createPlatform', () => {
  it('leaves no timer behind once closed, so a process can exit straight away', async () => {
    const before = timers();
    const platform = createPlatform({ databaseFile: ':memory:', dataDir });
    await platform.close();
    expect(timers()).toBe(before);
  });
});
