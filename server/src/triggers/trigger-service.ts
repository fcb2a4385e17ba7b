import { SbssError, type Workflow, type WorkflowNode } from '../engine/index.js';
import type { NodeRegistry } from '../plugins/node-registry.js';
import type { ExecutionService } from '../runtime/execution-service.js';
import type { Store } from '../store/index.js';
import { type ScheduleEntry, Scheduler } from './scheduler.js';
import { type WebhookEntry, WebhookTable } from './webhook-table.js';

export interface TriggerServiceDeps {
  store: Store;
  registry: NodeRegistry;
  executions: ExecutionService;
  onError: (error: unknown) => void;
}

export interface ActivationSummary {
  active: true;
  webhooks: { method: string; path: string }[];
  schedules: { cron: string; timezone: string; nextRunAt: string | null }[];
}

/** Turns active workflows' trigger nodes into live webhooks and schedules, and back. */
export class TriggerService {
  readonly #deps: TriggerServiceDeps;
  readonly #webhooks = new WebhookTable();
  /** Test listeners at `/hooks-test/<path>`, each answering one call, and who waits on each. */
  readonly #tests = new WebhookTable();
  readonly #testWaiters = new Map<WebhookEntry, (executionId?: string) => void>();
  readonly #scheduler: Scheduler;

  constructor(deps: TriggerServiceDeps) {
    this.#deps = deps;
    this.#scheduler = new Scheduler((entry, firedAt) => this.#fire(entry, firedAt));
  }

  /** Re-registers the triggers of every workflow that was active when the server last stopped. */
  restore(): void {
    for (const { workspaceId, id } of this.#deps.store.workflows.listActive()) {
      const workflow = this.#deps.store.workflows.get(workspaceId, id);
      if (workflow) this.#register(workspaceId, workflow);
    }
  }

  async activate(workspaceId: string, workflowId: string): Promise<ActivationSummary> {
    const { store } = this.#deps;
    const workflow = store.workflows.get(workspaceId, workflowId);
    if (!workflow) throw new SbssError('NOT_FOUND', `Workflow ${workflowId} was not found`);
    const { webhooks, schedules } = this.#entries(workspaceId, workflow);
    for (const hook of webhooks) {
      const holder = this.#webhooks.match(hook.method, hook.path);
      if (holder && holder.workflowId !== workflowId) {
        throw new SbssError(
          'CONFLICT',
          `Another active workflow already listens on ${hook.method} /hooks/${hook.path}`,
        );
      }
    }
    await store.triggers.replaceWebhooks(workspaceId, workflowId, webhooks);
    await store.triggers.replaceSchedules(workspaceId, workflowId, schedules);
    await store.workflows.setActive(workspaceId, workflowId, true);
    this.#unregister(workflowId);
    this.#register(workspaceId, workflow);
    return {
      active: true,
      webhooks: webhooks.map(({ method, path }) => ({ method, path })),
      schedules: schedules.map(({ cron, timezone }) => ({
        cron,
        timezone,
        nextRunAt: this.#scheduler.nextRun(cron, timezone),
      })),
    };
  }

  async deactivate(workspaceId: string, workflowId: string): Promise<void> {
    const { store } = this.#deps;
    this.#unregister(workflowId);
    await store.triggers.replaceWebhooks(workspaceId, workflowId, []);
    await store.triggers.replaceSchedules(workspaceId, workflowId, []);
    await store.workflows.setActive(workspaceId, workflowId, false);
  }

  matchWebhook(method: string, path: string): WebhookEntry | undefined {
    return this.#webhooks.match(method, path);
  }

  /**
   * n8n's "listen for test event": the next call to `/hooks-test/<path>` of a webhook trigger of
   * the saved workflow, active or not, runs it as a call to `/hooks/<path>` would. Resolves to
   * that execution's id, or to undefined when `signal` ends the wait first or another listener
   * takes the path over.
   */
  listenForTest(workspaceId: string, workflowId: string, nodeId: string, signal: AbortSignal) {
    const workflow = this.#deps.store.workflows.get(workspaceId, workflowId);
    if (!workflow) throw new SbssError('NOT_FOUND', `Workflow ${workflowId} was not found`);
    const node = workflow.nodes.find((candidate) => candidate.id === nodeId);
    if (!node || this.#deps.registry.get(node.type)?.definition.trigger !== 'webhook') {
      throw new SbssError('BAD_REQUEST', `Node ${nodeId} is not a webhook trigger of this workflow`);
    }
    const entry = this.#webhookEntry(workspaceId, workflowId, node);
    const earlier = this.#tests.match(entry.method, entry.path);
    if (earlier) this.#testWaiters.get(earlier)?.();
    return new Promise<string | undefined>((resolve) => {
      const done = (executionId?: string) => {
        this.#tests.remove(entry);
        this.#testWaiters.delete(entry);
        signal.removeEventListener('abort', stop);
        resolve(executionId);
      };
      const stop = () => done();
      if (signal.aborted) return done();
      this.#tests.add(entry);
      this.#testWaiters.set(entry, done);
      signal.addEventListener('abort', stop, { once: true });
    });
  }

  /**
   * The test listener for a call to `/hooks-test/<path>`, if one waits. `started` ends it with the
   * run the call started; a call refused before that (a body that is not JSON) leaves it waiting.
   */
  matchTestWebhook(method: string, path: string) {
    const entry = this.#tests.match(method, path);
    const done = entry && this.#testWaiters.get(entry);
    if (!entry || !done) return undefined;
    return { entry, started: (executionId: string) => done(executionId) };
  }

  stop(): void {
    this.#scheduler.stop();
  }

  #register(workspaceId: string, workflow: Workflow): void {
    const { webhooks, schedules } = this.#entries(workspaceId, workflow);
    for (const hook of webhooks) this.#webhooks.add(hook);
    for (const schedule of schedules) this.#scheduler.add(schedule);
  }

  #unregister(workflowId: string): void {
    this.#webhooks.removeWorkflow(workflowId);
    this.#scheduler.removeWorkflow(workflowId);
  }

  #entries(workspaceId: string, workflow: Workflow) {
    const webhooks: WebhookEntry[] = [];
    const schedules: ScheduleEntry[] = [];
    for (const node of workflow.nodes) {
      if (node.disabled) continue;
      const kind = this.#deps.registry.get(node.type)?.definition.trigger;
      if (kind === 'webhook') webhooks.push(this.#webhookEntry(workspaceId, workflow.id, node));
      if (kind === 'schedule') schedules.push(this.#scheduleEntry(workspaceId, workflow.id, node));
    }
    return { webhooks, schedules };
  }

  #params(node: WorkflowNode): Record<string, unknown> {
    const entry = this.#deps.registry.get(node.type);
    const parsed = entry?.definition.params.safeParse(node.params);
    if (!parsed?.success) {
      throw new SbssError(
        'WORKFLOW_INVALID',
        `Trigger node ${node.id} has invalid params`,
        parsed?.error.issues,
      );
    }
    return parsed.data as Record<string, unknown>;
  }

  #webhookEntry(workspaceId: string, workflowId: string, node: WorkflowNode): WebhookEntry {
    const params = this.#params(node);
    return {
      workspaceId,
      workflowId,
      nodeId: node.id,
      method: String(params.method ?? 'POST').toUpperCase(),
      path: String(params.path ?? '').replace(/^\/+|\/+$/g, ''),
      responseMode: String(params.responseMode ?? 'lastNode'),
      responseData: String(params.responseData ?? 'firstItem'),
      keepRawBody: Boolean(params.secret || params.credential),
    };
  }

  #scheduleEntry(workspaceId: string, workflowId: string, node: WorkflowNode): ScheduleEntry {
    const params = this.#params(node);
    return {
      workspaceId,
      workflowId,
      nodeId: node.id,
      cron: String(params.cron),
      timezone: String(params.timezone ?? 'UTC'),
    };
  }

  #fire(entry: ScheduleEntry, firedAt: Date): void {
    this.#deps.executions
      .start({
        workspaceId: entry.workspaceId,
        workflowId: entry.workflowId,
        mode: 'schedule',
        trigger: {
          nodeId: entry.nodeId,
          items: [{ firedAt: firedAt.toISOString(), cron: entry.cron, timezone: entry.timezone }],
        },
      })
      .then((started) => started.finished)
      .catch(this.#deps.onError);
  }
}
