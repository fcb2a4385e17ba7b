import type { ApiErrorBody } from './contract';

/** An error answer from the API, carrying its stable `code`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.status = status;
    this.details = body.details;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

/** The part of a fetch (or typed RPC) response that reading it needs. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/** Reads a response as JSON, turning non-2xx answers into `ApiError`. */
export async function readJson<T>(response: ResponseLike): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error);
    throw new ApiError(response.status, {
      code: `HTTP_${response.status}`,
      message: text.slice(0, 500) || response.statusText,
    });
  }
  return body as T;
}
