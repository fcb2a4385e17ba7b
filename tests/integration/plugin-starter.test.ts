import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'sbss-starter-'));
const dir = join(scratch, 'brand-watch');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sbss(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'server/bin/sbss.js'), ...args], {
    cwd: scratch,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

// What a plugin author gets from `sbss plugin new`: the starter must build and pass its own tests,
// in-process and in the sandbox, against the SDK this server ships.
describe('the starter plugin', () => {
  it('is copied under the new name', () => {
    expect(sbss('plugin', 'new', dir).code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('sbss-plugin-brand-watch');
  });

  it('passes its own tests with sbss plugin test', () => {
    // As after `npm install`, which would bring vitest; the SDK comes from the server.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(join(root, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'));
    symlinkSync('../vitest/vitest.mjs', join(dir, 'node_modules', '.bin', 'vitest'));
    const result = sbss('plugin', 'test', dir);
    expect(result.output).toMatch(/Tests\s+\d+ passed/);
    expect(result.code).toBe(0);
  });

  it('builds a bundle and a manifest naming its nodes', () => {
    expect(sbss('plugin', 'build', dir).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', 'sbss-manifest.json'), 'utf8')) as {
      name: string;
      nodes: { id: string; version: number }[];
    };
    expect(manifest.name).toBe('brand-watch');
    expect(manifest.nodes.map((node) => `${node.id}@${node.version}`).sort()).toEqual([
      'count-seen@1',
      'keyword-score@1',
    ]);
  });
});
