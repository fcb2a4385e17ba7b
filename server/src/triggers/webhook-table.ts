export interface WebhookEntry {
  workspaceId: string;
  workflowId: string;
  nodeId: string;
  method: string;
  path: string;
  responseMode: string;
  responseData: string;
  /** The trigger checks a signature, so it is handed the body exactly as received. */
  keepRawBody: boolean;
}

/**
 * Live webhooks by method and path. Exact paths are a map lookup; paths with `:name`
 * segments are matched segment by segment after that.
 */
export class WebhookTable {
  readonly #exact = new Map<string, WebhookEntry>();
  readonly #patterns: WebhookEntry[] = [];

  add(entry: WebhookEntry): void {
    if (entry.path.split('/').some((segment) => segment.startsWith(':'))) this.#patterns.push(entry);
    else this.#exact.set(`${entry.method} ${entry.path}`, entry);
  }

  match(method: string, path: string): WebhookEntry | undefined {
    const exact = this.#exact.get(`${method} ${path}`);
    if (exact || this.#patterns.length === 0) return exact;
    const segments = path.split('/');
    return this.#patterns.find((entry) => {
      if (entry.method !== method) return false;
      const pattern = entry.path.split('/');
      return (
        pattern.length === segments.length &&
        pattern.every((part, index) => part.startsWith(':') || part === segments[index])
      );
    });
  }

  remove(entry: WebhookEntry): void {
    const key = `${entry.method} ${entry.path}`;
    if (this.#exact.get(key) === entry) this.#exact.delete(key);
    const at = this.#patterns.indexOf(entry);
    if (at !== -1) this.#patterns.splice(at, 1);
  }

  removeWorkflow(workflowId: string): void {
    for (const [key, entry] of this.#exact) if (entry.workflowId === workflowId) this.#exact.delete(key);
    for (let index = this.#patterns.length - 1; index >= 0; index -= 1) {
      if (this.#patterns[index]?.workflowId === workflowId) this.#patterns.splice(index, 1);
    }
  }
}
