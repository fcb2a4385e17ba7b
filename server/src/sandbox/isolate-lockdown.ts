/**
 * Source run last when an expression context is set up: it removes what expressions must not
 * have and freezes everything reachable from the global object. The context is shared by every
 * workflow of every workspace, so one evaluation must not be able to change what a later one
 * sees (`Object.prototype.x = 1`, replacing `$str.lower`, a global variable) or read what an
 * earlier one left behind.
 */
export const lockdownSource = String.raw`
(function () {
  'use strict';
  // console: isolated-vm provides one, wired to nothing useful; expressions get no output channel.
  // FinalizationRegistry, WeakRef: their callbacks would run later, outside any evaluation's timeout.
  // SharedArrayBuffer, Atomics: Atomics.wait blocks the isolate's thread.
  // WebAssembly: compiles in the background and is not needed for expressions.
  for (const name of ['console', 'FinalizationRegistry', 'WeakRef', 'SharedArrayBuffer', 'Atomics', 'WebAssembly']) {
    delete globalThis[name];
  }
  // The legacy RegExp statics (RegExp.input, RegExp.$1, ...) hold the last string any regex
  // matched, which would hand one evaluation's data to the next.
  const legacy = ['input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$' + '\u0060', 'rightContext', "$'"];
  for (let n = 1; n <= 9; n++) legacy.push('$' + n);
  for (const name of legacy) delete RegExp[name];

  // Intrinsics that no global names but expressions can reach through syntax.
  const hidden = [
    function* () {},
    async function () {},
    async function* () {},
    (function* () {})(),
    (async function* () {})(),
    [][Symbol.iterator](),
    ''[Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    /a/[Symbol.matchAll]('a'),
  ];
  const seen = new WeakSet();
  const pending = [globalThis, ...hidden];
  while (pending.length > 0) {
    const value = pending.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined) pending.push(descriptor.value, descriptor.get, descriptor.set);
    }
  }
})();
`;
