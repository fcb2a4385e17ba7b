// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonObject, JsonSchema } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { FormContext, type FormContextValue } from './form-context';
import { SchemaForm } from './SchemaForm';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 1 },
    method: { type: 'string', enum: ['GET', 'POST'] },
    limit: { type: 'integer' },
    keepOthers: { type: 'boolean' },
    fields: { type: 'object', additionalProperties: {} },
    tags: { type: 'array', items: { type: 'string' } },
    credentialId: { type: 'string' },
  },
  required: ['url'],
};

const context: FormContextValue = {
  completion: { json: { author: { name: 'Ann' } }, nodes: {} },
  scope: { $json: { author: { name: 'Ann' } } },
  credentials: [
    { id: 'c1', name: 'Team bot', type: 'dingtalk' },
    { id: 'c2', name: 'Mail', type: 'smtp' },
  ],
  credentialTypes: ['dingtalk'],
  errors: new Map([['url', { message: 'Required' }]]),
};

function renderForm(value: JsonObject, errors = context.errors) {
  const onChange = vi.fn<(value: JsonObject, key: string) => void>();
  render(
    <FormContext.Provider value={{ ...context, errors }}>
      <SchemaForm schema={schema} value={value} onChange={onChange} />
    </FormContext.Provider>,
  );
  return onChange;
}

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

describe('SchemaForm', () => {
  it('renders one widget per param with a stable test id', () => {
    renderForm({ url: '' });
    for (const key of ['url', 'method', 'limit', 'keepOthers', 'fields', 'tags', 'credentialId']) {
      expect(screen.getByTestId(`field-${key}`)).toBeTruthy();
    }
    expect((screen.getByTestId('field-input-method') as HTMLSelectElement).tagName).toBe('SELECT');
    expect((screen.getByTestId('field-input-keepOthers') as HTMLInputElement).type).toBe('checkbox');
  });

  it('shows the schema default of a param the workflow leaves out', () => {
    render(
      <FormContext.Provider value={context}>
        <SchemaForm
          schema={{ type: 'object', properties: { keepOthers: { type: 'boolean', default: true } } }}
          value={{}}
          onChange={vi.fn()}
        />
      </FormContext.Provider>,
    );
    expect((screen.getByTestId('field-input-keepOthers') as HTMLInputElement).checked).toBe(true);
  });

  it('reports edits with the edited field’s key', () => {
    const onChange = renderForm({ url: '' });
    fireEvent.change(screen.getByTestId('field-input-url'), { target: { value: 'https://example.org' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://example.org' }, 'url');
    fireEvent.change(screen.getByTestId('field-input-limit'), { target: { value: '5' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: '', limit: 5 }, 'limit');
    fireEvent.click(screen.getByTestId('field-input-keepOthers'));
    expect(onChange).toHaveBeenLastCalledWith({ url: '', keepOthers: true }, 'keepOthers');
  });

  it('adds entries to records and arrays', () => {
    const onChange = renderForm({ url: 'x' });
    fireEvent.click(screen.getByTestId('field-add-fields'));
    expect(onChange).toHaveBeenLastCalledWith({ url: 'x', fields: { field1: '' } }, 'fields');
    fireEvent.click(screen.getByTestId('field-add-tags'));
    expect(onChange).toHaveBeenLastCalledWith({ url: 'x', tags: [''] }, 'tags');
  });

  it('offers only the credentials the node accepts', () => {
    renderForm({ url: 'x' });
    const options = [...(screen.getByTestId('field-input-credentialId') as HTMLSelectElement).options].map(
      (o) => o.value,
    );
    expect(options).toEqual(['', 'c1']);
  });

  it('shows field errors at the field', () => {
    renderForm({ url: '' });
    expect(screen.getByTestId('field-error-url').textContent).toBe('Required');
    expect(screen.queryByTestId('field-error-pointer-url')).toBeNull();
  });

  it("shows a check's pointer under the message, in monospace", () => {
    const pointer = 'a AND (b\n        ^';
    renderForm({ url: 'a AND (b' }, new Map([['url', { message: 'Missing ")"', pointer }]]));
    expect(screen.getByTestId('field-error-url').textContent).toBe(`Missing ")"${pointer}`);
    const shown = screen.getByTestId('field-error-pointer-url');
    expect(shown.tagName).toBe('PRE');
    expect(shown.textContent).toBe(pointer);
  });

  it('switches a field to an expression and previews it on the sample item', () => {
    const onChange = renderForm({ url: '', limit: 3 });
    fireEvent.click(screen.getByTestId('field-expr-toggle-limit'));
    expect(onChange).toHaveBeenLastCalledWith({ url: '', limit: '{{ 3 }}' }, 'limit');
    cleanup();
    renderForm({ url: '{{ $json.author.name }}' });
    expect(screen.getByTestId('field-expr-url-preview').textContent).toContain('Ann');
    expect(screen.queryByTestId('field-error-url')).toBeNull();
  });

  it('shows a warning apart from an error, without marking the input invalid', () => {
    const message = '"and" is searched as a word';
    renderForm({ url: 'a and b' }, new Map([['url', { message, warning: true }]]));
    const shown = screen.getByTestId('field-error-url');
    expect(shown.className).toContain('field-warning');
    expect(shown.getAttribute('role')).toBe('status');
    expect(screen.getByTestId('field-url').className).not.toContain('field-invalid');
  });

  it("shows an expression's own syntax error while the field is in expression mode", () => {
    const pointer = '{{ $json.a + }}\n            ^';
    const message = 'Expression "{{ $json.a + }}" has a syntax error';
    renderForm({ url: '{{ $json.a + }}' }, new Map([['url', { message, pointer, expression: true }]]));
    expect(screen.getByTestId('field-error-url').textContent).toBe(`${message}${pointer}`);
  });
});
