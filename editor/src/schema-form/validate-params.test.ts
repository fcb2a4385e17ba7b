import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/contract';
import { initialParams } from './defaults';
import { getAt, setAt } from './field-value';
import { isCron, validateParams } from './validate-params';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 1 },
    method: { type: 'string', enum: ['GET', 'POST'], default: 'GET' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
    auth: { type: 'object', properties: { user: { type: 'string' } }, required: ['user'] },
    cron: { type: 'string', format: 'cron' },
  },
  required: ['url', 'method'],
};

const codes = (params: unknown) => validateParams(schema, params).map((e) => [e.path.join('.'), e.code]);

describe('validateParams', () => {
  it('reports missing required fields at their path', () => {
    expect(codes({ method: 'GET' })).toEqual([['url', 'required']]);
    expect(codes({ url: '', method: 'GET' })).toEqual([['url', 'required']]);
  });

  it('checks types, enums, ranges and sizes', () => {
    expect(codes({ url: 'x', method: 'PUT', status: 42, tags: ['a', 'b', 'c'] })).toEqual([
      ['method', 'enum'],
      ['status', 'minimum'],
      ['tags', 'maxItems'],
    ]);
    expect(codes({ url: 'x', method: 'GET', status: 'ok' })).toEqual([['status', 'type']]);
    expect(codes({ url: 'x', method: 'GET', status: 200.5 })).toEqual([['status', 'type']]);
  });

  it('checks nested objects and array elements', () => {
    expect(codes({ url: 'x', method: 'GET', auth: {}, tags: ['a', 3] })).toEqual([
      ['auth.user', 'required'],
      ['tags.1', 'type'],
    ]);
  });

  it('leaves expressions to run time', () => {
    expect(codes({ url: '{{ $json.link }}', method: 'GET', status: '{{ $json.code }}' })).toEqual([]);
  });

  it('checks cron fields', () => {
    expect(codes({ url: 'x', method: 'GET', cron: 'every day' })).toEqual([['cron', 'cron']]);
    expect(isCron('0 9 * * 1-5')).toBe(true);
    expect(isCron('*/10 * * * * *')).toBe(true);
    expect(isCron('@daily')).toBe(true);
    expect(isCron('9 am')).toBe(false);
  });
});

describe('initialParams', () => {
  it('fills defaults and empty required fields', () => {
    expect(initialParams(schema)).toEqual({ url: '', method: 'GET' });
  });
});

describe('setAt / getAt', () => {
  it('writes nested values without touching the original', () => {
    const params = { auth: { user: 'a' }, list: [1, 2] };
    const next = setAt(params, ['auth', 'pass'], 'b');
    expect(next).toEqual({ auth: { user: 'a', pass: 'b' }, list: [1, 2] });
    expect(params.auth).toEqual({ user: 'a' });
    expect(getAt(setAt(params, ['list', 1], 5), ['list', 1])).toBe(5);
    expect(setAt(params, ['auth'], undefined)).toEqual({ list: [1, 2] });
  });
});
