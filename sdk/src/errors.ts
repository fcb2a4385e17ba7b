const errorMark = Symbol.for('sbss.NodeError');

/**
 * An error a node throws on purpose, with a stable code the API and the editor can show.
 * `instanceof` is answered by a symbol rather than the prototype chain, because errors are
 * rebuilt when they cross a realm (the sandbox isolate) and would otherwise fail the check.
 */
export class NodeError extends Error {
  readonly code: string;
  readonly details: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'NodeError';
    this.code = code;
    this.details = details;
    Object.defineProperty(this, errorMark, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && errorMark in value;
  }
}
