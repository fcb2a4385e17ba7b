// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Execution, Item } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { RunPanel } from './RunPanel';

beforeAll(() => initI18n('en'));
afterEach(cleanup);

const mention = { id: 'm1', source: 'weibo', text: '客服太差了', lang: 'zh-Hans' };

function renderPanel(execution: Partial<Execution>, output?: Record<string, Item[]>, startItems?: Item[]) {
  render(
    <RunPanel
      sample="[]"
      onSample={() => undefined}
      onRun={() => undefined}
      running={false}
      selected={undefined}
      execution={{ id: 'e1', status: 'succeeded', steps: [], ...execution } as Execution}
      startItems={startItems}
      output={output}
    />,
  );
}

const headers = (testId: string) =>
  [...screen.getByTestId(testId).querySelectorAll('th')].map((cell) => [cell.textContent, cell.className]);

describe('RunPanel', () => {
  it("puts what the workflow added to the items that started it first in the run's output, marked", () => {
    const scored = { ...mention, sentiment: { label: 'negative' }, urgency: 40 };
    renderPanel({}, { main: [scored] }, [mention]);
    expect(headers('run-output-main-table')).toEqual([
      ['#', ''],
      ['sentiment', 'added'],
      ['urgency', 'added'],
      ['id', ''],
      ['source', ''],
      ['text', ''],
      ['lang', ''],
    ]);
  });

  it('marks nothing when it does not know the items that started the run', () => {
    renderPanel({}, { main: [{ ...mention, urgency: 40 }] });
    expect(headers('run-output-main-table').map(([, marked]) => marked)).toEqual(['', '', '', '', '', '']);
  });

  it("shows a failed run's error with its code and the pointer under the fault", () => {
    const pointer = '(退款 OR\n \u3000\u3000    ^';
    renderPanel({
      status: 'failed',
      error: { code: 'QUERY_INVALID', message: 'Missing ")" (column 8)', details: { column: 8, pointer } },
    });
    expect(screen.getByTestId('run-error').textContent).toContain('QUERY_INVALID');
    expect(screen.getByTestId('run-error-pointer').textContent).toBe(pointer);
  });
});
