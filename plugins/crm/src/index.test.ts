import { nodeType } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import crm from './index.js';

describe('crm plugin', () => {
  it('declares its nodes, credentials and the API hosts it may reach', () => {
    expect(crm.nodes.map((node) => nodeType(crm.name, node))).toEqual([
      'crm/setup-team@1',
      'crm/upsert-contact@1',
      'crm/open-case@1',
      'crm/assign@1',
      'crm/escalate@1',
      'crm/hubspot@1',
      'crm/salesforce@1',
      'crm/webhook@1',
    ]);
    expect(crm.credentials?.map((credential) => credential.id)).toEqual([
      'hubspot-token',
      'salesforce-oauth',
      'webhook-secret',
    ]);
    expect(crm.permissions?.httpHosts).toContain('api.hubapi.com');
  });

  it('names the credential type of every node that takes a credential param', () => {
    for (const node of crm.nodes) {
      const shape = (node.params as { shape?: Record<string, unknown> }).shape ?? {};
      expect(Boolean(node.credentials?.length)).toBe('credential' in shape);
    }
  });
});
