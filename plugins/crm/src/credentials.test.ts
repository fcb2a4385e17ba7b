import { afterEach, describe, expect, it } from 'vitest';
import { hubspotToken, salesforceOAuth } from './credentials.js';

const realUrl = globalThis.URL;
afterEach(() => {
  globalThis.URL = realUrl;
});

describe('credential fields', () => {
  it('accept base URLs where there is no URL global, as in the sandbox', () => {
    // @ts-expect-error the sandbox is plain ECMAScript: no WHATWG URL
    delete globalThis.URL;
    expect(hubspotToken.fields.parse({ token: 't', baseUrl: 'http://127.0.0.1:8080/hubspot' }).baseUrl).toBe(
      'http://127.0.0.1:8080/hubspot',
    );
    const salesforce = salesforceOAuth.fields.parse({
      clientId: 'id',
      clientSecret: 'secret',
      loginUrl: 'https://acme.my.salesforce.com',
      instanceUrl: 'https://acme.my.salesforce.com',
    });
    expect(salesforce.instanceUrl).toBe('https://acme.my.salesforce.com');
  });

  it('still refuse a base URL that is not http(s)', () => {
    expect(hubspotToken.fields.safeParse({ token: 't', baseUrl: 'ftp://example.com' }).success).toBe(false);
  });
});
