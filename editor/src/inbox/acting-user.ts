import { useState } from 'react';

/**
 * Who is working the Inbox. The server has no user accounts yet, so the person says who they
 * are (usually their member id) and history records it as `user:<who>`; the browser remembers it.
 */
const storageKey = 'sbss.inbox.actor';

export function useActingUser(): [string, (who: string) => void] {
  const [who, setWho] = useState(() => globalThis.localStorage?.getItem(storageKey) ?? '');
  const save = (next: string) => {
    setWho(next);
    globalThis.localStorage?.setItem(storageKey, next.trim());
  };
  return [who, save];
}
