import { SbssError } from '../engine/errors.js';
import type { Workflow, WorkflowInput } from '../engine/model.js';
import type { StoreDb } from './database.js';
import { isUniqueViolation, toIso, toJson } from './row-codec.js';
import { uuidv7 } from './uuidv7.js';
import { createWorkflowStatements, type WorkflowRow } from './workflow-statements.js';
import type { WriteQueue } from './write-queue.js';

export interface StoredWorkflow extends Workflow {
  workspaceId: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  version: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastExecution?: { id: string; status: string; createdAt: string };
}

export interface WorkflowVersionSummary {
  version: number;
  name: string;
  createdAt: string;
}

export interface SavedWorkflow {
  id: string;
  version: number;
}

export interface WorkflowRepository {
  /** Saves version 1. `id` lets an import keep its workflow id; a taken id is a CONFLICT. */
  create(workspaceId: string, input: WorkflowInput, options?: { id?: string }): Promise<SavedWorkflow>;
  /** The current version, or the given one. */
  get(workspaceId: string, id: string, version?: number): StoredWorkflow | undefined;
  /** Newest first, each with its latest execution. */
  list(workspaceId: string): WorkflowSummary[];
  /** Saves the next version; with `expectedVersion`, a save over someone else's is a CONFLICT. */
  update(
    workspaceId: string,
    id: string,
    input: WorkflowInput,
    options?: { expectedVersion?: number },
  ): Promise<SavedWorkflow>;
  /** Removes the workflow with its versions, executions, triggers and node state. */
  delete(workspaceId: string, id: string): Promise<void>;
  listVersions(workspaceId: string, id: string): WorkflowVersionSummary[];
  setActive(workspaceId: string, id: string, active: boolean): Promise<void>;
  /** Active workflows of every workspace, for re-registering triggers on boot. */
  listActive(): StoredWorkflow[];
}

export function createWorkflowRepository(db: StoreDb, queue: WriteQueue): WorkflowRepository {
  const statements = createWorkflowStatements(db);
  const notFound = (id: string) => new SbssError('NOT_FOUND', `Workflow ${id} was not found`);

  const insertVersion = (
    workspaceId: string,
    id: string,
    version: number,
    input: WorkflowInput,
    now: number,
  ) => statements.insertVersion.run({ id, version, workspaceId, definition: toJson(input), now });

  return {
    create: (workspaceId, input, options = {}) =>
      queue.enqueue(() => {
        const id = options.id ?? uuidv7();
        const now = Date.now();
        try {
          statements.insertWorkflow.run({ id, workspaceId, name: input.name, now });
        } catch (error) {
          if (isUniqueViolation(error)) throw new SbssError('CONFLICT', `Workflow ${id} already exists`);
          throw error;
        }
        insertVersion(workspaceId, id, 1, input, now);
        return { id, version: 1 };
      }),

    get(workspaceId, id, version) {
      const row =
        version === undefined
          ? statements.current.get({ workspaceId, id })
          : statements.atVersion.get({ workspaceId, id, version });
      return row ? toStoredWorkflow(row) : undefined;
    },

    list: (workspaceId) =>
      statements.list.all({ workspaceId }).map((row) => {
        const summary: WorkflowSummary = {
          id: row.id,
          name: row.name,
          version: row.version,
          active: row.active,
          createdAt: toIso(row.createdAt),
          updatedAt: toIso(row.updatedAt),
        };
        if (row.lastExecution) {
          const last = JSON.parse(row.lastExecution) as { id: string; status: string; createdAt: number };
          summary.lastExecution = { id: last.id, status: last.status, createdAt: toIso(last.createdAt) };
        }
        return summary;
      }),

    update: (workspaceId, id, input, options = {}) =>
      queue.enqueue(() => {
        const header = statements.header.get({ workspaceId, id });
        if (!header) throw notFound(id);
        const { expectedVersion } = options;
        if (expectedVersion !== undefined && expectedVersion !== header.currentVersion) {
          throw new SbssError('CONFLICT', `Workflow ${id} is at version ${header.currentVersion}`, {
            currentVersion: header.currentVersion,
          });
        }
        const version = header.currentVersion + 1;
        const now = Date.now();
        insertVersion(workspaceId, id, version, input, now);
        statements.setCurrent.run({ workspaceId, id, name: input.name, version, now });
        return { id, version };
      }),

    delete: (workspaceId, id) =>
      queue.enqueue(() => {
        const { changes } = statements.delete.run({ workspaceId, id });
        if (changes === 0) throw notFound(id);
      }),

    listVersions: (workspaceId, id) =>
      statements.versions
        .all({ workspaceId, id })
        .map((row) => ({ ...row, createdAt: toIso(row.createdAt) })),

    setActive: (workspaceId, id, active) =>
      queue.enqueue(() => {
        const { changes } = statements.setActive.run({ workspaceId, id, active: active ? 1 : 0 });
        if (changes === 0) throw notFound(id);
      }),

    listActive: () => statements.active.all().map(toStoredWorkflow),
  };
}

function toStoredWorkflow(row: WorkflowRow): StoredWorkflow {
  const definition = JSON.parse(row.definition) as WorkflowInput;
  return {
    ...definition,
    id: row.id,
    version: row.version,
    workspaceId: row.workspaceId,
    active: row.active,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}
