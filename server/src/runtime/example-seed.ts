import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowInputSchema } from '../engine/index.js';
import type { Store } from '../store/index.js';

/** On a fresh data directory, imports the example workflows so there is something to open. */
export async function seedExamples(store: Store, dir: string, workspaceId = 'default'): Promise<number> {
  if (!existsSync(dir) || store.workflows.list(workspaceId).length > 0) return 0;
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  for (const file of files.sort()) {
    const input = workflowInputSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await store.workflows.create(workspaceId, input);
  }
  return files.length;
}
