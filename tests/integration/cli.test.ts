import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sbss-cli-'));

function sbss(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'server/bin/sbss.js'), ...args], {
    cwd: root,
    env: { ...process.env, SBSS_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sbss CLI', () => {
  it('runs a workflow file with input items through the sandboxed scoring plugin and prints the execution as JSON', () => {
    const result = sbss(
      'run',
      'examples/workflows/negative-mention-triage.json',
      '--input',
      'examples/data/sample-mentions.json',
    );
    expect(result.code).toBe(0);
    const execution = JSON.parse(result.stdout) as {
      status: string;
      output: { main: { id: string; priority: string; sentiment: { label: string }; influence: number }[] };
      steps: unknown[];
    };
    expect(execution.status).toBe('succeeded');
    expect(execution.output.main.map((item) => [item.id, item.priority, item.sentiment.label])).toEqual([
      ['m1', 'urgent', 'negative'],
      ['m4', 'urgent', 'negative'],
      ['m3', 'normal', 'positive'],
      ['m2', 'normal', 'positive'],
    ]);
    const influence = execution.output.main.map((item) => item.influence);
    expect(influence).toEqual([...influence].sort((a, b) => b - a));
    expect(execution.steps).toHaveLength(8);
  });

  it('prints the problems of an invalid workflow and exits non-zero', () => {
    const file = join(dataDir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', nodes: [{ id: 'a', type: 'nope/x@1' }] }));
    const result = sbss('run', file);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr).problems[0]).toMatchObject({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'a' });
  });

  /** Runs `manual → node` from a file and returns the problems `sbss run` printed instead of running. */
  function problemsOf(name: string, node: { id: string; type: string; params: object }) {
    const file = join(dataDir, `${name}.json`);
    const start = { id: 'start', type: 'core/manual@1', params: {} };
    const edges = [{ source: 'start', sourcePort: 'main', target: node.id, targetPort: 'main' }];
    writeFileSync(file, JSON.stringify({ name, nodes: [start, node], edges }));
    const result = sbss('run', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    return JSON.parse(result.stderr).problems;
  }

  it("runs nothing when a plugin node's own check finds its params wrong", () => {
    const monitor = { id: 'watch', type: 'listening/monitor@1', params: { query: 'refund AND (late' } };
    expect(problemsOf('bad-query', monitor)).toEqual([
      expect.objectContaining({
        code: 'PARAMS_INVALID',
        nodeId: 'watch',
        path: ['nodes', 1, 'params', 'query'],
        details: { column: 17, pointer: `refund AND (late\n${' '.repeat(16)}^` },
      }),
    ]);
  });

  it('runs nothing when an expression does not compile', () => {
    const check = { id: 'check', type: 'core/if@1', params: { condition: '{{ $json.followers > }}' } };
    expect(problemsOf('bad-expression', check)).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_INVALID', path: ['nodes', 1, 'params', 'condition'] }),
    ]);
  });

  it('applies migrations with db migrate', () => {
    const result = sbss('db', 'migrate');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  it('explains its usage for an unknown command', () => {
    const result = sbss('frobnicate');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: sbss');
  });
});
