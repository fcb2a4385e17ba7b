import type { Item, PortItems } from '@sbss/sdk';
import type { ErrorRecord } from '../engine/errors.js';
import { SbssError } from '../engine/errors.js';
import { itemsJson } from '../engine/items-json.js';
import type { ExecutionMode, LogLine, StepRecord } from '../engine/ports.js';
import type { StoreDb } from './database.js';
import { createListStatements, decodeCursor, encodeCursor } from './execution-list.js';
import { createExecutionStatements } from './execution-statements.js';
import type {
  ExecutionDetail,
  ExecutionFinish,
  ExecutionListQuery,
  ExecutionPage,
  ExecutionRecord,
  ExecutionStatus,
  ExecutionSummary,
  ExecutionTrigger,
  NewExecution,
  UnfinishedExecution,
} from './execution-types.js';
import { fromJson, optionalFromJson, optionalJson, optionalMs, toIso, toJson, toMs } from './row-codec.js';
import type { executionSteps } from './schema.js';
import { outputJson, portsJson, rememberOutputs, rememberTrigger, resolveSteps } from './step-items.js';
import type { WriteQueue } from './write-queue.js';

export interface ExecutionRepository {
  /** Resolves once the execution and its trigger items are committed. */
  create(execution: NewExecution): Promise<void>;
  markRunning(id: string, startedAt: string): Promise<void>;
  finish(id: string, result: ExecutionFinish): Promise<void>;
  get(workspaceId: string, id: string): ExecutionDetail | undefined;
  list(workspaceId: string, query?: ExecutionListQuery): ExecutionPage;
  /** Queued and running executions of every workspace, oldest first: what a restart resumes. */
  listUnfinished(): UnfinishedExecution[];
  /** Counts one more run of an execution the server stopped while running. */
  markResumed(id: string): Promise<void>;
  upsertStep(executionId: string, workspaceId: string, step: StepRecord): Promise<void>;
  getSteps(executionId: string): StepRecord[];
}

interface SummaryRow {
  id: string;
  workspaceId: string;
  workflowId: string;
  version: number;
  status: ExecutionStatus;
  mode: string;
  error: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
}

const single = { savepoint: false };

export function createExecutionRepository(db: StoreDb, queue: WriteQueue): ExecutionRepository {
  const statements = createExecutionStatements(db);
  const listStatements = createListStatements(db);

  /** The steps with their items put back; `output`, the execution's, is resolved in place too. */
  function getSteps(executionId: string, trigger?: () => Item[], output?: PortItems): StepRecord[] {
    const triggerItems =
      trigger ??
      (() => {
        const row = statements.triggerItemsOf.get({ id: executionId });
        return row ? fromJson<Item[]>(row.items) : [];
      });
    return resolveSteps(statements.steps.all({ executionId }).map(toStep), triggerItems, output);
  }

  // Each write below but `create` is one statement, so it needs no savepoint of its own (see WriteQueue).
  // Write methods serialise their input at call time, so a caller that keeps changing the same
  // object (a step going from running to finished) stores what it passed, not what it has later.
  return {
    async create(execution) {
      rememberTrigger(execution.id, execution.trigger.items);
      const createdAt = toMs(execution.createdAt ?? execution.startedAt ?? new Date().toISOString());
      const running = execution.status === 'running';
      const values = {
        id: execution.id,
        workspaceId: execution.workspaceId,
        workflowId: execution.workflowId,
        version: execution.version,
        status: execution.status,
        mode: execution.mode,
        triggerNodeId: execution.trigger.nodeId,
        triggerItems: itemsJson(execution.trigger.items),
        startedAt: running ? (optionalMs(execution.startedAt) ?? createdAt) : null,
        createdAt,
      };
      // Two statements: the savepoint keeps the execution from being stored without its items.
      await queue.enqueue(() => {
        statements.insert.run(values);
        statements.insertTrigger.run(values);
      });
    },

    async markRunning(id, startedAt) {
      const values = { id, startedAt: toMs(startedAt) };
      await queue.enqueue(() => statements.markRunning.run(values), single);
    },

    async finish(id, result) {
      const values = {
        id,
        status: result.status,
        output: result.output === undefined ? null : portsJson(id, result.output),
        error: optionalJson(result.error),
        finishedAt: toMs(result.finishedAt),
      };
      await queue.enqueue(() => {
        const { changes } = statements.finish.run(values);
        if (changes === 0) throw new SbssError('NOT_FOUND', `Execution ${id} was not found`);
      }, single);
    },

    get(workspaceId, id) {
      const row = statements.byId.get({ workspaceId, id });
      if (!row) return undefined;
      const record = toRecord(row);
      return { ...record, steps: getSteps(id, () => record.trigger.items, record.output) };
    },

    list(workspaceId, query = {}) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 500);
      const prepared = listStatements(query);
      const params = {
        workspaceId,
        workflowId: query.workflowId,
        status: query.status,
        limit: limit + 1,
        ...(query.cursor === undefined ? {} : decodeCursor(query.cursor)),
      };
      const rows = prepared.page.all(params);
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const last = page.at(-1);
      return {
        items: page.map(toSummary),
        total: Number(prepared.count.get(params)?.total ?? 0),
        nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null,
      };
    },

    listUnfinished: () =>
      statements.unfinished.all().map((row) => ({ ...toRecord(row), resumes: row.resumes })),

    async markResumed(id) {
      await queue.enqueue(() => statements.markResumed.run({ id }), single);
    },

    async upsertStep(executionId, workspaceId, step) {
      const values = {
        executionId,
        nodeId: step.nodeId,
        workspaceId,
        status: step.status,
        attempts: step.attempts,
        startedAt: toMs(step.startedAt),
        finishedAt: optionalMs(step.finishedAt),
        input: portsJson(executionId, step.input),
        output: step.output === undefined ? null : outputJson(executionId, { ...step, output: step.output }),
        error: optionalJson(step.error),
        logs: toJson(step.logs),
      };
      // After writing: the step's own arrays are references only for the steps after it.
      rememberOutputs(executionId, step);
      await queue.enqueue(() => statements.upsertStep.run(values), single);
    },

    getSteps,
  };
}

function toSummary(row: SummaryRow): ExecutionSummary {
  const summary: ExecutionSummary = {
    id: row.id,
    workspaceId: row.workspaceId,
    workflowId: row.workflowId,
    version: row.version,
    status: row.status,
    mode: row.mode as ExecutionMode,
    createdAt: toIso(row.createdAt),
  };
  if (row.startedAt !== null) summary.startedAt = toIso(row.startedAt);
  if (row.finishedAt !== null) summary.finishedAt = toIso(row.finishedAt);
  if (row.error !== null) summary.error = fromJson<ErrorRecord>(row.error);
  return summary;
}

function toRecord(
  row: SummaryRow & { triggerNodeId: string; triggerItems: string; output: string | null },
): ExecutionRecord {
  const trigger: ExecutionTrigger = { nodeId: row.triggerNodeId, items: fromJson<Item[]>(row.triggerItems) };
  const record: ExecutionRecord = { ...toSummary(row), trigger };
  if (row.output !== null) record.output = fromJson<PortItems>(row.output);
  return record;
}

function toStep(row: typeof executionSteps.$inferSelect): StepRecord {
  const step: StepRecord = {
    nodeId: row.nodeId,
    status: row.status,
    attempts: row.attempts,
    startedAt: toIso(row.startedAt),
    input: fromJson<PortItems>(row.input),
    logs: fromJson<LogLine[]>(row.logs),
  };
  if (row.finishedAt !== null) step.finishedAt = toIso(row.finishedAt);
  const output = optionalFromJson<PortItems>(row.output);
  if (output) step.output = output;
  const error = optionalFromJson<ErrorRecord>(row.error);
  if (error) step.error = error;
  return step;
}
