import { useCallback, useEffect, useState } from 'react';
import { notifyError } from '../app/notices';
import type { Actor, CaseChange } from './case-actions';
import { type CaseFilters, defaultFilters } from './case-filters';
import type { CaseStatus, CaseView, Contact } from './case-record';
import { changeCase, loadCase, loadCases, loadContact, loadStatusCounts, loadTeam } from './inbox-data';
import { emptyTeam, type Team } from './team';

/** The opened case; its contact is `undefined` while it loads and `null` when it is gone. */
export type OpenedCase =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'loaded'; item: CaseView; contact: Contact | null | undefined };

/** The Inbox's data: the filtered list, status counts, the team and the opened case. */
export function useInbox(caseId: string | undefined) {
  const [filters, setFilters] = useState<CaseFilters>(defaultFilters);
  const [cases, setCases] = useState<CaseView[] | undefined>();
  const [counts, setCounts] = useState<Record<CaseStatus, number> | undefined>();
  const [team, setTeam] = useState<Team>(emptyTeam);
  const [opened, setOpened] = useState<OpenedCase | undefined>();
  const [saving, setSaving] = useState(false);

  const reloadList = useCallback(async () => {
    try {
      const [items, byStatus] = await Promise.all([loadCases(filters), loadStatusCounts()]);
      setCases(items);
      setCounts(byStatus);
    } catch (error) {
      notifyError(error);
      setCases([]);
    }
  }, [filters]);

  const open = useCallback(async (id: string) => {
    try {
      const item = await loadCase(id);
      if (!item) return setOpened({ state: 'missing' });
      setOpened({ state: 'loaded', item, contact: undefined });
      if (item.contactId)
        setOpened({ state: 'loaded', item, contact: (await loadContact(item.contactId)) ?? null });
    } catch (error) {
      notifyError(error);
    }
  }, []);

  useEffect(() => {
    loadTeam().then(setTeam, notifyError);
  }, []);

  useEffect(() => {
    void reloadList();
  }, [reloadList]);

  useEffect(() => {
    if (!caseId) return setOpened(undefined);
    setOpened({ state: 'loading' });
    void open(caseId);
  }, [caseId, open]);

  const change = async (id: string, next: CaseChange, actor: Actor): Promise<boolean> => {
    setSaving(true);
    try {
      const item = await changeCase(id, next, actor);
      setOpened((current) => (current?.state === 'loaded' ? { ...current, item } : current));
      await reloadList();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const refresh = async () => {
    await reloadList();
    if (caseId) await open(caseId);
  };

  return { filters, setFilters, cases, counts, team, opened, saving, change, refresh };
}
