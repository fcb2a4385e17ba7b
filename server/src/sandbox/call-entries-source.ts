/**
 * What a runtime answers, instead of running a call, when it finds its built-ins changed since
 * they were last checked: by code an earlier call left behind (a long chain of promise callbacks,
 * or a callback of a capability reply that came after its call ended). The host then replaces the
 * isolate and runs the call again in the new one.
 */
export const builtInsChangedAnswer = '{"builtInsChanged":true}';

/**
 * Source pasted into both runtimes' closures after `call-frame-source.ts`. It builds the entry
 * points the host applies, over the runtime's `run(callId, payload, moreTexts)` (a promise of the
 * answer):
 *
 * - `start(callId, notify, ...crossing)` begins a call, its texts in pieces (`crossingArgs` of
 *   `crossing-pieces.ts`), which it joins before `run` sees them. The host applies it
 *   synchronously when the isolate is idle and the node is known to be quick, and asynchronously
 *   otherwise;
 * - `take(callId)` returns the answer if the call has settled (the microtasks queued by `start`
 *   have run by then), or `''` when it awaits a capability: its answer then goes out through
 *   `done`, as it always does for a call started with `notify`;
 * - `deliver(id, reply)` wraps the runtime's own: the code awaiting the reply runs in it;
 * - `done(callId, answer, intact)` is the host's `ivm.Callback` (ignored mode), taken off the
 *   global object before untrusted code runs. `intact` is false when the runtime's `intact()`
 *   check failed, and the host then drops the isolate.
 *
 * `intact()` runs when a call's answer is handed over: in `take`, once the microtasks the call
 * left have run too, or in `done`. Code can still run after that (a callback of a capability
 * reply, or of a promise another call is still waiting on), so a call that starts after any code
 * ran since the last check checks again first, and answers `builtInsChangedAnswer` if it fails.
 */
export const callEntriesSource = String.raw`
  const done = globalThis.__sbssDone;
  delete globalThis.__sbssDone;
  const unwritable = '{"error":{"name":"Error","message":"the answer could not be written"},"logs":[],"dropped":0}';
  const changed = 'the call changed a built-in prototype, which every call of this plugin shares';
  const builtInsChanged = ${JSON.stringify(builtInsChangedAnswer)};

  function callEntries(run, intact, deliverReply) {
    const answers = new Map();
    const waiting = new Set();
    let running = 0;
    // No code has run since intact() last held.
    let verified = true;
    function settle(callId, answer) {
      running -= 1;
      if (waiting.has(callId)) {
        waiting.delete(callId);
        // Checked before cutting: the cut stores into an array, which a setter the call put on
        // Array.prototype could catch and then remove itself.
        const whole = intact();
        done(callId, crossingPieces(answer), whole);
      } else {
        answers.set(callId, answer);
      }
    }
    function start(callId, notify, ...crossing) {
      if (!verified && !intact()) {
        if (notify) done(callId, builtInsChanged, true);
        else answers.set(callId, builtInsChanged);
        return;
      }
      verified = false;
      running += 1;
      if (notify) waiting.add(callId);
      const texts = joinedTexts(crossing);
      run(callId, texts.first, texts.more).then(
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
      if (answer === builtInsChanged) return answer;
      if (!intact()) throw new TypeError(changed);
      if (running === 0) verified = true;
      return crossingPieces(answer);
    }
    function deliver(id, ...reply) {
      verified = false;
      deliverReply(id, joinPieces(reply, 0, reply.length));
    }
    return { start, take, deliver };
  }
`;
