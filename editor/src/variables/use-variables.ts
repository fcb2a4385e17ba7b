import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Variable } from '../api/contract';
import { notifyError } from '../app/notices';

/** The workspace's variables, by name, as `/variables` lists them. */
export function useVariables() {
  const [items, setItems] = useState<Variable[] | undefined>();
  const reload = useCallback(async () => {
    try {
      setItems((await api.listVariables()).items);
    } catch (error) {
      notifyError(error);
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, reload };
}
