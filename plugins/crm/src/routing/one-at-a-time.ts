const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `task` once every earlier task queued under `key` has settled. Routing reads the owners'
 * loads, picks an owner and writes the case back; two executions doing that at once read the same
 * loads and pick the same owner. A plugin's calls share its isolate, and so this module, so
 * queuing them here makes routing in one workspace take turns across executions.
 */
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
