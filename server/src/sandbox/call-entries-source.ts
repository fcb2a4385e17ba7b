/**
 * Source pasted into both runtimes' closures after `call-frame-source.ts`. It builds the entry
 * points the host applies, over the runtime's `run(callId, payload)` (a promise of the answer):
 *
 * - `start(callId, payload, notify)` begins a call. The host applies it synchronously when the
 *   isolate is idle and the node is known to be quick, and asynchronously otherwise;
 * - `take(callId)` returns the answer if the call has settled (the microtasks queued by `start`
 *   have run by then), or `''` when it awaits a capability: its answer then goes out through
 *   `done`, as it always does for a call started with `notify`;
 * - `done(callId, answer, intact)` is the host's `ivm.Callback` (ignored mode), taken off the
 *   global object before untrusted code runs. `intact` is false when the runtime's `intact()`
 *   check failed, and the host then drops the isolate.
 */
export const callEntriesSource = String.raw`
  const done = globalThis.__sbssDone;
  delete globalThis.__sbssDone;
  const unwritable = '{"error":{"name":"Error","message":"the answer could not be written"},"logs":[],"dropped":0}';
  const changed = 'the call changed a built-in prototype, which every call of this plugin shares';

  function callEntries(run, intact) {
    const answers = new Map();
    const waiting = new Set();
    function settle(callId, answer) {
      const ok = intact();
      if (waiting.has(callId)) {
        waiting.delete(callId);
        done(callId, answer, ok);
      } else {
        answers.set(callId, ok ? answer : null);
      }
    }
    function start(callId, payloadJson, notify) {
      if (notify) waiting.add(callId);
      run(callId, payloadJson).then(
        (answer) => settle(callId, answer),
        () => settle(callId, unwritable),
      );
    }
    function take(callId) {
      if (!answers.has(callId)) {
        waiting.add(callId);
        return '';
      }
      const answer = answers.get(callId);
      answers.delete(callId);
      if (answer === null) throw new TypeError(changed);
      return answer;
    }
    return { start, take };
  }
`;
