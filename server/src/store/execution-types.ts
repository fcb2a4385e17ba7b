import type { Item, PortItems } from '@sbss/sdk';
import type { ErrorRecord } from '../engine/errors.js';
import type { ExecutionMode, StepRecord } from '../engine/ports.js';

export type ExecutionStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ExecutionTrigger {
  nodeId: string;
  items: Item[];
}

/** Stored before anything runs: with its trigger items it can be run again after a crash. */
export interface NewExecution {
  id: string;
  workspaceId: string;
  workflowId: string;
  version: number;
  mode: ExecutionMode;
  status: 'queued' | 'running';
  trigger: ExecutionTrigger;
  /** Defaults to `startedAt`, then to now. */
  createdAt?: string;
  /** Kept only when the execution is stored as running; otherwise `markRunning` sets it. */
  startedAt?: string;
}

export interface ExecutionSummary {
  id: string;
  workspaceId: string;
  workflowId: string;
  version: number;
  status: ExecutionStatus;
  mode: ExecutionMode;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: ErrorRecord;
}

export interface ExecutionRecord extends ExecutionSummary {
  trigger: ExecutionTrigger;
  output?: PortItems;
}

/** What a restart resumes. */
export interface UnfinishedExecution extends ExecutionRecord {
  /** Times it was already run again after the server stopped while it was running. */
  resumes: number;
}

export interface ExecutionDetail extends ExecutionRecord {
  /** In the order they started. */
  steps: StepRecord[];
}

export interface ExecutionFinish {
  status: 'succeeded' | 'failed' | 'cancelled';
  output?: PortItems | undefined;
  error?: ErrorRecord | undefined;
  finishedAt: string;
}

export interface ExecutionListQuery {
  workflowId?: string | undefined;
  status?: ExecutionStatus | undefined;
  /** 1 to 500; 50 when left out. */
  limit?: number | undefined;
  /** `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export interface ExecutionPage {
  /** Newest first. */
  items: ExecutionSummary[];
  /** How many executions match the filters, on every page. */
  total: number;
  nextCursor: string | null;
}
