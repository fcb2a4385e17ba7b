import { describe, expect, it } from 'vitest';
import { nextHop, type OutgoingRequest } from './redirect.js';

const post: OutgoingRequest = {
  url: new URL('https://api.example.com/v1/cases'),
  method: 'POST',
  headers: {
    authorization: 'Bearer secret',
    cookie: 'a=1',
    'content-type': 'application/json',
    accept: '*/*',
  },
  body: Buffer.from('{}'),
};

describe('nextHop', () => {
  it('turns a POST into a body-less GET after 301, 302 and 303', () => {
    for (const status of [301, 302, 303]) {
      const hop = nextHop(post, status, '/v1/cases/7');
      expect(hop.method).toBe('GET');
      expect(hop.body).toBeUndefined();
      expect(hop.headers['content-type']).toBeUndefined();
      expect(hop.url.href).toBe('https://api.example.com/v1/cases/7');
    }
  });

  it('repeats method and body after 307 and 308', () => {
    const hop = nextHop(post, 307, 'https://api.example.com/v2/cases');
    expect(hop).toMatchObject({ method: 'POST', body: post.body });
    expect(hop.headers.authorization).toBe('Bearer secret');
  });

  it('drops credentials when the redirect leaves the origin', () => {
    const hop = nextHop(post, 308, 'https://files.example.net/upload');
    expect(hop.headers.authorization).toBeUndefined();
    expect(hop.headers.cookie).toBeUndefined();
    expect(hop.headers.accept).toBe('*/*');
  });

  it('reports a Location that is not a URL', () => {
    expect(() => nextHop(post, 302, 'http://[bad')).toThrow(/invalid URL/);
  });
});
