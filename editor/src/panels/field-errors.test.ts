import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { fieldErrors } from './field-errors';

const t = initI18n('en').t;

describe('fieldErrors', () => {
  it("keeps the server's pointer, and marks warnings and an expression's own problems", () => {
    const problems: Problem[] = [
      {
        code: 'PARAMS_INVALID',
        severity: 'error',
        message: 'Missing ")"',
        path: ['nodes', 1, 'params', 'query'],
        details: { column: 3, pointer: 'a (\n  ^' },
      },
      {
        code: 'PARAMS_WARNING',
        severity: 'warning',
        message: '"and" is searched as a word',
        path: ['nodes', 1, 'params', 'name'],
      },
      {
        code: 'EXPRESSION_INVALID',
        severity: 'error',
        message: 'Expression has a syntax error',
        path: ['nodes', 1, 'params', 'rules', 0, 'when'],
      },
    ];
    const errors = fieldErrors(undefined, {}, problems, t);
    expect(errors.get('query')).toEqual({ message: 'Missing ")"', pointer: 'a (\n  ^' });
    expect(errors.get('rules.0.when')).toEqual({
      message: 'Expression has a syntax error',
      expression: true,
    });
  });

  it("puts the form's own check before what the server said of the same field", () => {
    const schema = {
      type: 'object',
      properties: { url: { type: 'string', minLength: 1 } },
      required: ['url'],
    };
    const problems: Problem[] = [
      {
        code: 'PARAMS_INVALID',
        severity: 'error',
        message: 'from the server',
        path: ['nodes', 0, 'params', 'url'],
      },
    ];
    expect(fieldErrors(schema, { url: '' }, problems, t).get('url')?.message).toBe('Required');
  });
});
