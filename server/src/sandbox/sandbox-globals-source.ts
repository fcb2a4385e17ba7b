/**
 * Run in every plugin and Code node context before untrusted code: removes what such code must
 * not have. Unlike the expression isolate (`isolate-lockdown.ts`) nothing is frozen: a plugin
 * owns its isolate and bundles libraries that assign to their own objects, and a Code node gets
 * a fresh context per call, so there is no later evaluation to protect.
 */
export const trimGlobalsSource = `
(function () {
  // console: isolated-vm's is wired to nothing; logs go through ctx.log or the Code node's console.
  // FinalizationRegistry, WeakRef: their callbacks would run later, outside any call's limits.
  // SharedArrayBuffer, Atomics: Atomics.wait blocks the isolate's thread.
  // WebAssembly: compiles in the background, outside the CPU accounting of a call.
  for (const name of ['console', 'FinalizationRegistry', 'WeakRef', 'SharedArrayBuffer', 'Atomics', 'WebAssembly']) {
    delete globalThis[name];
  }
})();
`;

/**
 * Run in a plugin's context after its bundle loaded: freezes the built-ins and the global
 * object, so one call cannot change what the next call sees (an `Object.prototype.toJSON`
 * rewriting every later output, a replaced `Promise.prototype.then` reading another call's
 * data). The plugin's own module state stays writable. Freezing a prototype makes plain
 * assignments that shadow its properties throw (`this.name = ...` in an Error subclass, the
 * "override mistake"), so the properties code commonly shadows become accessors that define an
 * own property on the receiver instead, as SES does (`enablePropertyOverrides`).
 *
 * Two exceptions keep V8's fast paths, which hold only while these built-ins look untouched to
 * its "protector" checks: `constructor` stays a (frozen) data property on prototypes whose
 * constructor has `Symbol.species` (as an accessor it made `map`, `filter` and `slice` about 4×
 * slower), and `RegExp.prototype` is neither frozen nor changed (otherwise every `split`,
 * `replace` or `match` with a regex takes the generic path, about 20× slower). The runtime checks
 * after every call that `RegExp.prototype` is as the bundle left it (`regexp-guard-source.ts`).
 * `String.prototype` is frozen but its properties are not turned into accessors: that alone made
 * the scoring plugin's sentiment node (character n-grams over every mention) about 1.8× slower,
 * and only String wrapper objects, which nobody assigns `toString` to, would need it.
 */
export const pluginLockdownSource = `
(function () {
  'use strict';
  const shadowed = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'name', 'message'];
  const defineProperty = Object.defineProperty;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const value = globalThis[name];
    const proto = typeof value === 'function' ? value.prototype : undefined;
    if (typeof proto !== 'object' || proto === null || proto === RegExp.prototype || proto === String.prototype) continue;
    for (const key of shadowed) {
      if (key === 'constructor' && Symbol.species in value) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (!descriptor || !('value' in descriptor) || !descriptor.configurable) continue;
      const original = descriptor.value;
      defineProperty(proto, key, {
        get() { return original; },
        set(next) {
          if (this === proto) throw new TypeError('Cannot assign to read only property ' + key);
          defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable: descriptor.enumerable,
        configurable: false,
      });
    }
  }
  const hidden = [
    function* () {}, async function () {}, async function* () {},
    (function* () {})(), (async function* () {})(),
    [][Symbol.iterator](), ''[Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](),
  ];
  const seen = new WeakSet();
  const pending = [globalThis, ...hidden];
  while (pending.length > 0) {
    const value = pending.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value !== RegExp.prototype) Object.freeze(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined) pending.push(descriptor.value, descriptor.get, descriptor.set);
    }
  }
})();
`;
