import { type HttpCapability, type HttpResponse, NodeError } from '@sbss/sdk';

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type FeedFetch = { changed: false } | { changed: true; body: unknown; validators: FeedValidators };

/**
 * Fetches a feed with a conditional GET (RFC 9110 §13.1: If-None-Match with the last ETag,
 * If-Modified-Since with the last Last-Modified), so an unchanged feed costs a 304 and no parsing.
 */
export async function fetchFeed(
  http: HttpCapability,
  url: string,
  timeoutMs: number,
  validators: FeedValidators,
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: HttpResponse;
  try {
    response = await http.fetch({ url, method: 'GET', headers, timeoutMs });
  } catch (error) {
    throw unreachable(error, url, timeoutMs);
  }
  if (response.status === 304) return { changed: false };
  if (response.status < 200 || response.status >= 300) {
    throw new NodeError('FEED_HTTP_ERROR', `${url} answered HTTP ${response.status}`, {
      url,
      status: response.status,
    });
  }
  const header = (name: string) => response.headers[name] ?? response.headers[name.toLowerCase()];
  const next: FeedValidators = {};
  const etag = header('etag');
  const lastModified = header('last-modified');
  if (etag) next.etag = etag;
  if (lastModified) next.lastModified = lastModified;
  return { changed: true, body: response.body, validators: next };
}

function unreachable(error: unknown, url: string, timeoutMs: number): NodeError {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'NODE_TIMEOUT' || /time(d)? ?out|took longer/i.test(message)) {
    return new NodeError('FEED_TIMEOUT', `${url} did not answer within ${timeoutMs} ms`, { url, timeoutMs });
  }
  return new NodeError('FEED_UNREACHABLE', `Could not fetch ${url}: ${message}`, { url });
}
