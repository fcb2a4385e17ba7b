import type { RunQueue } from './run-queue.js';

/** Counters for `/metrics`, in the Prometheus text exposition format. */
export class Metrics {
  readonly #executions = new Map<string, number>();
  readonly #queue: RunQueue;
  #webhookCalls = 0;

  constructor(queue: RunQueue) {
    this.#queue = queue;
  }

  executionFinished(status: string): void {
    this.#executions.set(status, (this.#executions.get(status) ?? 0) + 1);
  }

  webhookCalled(): void {
    this.#webhookCalls += 1;
  }

  render(): string {
    const memory = process.memoryUsage();
    const lines = [
      '# HELP sbss_executions_total Executions finished since start, by status.',
      '# TYPE sbss_executions_total counter',
      ...[...this.#executions].map(([status, count]) => `sbss_executions_total{status="${status}"} ${count}`),
      '# HELP sbss_webhook_calls_total Webhook calls accepted since start.',
      '# TYPE sbss_webhook_calls_total counter',
      `sbss_webhook_calls_total ${this.#webhookCalls}`,
      '# HELP sbss_executions_running Executions running now.',
      '# TYPE sbss_executions_running gauge',
      `sbss_executions_running ${this.#queue.active}`,
      '# HELP sbss_executions_waiting Executions waiting for a worker.',
      '# TYPE sbss_executions_waiting gauge',
      `sbss_executions_waiting ${this.#queue.waiting}`,
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
