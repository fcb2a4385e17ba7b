import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SbssError, validateWorkflowChecked } from '../engine/index.js';
import { createPlatform } from '../runtime/platform.js';

const itemsSchema = z.array(z.record(z.string(), z.json()));

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SbssError('BAD_REQUEST', `Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Runs one workflow file against an in-memory store and prints the execution as JSON. */
export async function runCommand(workflowFile: string, inputFile: string | undefined): Promise<number> {
  const source = readJson(workflowFile);
  const items = inputFile ? itemsSchema.parse(readJson(inputFile)) : [{}];
  const platform = createPlatform({
    databaseFile: ':memory:',
    dataDir: process.env.SBSS_DATA_DIR ?? '.sbss',
  });
  try {
    const { workflow, problems } = await validateWorkflowChecked(source, platform.registry, platform.checks);
    const blocking = problems.filter((problem) => problem.severity === 'error');
    if (!workflow || blocking.length > 0) {
      process.stderr.write(`${JSON.stringify({ problems: blocking }, null, 2)}\n`);
      return 1;
    }
    const { id } = await platform.store.workflows.create('default', workflow);
    const outcome = await platform.executions.run({
      workspaceId: 'default',
      workflowId: id,
      mode: 'cli',
      trigger: { items },
    });
    const execution = platform.store.executions.get('default', outcome.executionId);
    process.stdout.write(`${JSON.stringify({ ...outcome, steps: execution?.steps ?? [] }, null, 2)}\n`);
    return outcome.status === 'succeeded' ? 0 : 1;
  } finally {
    await platform.close();
  }
}
