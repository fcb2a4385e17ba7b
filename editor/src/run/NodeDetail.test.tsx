// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionStep } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { NodeDetail } from './NodeDetail';

beforeAll(() => initI18n('en'));
afterEach(cleanup);

const mention = {
  id: 'm1',
  source: 'weibo',
  url: 'https://weibo.example/1',
  text: '客服太差了',
  lang: 'zh-Hans',
};

function step(output: ExecutionStep['output']): ExecutionStep {
  return {
    nodeId: 'feel',
    status: 'succeeded',
    attempts: 1,
    startedAt: '2026-12-07T10:00:00.000Z',
    finishedAt: '2026-12-07T10:00:00.012Z',
    input: { main: [mention] },
    output,
  } as ExecutionStep;
}

const headers = (testId: string) =>
  [...screen.getByTestId(testId).querySelectorAll('th')].map((cell) => [cell.textContent, cell.className]);

describe('NodeDetail', () => {
  it('puts the fields a node added first in its output table, marked', () => {
    render(
      <NodeDetail
        step={step({ main: [{ ...mention, sentiment: { label: 'negative' }, influence: 56.9 }] })}
      />,
    );
    expect(headers('node-output-main-table')).toEqual([
      ['#', ''],
      ['sentiment', 'added'],
      ['influence', 'added'],
      ['id', ''],
      ['source', ''],
      ['url', ''],
      ['text', ''],
      ['lang', ''],
    ]);
    expect(headers('node-input-main-table').map(([name]) => name)).toEqual([
      '#',
      'id',
      'source',
      'url',
      'text',
      'lang',
    ]);
  });

  it('marks nothing when a node only passes items on', () => {
    render(<NodeDetail step={step({ matched: [mention], unmatched: [] })} />);
    expect(headers('node-output-matched-table').every(([, className]) => className === '')).toBe(true);
  });
});
