import { describe, expect, it } from 'vitest';
import { hostPermitted } from './host-permission.js';

describe('hostPermitted', () => {
  it('matches exact names without regard to case or a trailing dot', () => {
    expect(hostPermitted('API.HubApi.com.', ['api.hubapi.com'])).toBe(true);
    expect(hostPermitted('evil-api.hubapi.com', ['api.hubapi.com'])).toBe(false);
  });

  it('matches wildcards at any depth below the domain but not the domain itself', () => {
    expect(hostPermitted('open.feishu.cn', ['*.feishu.cn'])).toBe(true);
    expect(hostPermitted('a.b.feishu.cn', ['*.feishu.cn'])).toBe(true);
    expect(hostPermitted('feishu.cn', ['*.feishu.cn'])).toBe(false);
    expect(hostPermitted('notfeishu.cn', ['*.feishu.cn'])).toBe(false);
  });

  it('compares IPv6 literals without brackets', () => {
    expect(hostPermitted('[2001:4860::1]', ['2001:4860::1'])).toBe(true);
  });

  it('permits nothing when the manifest declares no hosts', () => {
    expect(hostPermitted('example.com', [])).toBe(false);
  });
});

describe('the any-host pattern', () => {
  it('lets "*" match any host name', () => {
    expect(hostPermitted('feeds.example.org', ['*'])).toBe(true);
    expect(hostPermitted('rsshub.app', ['api.hubapi.com', '*'])).toBe(true);
  });
});
