import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/contract';
import { humanize, paramsForm } from './field-model';

const kinds = (schema: JsonSchema) => Object.fromEntries(paramsForm(schema).map((f) => [f.key, f.kind]));

describe('paramsForm', () => {
  it('maps scalar JSON Schema types to widgets', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        url: { type: 'string' },
        limit: { type: 'integer', minimum: 1 },
        ratio: { type: 'number' },
        keepOthers: { type: 'boolean', default: true },
        method: { type: 'string', enum: ['GET', 'POST'] },
        body: {},
      },
      required: ['url'],
    };
    expect(kinds(schema)).toEqual({
      url: 'string',
      limit: 'integer',
      ratio: 'number',
      keepOthers: 'boolean',
      method: 'enum',
      body: 'json',
    });
    const [url, limit] = paramsForm(schema);
    expect(url?.required).toBe(true);
    expect(limit?.required).toBe(false);
  });

  it('offers the enum values as options', () => {
    const [field] = paramsForm({
      type: 'object',
      properties: { responseMode: { type: 'string', enum: ['onReceived', 'lastNode', 'respondNode'] } },
    });
    expect(field?.options?.map((o) => o.value)).toEqual(['onReceived', 'lastNode', 'respondNode']);
  });

  it('reads a union of literals as one enum', () => {
    const [field] = paramsForm({
      type: 'object',
      properties: { level: { anyOf: [{ const: 'low' }, { const: 'high' }] } },
    });
    expect(field?.kind).toBe('enum');
    expect(field?.options?.map((o) => o.value)).toEqual(['low', 'high']);
  });

  it('treats a nullable type as that type, marked nullable', () => {
    const [field] = paramsForm({
      type: 'object',
      properties: { owner: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    });
    expect(field).toMatchObject({ kind: 'string', nullable: true });
  });

  it('nests objects and arrays with paths to each field', () => {
    const [headers, auth] = paramsForm({
      type: 'object',
      properties: {
        headers: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        },
        auth: { type: 'object', properties: { user: { type: 'string' }, port: { type: 'number' } } },
      },
    });
    expect(headers?.kind).toBe('array');
    expect(headers?.item?.kind).toBe('object');
    expect(headers?.item?.fields?.[0]).toMatchObject({
      key: 'name',
      path: ['headers', 0, 'name'],
      required: true,
    });
    expect(auth?.fields?.map((f) => [f.key, f.kind, f.path])).toEqual([
      ['user', 'string', ['auth', 'user']],
      ['port', 'number', ['auth', 'port']],
    ]);
  });

  it('edits free-key objects (a Set node’s fields) as key/value records', () => {
    const [fields] = paramsForm({
      type: 'object',
      properties: { fields: { type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} } },
    });
    expect(fields?.kind).toBe('record');
    expect(fields?.entry?.kind).toBe('json');
  });

  it('picks cron, code, credential, file and collection-key widgets from hints, names and defaults', () => {
    expect(
      kinds({
        type: 'object',
        properties: {
          cron: { type: 'string' },
          schedule: { type: 'string', format: 'cron' },
          code: { type: 'string' },
          transform: { type: 'string', widget: 'code' },
          credentialId: { type: 'string' },
          account: { type: 'string', credentialType: 'dingtalk' },
          message: { type: 'string' },
          upload: { type: 'string', widget: 'file' },
          taxonomy: { type: 'string', default: 'billing: [退款]\ndelivery: [快递]\n' },
          models: { type: 'string', widget: 'collection-key', collection: 'sentiment-models' },
        },
      }),
    ).toEqual({
      cron: 'cron',
      schedule: 'cron',
      code: 'code',
      transform: 'code',
      credentialId: 'credential',
      account: 'credential',
      message: 'text',
      upload: 'file',
      taxonomy: 'text',
      models: 'collectionKey',
    });
    const yaml = paramsForm({
      type: 'object',
      properties: { taxonomy: { type: 'string', widget: 'code', language: 'yaml' } },
    })[0];
    expect(yaml).toMatchObject({ kind: 'code', language: 'yaml' });
    const account = paramsForm({
      type: 'object',
      properties: { a: { type: 'string', credentialType: 'slack' } },
    })[0];
    expect(account?.credentialType).toBe('slack');
  });

  it('follows $ref into $defs and merges allOf', () => {
    const fields = paramsForm({
      type: 'object',
      $defs: { Person: { type: 'object', properties: { name: { type: 'string' } } } },
      properties: {
        owner: { $ref: '#/$defs/Person' },
        both: {
          allOf: [
            { type: 'object', properties: { a: { type: 'string' } } },
            { properties: { b: { type: 'number' } } },
          ],
        },
      },
    });
    expect(fields[0]?.fields?.[0]?.key).toBe('name');
    expect(fields[1]?.fields?.map((f) => f.key)).toEqual(['a', 'b']);
  });

  it('labels fields by title, else by a readable key', () => {
    const fields = paramsForm({
      type: 'object',
      properties: { maxAttempts: { type: 'number' }, url: { type: 'string', title: 'Endpoint' } },
    });
    expect(fields.map((f) => f.label)).toEqual(['Max attempts', 'Endpoint']);
    expect(humanize('api_key')).toBe('Api key');
  });
});
