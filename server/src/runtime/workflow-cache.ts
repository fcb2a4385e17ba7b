import { SbssError, type Workflow } from '../engine/index.js';
import type { Store } from '../store/index.js';

/**
 * Parsed workflow versions kept in memory: versions never change once saved, so a webhook
 * call does not pay for reading and parsing its workflow every time.
 */
export class WorkflowCache {
  readonly #store: Store;
  readonly #versions = new Map<string, Workflow>();
  readonly #current = new Map<string, number>();

  constructor(store: Store) {
    this.#store = store;
  }

  get(workspaceId: string, workflowId: string, version?: number): Workflow {
    const wanted = version ?? this.#current.get(`${workspaceId}:${workflowId}`);
    const cached =
      wanted === undefined ? undefined : this.#versions.get(`${workspaceId}:${workflowId}@${wanted}`);
    if (cached) return cached;
    const workflow = this.#store.workflows.get(workspaceId, workflowId, version);
    if (!workflow) throw new SbssError('NOT_FOUND', `Workflow ${workflowId} was not found`);
    this.#versions.set(`${workspaceId}:${workflowId}@${workflow.version}`, workflow);
    if (version === undefined) this.#current.set(`${workspaceId}:${workflowId}`, workflow.version);
    return workflow;
  }

  /** Called when a workflow is saved or deleted, so the next run sees its current version. */
  forget(workflowId: string): void {
    for (const key of this.#current.keys()) if (key.endsWith(`:${workflowId}`)) this.#current.delete(key);
  }
}
