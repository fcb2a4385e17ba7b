import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { WidgetProps } from './widget-props';

/** How many keys are offered; a longer list is typed into. */
const offered = 200;

/**
 * The key of a record in a workspace collection, such as a model `scoring/train-sentiment`
 * stored: the keys there now are offered, and any other can be typed, for a record an earlier
 * node of the same run will write.
 */
export function CollectionKeyWidget({ field, label, value, onChange, testId }: WidgetProps) {
  const [keys, setKeys] = useState<string[]>([]);
  const collection = field.collection ?? '';
  useEffect(() => {
    let stale = false;
    api
      .listRecords(collection, { limit: offered })
      .then(({ items }) => !stale && setKeys(items.map((record) => record.key)))
      .catch(() => !stale && setKeys([]));
    return () => {
      stale = true;
    };
  }, [collection]);
  const listId = `${testId}-keys`;
  return (
    <>
      <input
        type="text"
        data-testid={testId}
        aria-label={label}
        list={listId}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      />
      <datalist id={listId} data-testid={listId}>
        {keys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
    </>
  );
}
