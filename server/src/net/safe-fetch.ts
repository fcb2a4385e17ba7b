import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpCapability, HttpRequest, HttpResponse } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';
import type { AddressPolicy } from './address-policy.js';
import { nextHop, type OutgoingRequest, redirectStatuses } from './redirect.js';
import { type ResolvedAddress, type Resolver, systemResolver, vetTarget } from './resolve-target.js';
import { acceptedEncodings, flattenHeaders, parseBody, readBody } from './response-body.js';

export interface HttpCapabilityOptions {
  policy: AddressPolicy;
  /** Hosts from the plugin's manifest, `*.example.com` wildcards allowed; undefined = any public host. */
  allowedHosts?: readonly string[];
  /** Upper bound for a whole request, redirects included; a request may ask for less. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Aborted when the step times out or the execution is cancelled. */
  signal?: AbortSignal;
  userAgent?: string;
  resolver?: Resolver;
}

interface Settings {
  rules: { policy: AddressPolicy; allowedHosts?: readonly string[]; resolver: Resolver };
  timeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
  signal: AbortSignal | undefined;
  userAgent: string;
}

const droppedRequestHeaders = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/**
 * The `ctx.http` every node gets: only http(s), only to hosts the manifest declares, never to
 * an address the policy blocks, with each redirect hop checked again.
 */
export function createHttpCapability(options: HttpCapabilityOptions): HttpCapability {
  const settings: Settings = {
    rules: {
      policy: options.policy,
      resolver: options.resolver ?? systemResolver,
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    },
    timeoutMs: options.timeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    signal: options.signal,
    userAgent: options.userAgent ?? 'SBSS',
  };
  return { fetch: (request) => fetchWithDeadline(request, settings) };
}

async function fetchWithDeadline(request: HttpRequest, settings: Settings): Promise<HttpResponse> {
  const timeoutMs = Math.min(request.timeoutMs ?? settings.timeoutMs, settings.timeoutMs);
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new SbssError('NODE_TIMEOUT', `Request to ${request.url} took longer than ${timeoutMs} ms`),
      ),
    timeoutMs,
  );
  const signal = settings.signal ? AbortSignal.any([deadline.signal, settings.signal]) : deadline.signal;
  try {
    return await follow(toOutgoing(request, settings.userAgent), settings, signal, request.responseType);
  } catch (error) {
    if (signal.aborted) throw abortError(signal);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function follow(
  first: OutgoingRequest,
  settings: Settings,
  signal: AbortSignal,
  responseType: HttpRequest['responseType'],
): Promise<HttpResponse> {
  let current = first;
  for (let redirects = 0; ; redirects += 1) {
    const target = await untilAborted(vetTarget(current.url, settings.rules), signal);
    const response = await send(current, target, signal);
    const location = response.headers.location;
    if (!redirectStatuses.has(response.statusCode ?? 0) || !location) {
      const body = await readBody(response, settings.maxResponseBytes, current.url.hostname);
      return {
        status: response.statusCode ?? 0,
        headers: flattenHeaders(response.headers),
        body: parseBody(body, response.headers['content-type'], responseType),
      };
    }
    // The body of a redirect is never read; with agent: false the socket is not reused either.
    response.destroy();
    if (redirects >= settings.maxRedirects) {
      throw new SbssError('NODE_FAILED', `Stopped after ${settings.maxRedirects} redirects`, {
        url: current.url.href,
      });
    }
    current = nextHop(current, response.statusCode ?? 0, location);
  }
}

function toOutgoing(request: HttpRequest, userAgent: string): OutgoingRequest {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new SbssError('BAD_REQUEST', `"${request.url}" is not a valid URL`);
  }
  const method = (request.method ?? 'GET').toUpperCase();
  if (!/^[A-Z]+$/.test(method))
    throw new SbssError('BAD_REQUEST', `"${request.method}" is not an HTTP method`);

  const headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': acceptedEncodings };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const key = name.toLowerCase();
    // Host stays the URL's host: the connection is pinned to an address vetted for that name.
    if (!droppedRequestHeaders.has(key)) headers[key] = value;
  }
  if (request.body === undefined) return { url, method, headers };
  const isText = typeof request.body === 'string';
  headers['content-type'] ??= isText ? 'text/plain; charset=utf-8' : 'application/json';
  const body = Buffer.from(isText ? (request.body as string) : JSON.stringify(request.body));
  return { url, method, headers, body };
}

function send(
  outgoing: OutgoingRequest,
  target: ResolvedAddress,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const { url, method, headers, body } = outgoing;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    try {
      const pending = request(
        url,
        {
          method,
          headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
          lookup: pinnedLookup(target),
          // A pooled socket could have been opened under another capability's rules.
          agent: false,
          signal,
        },
        resolve,
      );
      pending.on('error', (error) => reject(networkError(url, error)));
      pending.end(body);
    } catch (error) {
      // Invalid header names or values throw synchronously.
      reject(new SbssError('BAD_REQUEST', (error as Error).message));
    }
  });
}

/**
 * Hands the socket the address that passed the policy, so a second DNS answer (rebinding)
 * cannot redirect the connection. The URL's host still names the Host header and TLS SNI.
 */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function networkError(url: URL, error: Error): SbssError {
  const code = (error as { code?: unknown }).code;
  return new SbssError('NODE_FAILED', `Request to ${url.host} failed: ${error.message}`, {
    url: url.href,
    ...(typeof code === 'string' ? { code } : {}),
  });
}

/** DNS lookups cannot be cancelled; stop waiting for one when the deadline passes. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortError(signal: AbortSignal): SbssError {
  const reason: unknown = signal.reason;
  return reason instanceof SbssError
    ? reason
    : new SbssError('EXECUTION_CANCELLED', 'The request was cancelled with its step');
}
