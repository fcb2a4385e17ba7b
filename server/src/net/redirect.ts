import { SbssError } from '../engine/errors.js';

export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const bodyHeaders = ['content-type', 'content-encoding', 'content-language', 'content-location'];
const credentialHeaders = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The request for the next hop, following WHATWG Fetch "HTTP-redirect fetch": 303 (and 301/302
 * after a POST) becomes a body-less GET; 307/308 repeat the request as is; credentials are not
 * sent to another origin.
 */
export function nextHop(current: OutgoingRequest, status: number, location: string): OutgoingRequest {
  const url = URL.parse(location, current.url.href);
  if (!url) {
    throw new SbssError('NODE_FAILED', `${current.url.host} redirected to an invalid URL "${location}"`);
  }
  const headers = { ...current.headers };
  const toGet =
    (status === 303 && current.method !== 'HEAD') ||
    ((status === 301 || status === 302) && current.method === 'POST');
  if (url.origin !== current.url.origin) {
    for (const name of credentialHeaders) delete headers[name];
  }
  if (toGet) {
    for (const name of bodyHeaders) delete headers[name];
    return { url, method: 'GET', headers };
  }
  return { url, method: current.method, headers, ...(current.body ? { body: current.body } : {}) };
}
