import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, SbssError } from '../engine/index.js';

/** The one place error codes become HTTP statuses. */
const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  WORKFLOW_INVALID: 400,
  TEMPLATE_INVALID: 400,
  NODE_TYPE_UNKNOWN: 400,
  NODE_PARAMS_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  NODE_FAILED: 500,
  NODE_TIMEOUT: 500,
  EXPRESSION_FAILED: 500,
  HTTP_BLOCKED: 500,
  CREDENTIAL_UNAVAILABLE: 500,
  EXECUTION_CANCELLED: 409,
  PLUGIN_INVALID: 400,
  PLUGIN_TIMEOUT: 500,
  PLUGIN_MEMORY: 500,
  PLUGIN_CRASHED: 500,
  PLUGIN_OUTPUT_INVALID: 500,
  SERVER_STOPPED: 500,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof SbssError) {
    return c.json(errorBody(error.code, error.message, error.details), statusOf[error.code]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return c.json(errorBody(code, error.message || 'Bad request'), status);
  }
  console.error(error);
  return c.json(errorBody('INTERNAL', 'Something went wrong inside the server'), 500);
}
