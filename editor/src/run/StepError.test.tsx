// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { StepError } from './StepError';

beforeAll(() => initI18n('en'));
afterEach(cleanup);

describe('StepError', () => {
  it('shows the pointer under the fault of a query error', () => {
    const pointer = '(发货 OR 物流\n \u3000\u3000    \u3000\u3000^';
    render(
      <StepError
        error={{
          code: 'QUERY_INVALID',
          message: 'Missing ")" (column 10)',
          details: { column: 10, pointer },
        }}
      />,
    );
    expect(screen.getByTestId('node-detail-error').textContent).toContain(
      'QUERY_INVALID Missing ")" (column 10)',
    );
    expect(screen.getByTestId('node-detail-error-pointer').textContent).toBe(pointer);
    expect(screen.queryByText('Error details')).toBeNull();
  });

  it('folds other details away under a summary', () => {
    render(
      <StepError error={{ code: 'HTTP_BLOCKED', message: 'blocked', details: { host: '127.0.0.1' } }} />,
    );
    expect(screen.queryByTestId('node-detail-error-pointer')).toBeNull();
    expect(screen.getByText('Error details').tagName).toBe('SUMMARY');
    expect(screen.getByText(/"host": "127.0.0.1"/).tagName).toBe('PRE');
  });

  it('shows a bare message when there are no details', () => {
    render(<StepError error={{ message: 'Node failed' }} />);
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Node failed');
  });
});
