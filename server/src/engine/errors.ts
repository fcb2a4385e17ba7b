/**
 * The one catalogue of error codes. Every error the platform raises on purpose carries one of
 * these; the API maps codes to HTTP statuses in one place (`api/error-handler.ts`).
 */
export const errorCodes = {
  BAD_REQUEST: 'The request is malformed',
  VALIDATION_FAILED: 'The request does not match its schema',
  WORKFLOW_INVALID: 'The workflow has problems that stop it from running',
  TEMPLATE_INVALID: 'The template or its parameters are not valid',
  NOT_FOUND: 'No such resource',
  CONFLICT: 'The resource changed or already exists',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  NODE_TYPE_UNKNOWN: 'No installed node has this type',
  NODE_PARAMS_INVALID: 'The node params do not match its schema',
  NODE_FAILED: 'The node threw an error',
  NODE_TIMEOUT: 'The node took longer than its timeout',
  EXPRESSION_FAILED: 'An expression could not be evaluated',
  HTTP_BLOCKED: 'The request target is not allowed',
  CREDENTIAL_UNAVAILABLE: 'The credential is missing or not granted to this node',
  EXECUTION_CANCELLED: 'The execution was cancelled',
  PLUGIN_INVALID: 'The plugin package, bundle or manifest is not valid',
  PLUGIN_TIMEOUT: 'Sandboxed code ran longer than its CPU or wall-time limit',
  PLUGIN_MEMORY: 'Sandboxed code ran out of memory',
  PLUGIN_CRASHED: 'The sandbox running the code stopped unexpectedly',
  PLUGIN_OUTPUT_INVALID: 'Sandboxed code returned something that is not items by port',
  SERVER_STOPPED: 'The server stopped unexpectedly while the execution ran',
  UNAVAILABLE: 'A part this request needs is not installed or not running',
  INTERNAL: 'Something went wrong inside the server',
} as const;

export type ErrorCode = keyof typeof errorCodes;

const mark = Symbol.for('sbss.SbssError');

export class SbssError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string = errorCodes[code], details?: unknown) {
    super(message);
    this.name = 'SbssError';
    this.code = code;
    this.details = details;
    Object.defineProperty(this, mark, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && mark in value;
  }
}

/** The serialisable form stored with failed steps and executions. */
export interface ErrorRecord {
  code: string;
  message: string;
  details?: unknown;
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { code, message, details } = error as { code?: unknown; message: unknown; details?: unknown };
    const record: ErrorRecord = {
      code: typeof code === 'string' ? code : 'NODE_FAILED',
      message: String(message),
    };
    if (details !== undefined) record.details = details;
    return record;
  }
  return { code: 'NODE_FAILED', message: String(error) };
}
