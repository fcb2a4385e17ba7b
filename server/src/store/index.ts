import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CredentialCipher, createCredentialCipher } from './credential-cipher.js';
import { type CredentialRepository, createCredentialRepository } from './credential-repository.js';
import { createDataRepository, type DataRepository } from './data-repository.js';
import { openDatabase } from './database.js';
import { loadEncryptionKey } from './encryption-key.js';
import { createExecutionRepository, type ExecutionRepository } from './execution-repository.js';
import { createNodeStateRepository, type NodeStateRepository } from './node-state-repository.js';
import { createTriggerRepository, type TriggerRepository } from './trigger-repository.js';
import { createVariableRepository, type VariableRepository } from './variable-repository.js';
import { createWorkflowRepository, type WorkflowRepository } from './workflow-repository.js';
import { createWorkspaceRepository, type WorkspaceRepository } from './workspace-repository.js';
import { createWriteQueue, type WriteQueue } from './write-queue.js';

export type { CredentialCipher, Sealed } from './credential-cipher.js';
export { createCredentialCipher } from './credential-cipher.js';
export type { CredentialInput, CredentialRepository, CredentialSummary } from './credential-repository.js';
export type { DataAggregateQuery, DataAggregateRow } from './data-aggregate.js';
export type { DataRepository } from './data-repository.js';
export { defaultWorkspaceId, migrate, type OpenedDatabase, openDatabase, type StoreDb } from './database.js';
export { loadEncryptionKey } from './encryption-key.js';
export type { ExecutionRepository } from './execution-repository.js';
export type * from './execution-types.js';
export type { NodeStateRepository } from './node-state-repository.js';
export type {
  ScheduleRegistration,
  StoredSchedule,
  StoredWebhook,
  TriggerRepository,
  WebhookRegistration,
  WebhookTarget,
} from './trigger-repository.js';
export { uuidv7 } from './uuidv7.js';
export type { Variable, VariableRepository } from './variable-repository.js';
export type {
  SavedWorkflow,
  StoredWorkflow,
  WorkflowRepository,
  WorkflowSummary,
  WorkflowVersionSummary,
} from './workflow-repository.js';
export type { Workspace, WorkspaceRepository } from './workspace-repository.js';
export {
  createWriteQueue,
  type EnqueueOptions,
  type WriteQueue,
  type WriteQueueStats,
} from './write-queue.js';

export interface StoreOptions {
  /** The SQLite file, created with its folder if missing; `:memory:` for a throwaway store. */
  file: string;
  /** Where `encryption.key` lives when `SBSS_ENCRYPTION_KEY` is not set. */
  dataDir: string;
  /** Overrides both: the 32-byte credential key. */
  encryptionKey?: Buffer;
  /**
   * Read for `SBSS_ENCRYPTION_KEY` when credentials or node state are first used; `process.env` by
   * default.
   */
  env?: NodeJS.ProcessEnv;
}

export interface Store {
  workspaces: WorkspaceRepository;
  workflows: WorkflowRepository;
  executions: ExecutionRepository;
  credentials: CredentialRepository;
  triggers: TriggerRepository;
  nodeState: NodeStateRepository;
  data: DataRepository;
  variables: VariableRepository;
  writeQueue: WriteQueue;
  /** Commits what is queued, then closes the database. */
  close(): void;
}

export function createStore(options: StoreOptions): Store {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const { db, sqlite, close } = openDatabase({ file: options.file, backgroundCheckpoints: true });
  const writeQueue = createWriteQueue(sqlite);
  let cipher: CredentialCipher | undefined;
  // The key is read (or generated) on first use, so a store that never touches credentials or
  // node state never creates a key file.
  const getCipher = () => {
    cipher ??= createCredentialCipher(
      options.encryptionKey ??
        loadEncryptionKey({ dataDir: options.dataDir, env: options.env ?? process.env }),
    );
    return cipher;
  };
  return {
    workspaces: createWorkspaceRepository(db, writeQueue),
    workflows: createWorkflowRepository(db, writeQueue),
    executions: createExecutionRepository(db, writeQueue),
    credentials: createCredentialRepository(db, writeQueue, getCipher),
    triggers: createTriggerRepository(db, writeQueue),
    nodeState: createNodeStateRepository(db, writeQueue, getCipher),
    variables: createVariableRepository(db, writeQueue),
    data: createDataRepository(db, writeQueue),
    writeQueue,
    close() {
      if (!sqlite.open) return;
      writeQueue.flush();
      close();
    },
  };
}
