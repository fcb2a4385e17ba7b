import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ReportSummary } from '../api/contract';
import { notifyError } from '../app/notices';

/** The stored reports, newest first, as `/reports` lists them. */
export function useReports() {
  const [items, setItems] = useState<ReportSummary[] | undefined>();
  const reload = useCallback(async () => {
    try {
      setItems((await api.listReports()).items);
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
