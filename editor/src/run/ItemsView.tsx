import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../api/contract';

function cell(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Items of one port, as a table (one column per top-level field) or as JSON. Fields named in
 * `added` (those a node added to its input items) come first and are marked, so a scoring
 * node's `sentiment` is in view without scrolling past the mention's own fields.
 */
export function ItemsView({
  items,
  testId,
  added = new Set(),
}: {
  items: Item[];
  testId: string;
  added?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'table' | 'json'>('table');
  const fields = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const columns = [
    ...fields.filter((field) => added.has(field)),
    ...fields.filter((field) => !added.has(field)),
  ].slice(0, 30);
  return (
    <div className="items" data-testid={testId}>
      <div className="tabs small">
        <button
          type="button"
          className={mode === 'table' ? 'on' : ''}
          data-testid={`${testId}-table-tab`}
          onClick={() => setMode('table')}
        >
          {t('detail.table')}
        </button>
        <button
          type="button"
          className={mode === 'json' ? 'on' : ''}
          data-testid={`${testId}-json-tab`}
          onClick={() => setMode('json')}
        >
          {t('detail.json')}
        </button>
        <span className="muted">{t('detail.itemCount', { count: items.length })}</span>
      </div>
      {mode === 'json' ? (
        <pre className="json" data-testid={`${testId}-json`}>
          {JSON.stringify(items, null, 2)}
        </pre>
      ) : items.length === 0 ? (
        <p className="muted">{t('detail.noItems')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact" data-testid={`${testId}-table`}>
            <thead>
              <tr>
                <th>#</th>
                {columns.map((column) => (
                  <th
                    key={column}
                    className={added.has(column) ? 'added' : undefined}
                    title={added.has(column) ? t('detail.addedField') : undefined}
                  >
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 200).map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are shown in run order and never reordered
                <tr key={index}>
                  <td className="muted">{index + 1}</td>
                  {columns.map((column) => (
                    <td key={column}>{cell(item[column])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
