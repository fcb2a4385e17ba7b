import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import type { TemplateParameter } from '../api/contract';
import { problemsFromServer } from './install-errors';

const parameters: TemplateParameter[] = [
  { name: 'brand', description: '', type: 'string' },
  { name: 'threshold', description: '', type: 'number', default: 70 },
];

const refused = (message: string, details: unknown) =>
  new ApiError(400, { code: 'TEMPLATE_INVALID', message, details });

describe('problemsFromServer', () => {
  it('puts a mistyped parameter’s message at its field', () => {
    const error = refused('Parameter threshold must be of type number, got "55"', {
      parameter: 'threshold',
      type: 'number',
    });
    expect(problemsFromServer(error, parameters)).toEqual({
      threshold: { code: 'server', message: 'Parameter threshold must be of type number, got "55"' },
    });
  });

  it('marks each missing parameter as required', () => {
    const error = refused('Missing required template parameters: brand', { missing: ['brand'] });
    expect(problemsFromServer(error, parameters)).toEqual({ brand: { code: 'required' } });
  });

  it('leaves errors that name no field of the form to a notice', () => {
    expect(problemsFromServer(refused('undeclared', { undeclared: ['client'] }), parameters)).toBeUndefined();
    expect(problemsFromServer(refused('Unknown', { unknown: ['colour'] }), parameters)).toBeUndefined();
    expect(
      problemsFromServer(
        new ApiError(400, { code: 'WORKFLOW_INVALID', message: 'bad', details: {} }),
        parameters,
      ),
    ).toBeUndefined();
    expect(problemsFromServer(new Error('offline'), parameters)).toBeUndefined();
  });
});
