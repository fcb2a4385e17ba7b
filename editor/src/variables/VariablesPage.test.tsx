// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { JsonValue, Variable } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { VariablesPage } from './VariablesPage';

const stored = new Map<string, JsonValue>();

vi.mock('../api/client', () => ({
  api: {
    listVariables: vi.fn(async () => ({
      items: [...stored].map(
        ([key, value]): Variable => ({ key, value, updatedAt: '2026-12-07T08:00:00.000Z' }),
      ),
    })),
    setVariable: vi.fn(async (key: string, value: JsonValue) => {
      stored.set(key, value);
      return { key, value, updatedAt: '2026-12-07T09:00:00.000Z' };
    }),
    deleteVariable: vi.fn(async (key: string) => {
      stored.delete(key);
    }),
  },
}));

beforeAll(() => {
  initI18n('en');
});
beforeEach(() => {
  stored.clear();
  stored.set('brand', 'Acme');
});
afterEach(cleanup);

describe('VariablesPage', () => {
  it('lists variables as $vars names with their values', async () => {
    render(<VariablesPage />);
    const row = await screen.findByTestId('variable-row-brand');
    expect(row.textContent).toContain('$vars.brand');
    expect(row.textContent).toContain('Acme');
  });

  it('saves a typed value as JSON when it reads as JSON, and lists it', async () => {
    render(<VariablesPage />);
    await screen.findByTestId('variable-row-brand');
    fireEvent.change(screen.getByTestId('variable-key'), { target: { value: 'regions' } });
    fireEvent.change(screen.getByTestId('variable-value'), { target: { value: '["cn","tw"]' } });
    fireEvent.click(screen.getByTestId('variable-save'));
    await screen.findByTestId('variable-row-regions');
    expect(api.setVariable).toHaveBeenCalledWith('regions', ['cn', 'tw']);
    expect(screen.getByTestId('variable-row-regions').textContent).toContain('["cn","tw"]');
  });

  it('refuses a name that is not a JavaScript identifier before asking the server', async () => {
    render(<VariablesPage />);
    fireEvent.change(screen.getByTestId('variable-key'), { target: { value: 'brand-name' } });
    expect(screen.getByTestId('variable-key-error').textContent).toContain('starts with a letter');
    expect((screen.getByTestId('variable-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('edits through the form and deletes from the list', async () => {
    render(<VariablesPage />);
    fireEvent.click(await screen.findByTestId('variable-edit-brand'));
    expect((screen.getByTestId('variable-value') as HTMLInputElement).value).toBe('Acme');
    fireEvent.click(screen.getByTestId('variable-delete-brand'));
    await waitFor(() => expect(screen.queryByTestId('variable-row-brand')).toBeNull());
    expect(await screen.findByTestId('variables-empty')).toBeTruthy();
  });
});
