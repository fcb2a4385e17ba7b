/**
 * The bounded worker pool executions run on: at most `workers` at once across the server, and
 * at most a workflow's own concurrency limit per workflow. Waiting tasks keep their order.
 */
export interface RunQueueOptions {
  workers: number;
}

interface Waiting {
  key: string;
  limit: number;
  start: () => void;
}

export class RunQueue {
  readonly #workers: number;
  readonly #running = new Map<string, number>();
  readonly #waiting: Waiting[] = [];
  #active = 0;
  #idle: (() => void)[] = [];

  constructor(options: RunQueueOptions) {
    this.#workers = options.workers;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `task` when a worker and a slot of `key` (a workflow) are free. */
  push<T>(key: string, limit: number | undefined, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#active += 1;
        this.#running.set(key, (this.#running.get(key) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => this.#release(key));
      };
      this.#waiting.push({ key, limit: limit ?? Number.POSITIVE_INFINITY, start });
      this.#drain();
    });
  }

  /** Resolves once nothing runs or waits. */
  onIdle(): Promise<void> {
    if (this.#active === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #release(key: string): void {
    this.#active -= 1;
    const left = (this.#running.get(key) ?? 1) - 1;
    if (left === 0) this.#running.delete(key);
    else this.#running.set(key, left);
    this.#drain();
    if (this.#active === 0 && this.#waiting.length === 0) {
      for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  #drain(): void {
    for (let index = 0; index < this.#waiting.length && this.#active < this.#workers; ) {
      const next = this.#waiting[index] as Waiting;
      if ((this.#running.get(next.key) ?? 0) < next.limit) {
        this.#waiting.splice(index, 1);
        next.start();
      } else {
        index += 1;
      }
    }
  }
}
