import { describe, expect, it } from 'vitest';
import type { TemplateParameter } from '../api/contract';
import { initialValues, inputOf, readValues } from './param-values';

const parameters: TemplateParameter[] = [
  { name: 'brand', description: '', type: 'string', default: 'Acme' },
  { name: 'client', description: '', type: 'string' },
  { name: 'team', description: '', type: 'string', default: 'members:\n  - ana\n' },
  { name: 'threshold', description: '', type: 'number', default: 70 },
  { name: 'dryRun', description: '', type: 'boolean', default: true },
  { name: 'recipients', description: '', type: 'string[]', default: ['a@example.com', 'b@example.com'] },
  { name: 'sla', description: '', type: 'json', default: { urgent: 60 } },
];

describe('template parameter form values', () => {
  it('edits multi-line strings, lists and JSON in text areas and the rest in single inputs', () => {
    expect(parameters.map(inputOf)).toEqual([
      'text',
      'text',
      'multiline',
      'number',
      'boolean',
      'list',
      'json',
    ]);
  });

  it('starts from the defaults, lists one entry a line and JSON pretty-printed', () => {
    expect(initialValues(parameters)).toEqual({
      brand: 'Acme',
      client: '',
      team: 'members:\n  - ana\n',
      threshold: '70',
      dryRun: true,
      recipients: 'a@example.com\nb@example.com',
      sla: '{\n  "urgent": 60\n}',
    });
  });

  it('reads the typed values the server expects', () => {
    const values = {
      ...initialValues(parameters),
      client: 'Client A',
      threshold: '55.5',
      dryRun: false,
      recipients: ' pr@example.com \n\n ops@example.com',
      sla: '{"urgent": 30, "high": 120}',
    };
    expect(readValues(parameters, values)).toEqual({
      params: {
        brand: 'Acme',
        client: 'Client A',
        team: 'members:\n  - ana\n',
        threshold: 55.5,
        dryRun: false,
        recipients: ['pr@example.com', 'ops@example.com'],
        sla: { urgent: 30, high: 120 },
      },
      problems: {},
    });
  });

  it('names each field it cannot read: required without a default, not a number, not JSON', () => {
    const values = { ...initialValues(parameters), threshold: 'many', sla: '{urgent: 30}', brand: '' };
    const { params, problems } = readValues(parameters, values);
    expect(problems).toEqual({
      client: { code: 'required' },
      threshold: { code: 'notNumber' },
      sla: { code: 'notJson', reason: expect.any(String) },
    });
    expect(params.brand).toBe('');
  });

  it('requires a number or JSON even where a default exists, since an empty box has no type', () => {
    const values = { ...initialValues(parameters), client: 'x', threshold: ' ', sla: '' };
    expect(readValues(parameters, values).problems).toEqual({
      threshold: { code: 'required' },
      sla: { code: 'required' },
    });
  });
});
