import { useCallback, useEffect, useState } from 'react';
import { notifyError } from './notices';

/**
 * The items an API call lists, loaded when the page opens and again on `reload`; undefined
 * while the first load is on its way. A failed load shows its error and lists nothing.
 */
export function useListed<T>(list: () => Promise<{ items: T[] }>) {
  const [items, setItems] = useState<T[] | undefined>();
  const reload = useCallback(async () => {
    try {
      setItems((await list()).items);
    } catch (error) {
      notifyError(error);
      setItems([]);
    }
  }, [list]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, reload };
}
