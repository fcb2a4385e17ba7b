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
 * The prototypes a plugin's lockdown leaves open, as source. V8 takes its fast paths only while
 * these look untouched: with `Object.prototype` or `Array.prototype` frozen, every element an
 * array grows by goes through the runtime (about 25× slower); with a typed array's prototype
 * frozen, every element stored into a typed array does (about 40×); with `RegExp.prototype`
 * changed at all, every `split`, `replace` or `match` with a regex takes the generic path (about
 * 20×). Together they made the scoring plugin's sentiment node about 1.25× slower in its isolate.
 */
export const openPrototypesSource = '[RegExp.prototype, Object.prototype, Array.prototype]';

/** Sealing keeps typed array stores fast (freezing does not), so these are sealed, not frozen. */
export const sealedPrototypesSource = `[Object.getPrototypeOf(Int8Array.prototype), ${[
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
]
  .map((name) => `${name}.prototype`)
  .join(', ')}]`;

/**
 * Run in a plugin's context after its bundle loaded: freezes the built-ins and the global
 * object, so one call cannot change what the next call sees (a replaced `Promise.prototype.then`
 * reading another call's data, a `JSON.stringify` rewriting every later output). The plugin's own
 * module state stays writable. Freezing a prototype makes plain assignments that shadow its
 * properties throw (`this.name = ...` in an Error subclass, the "override mistake"), so the
 * properties code commonly shadows become accessors that define an own property on the receiver
 * instead, as SES does (`enablePropertyOverrides`).
 *
 * The prototypes V8's fast paths watch are the exception (`openPrototypesSource`): they are left
 * open or only sealed, and the runtime checks after every call that they are as the bundle left
 * them (`prototype-guard-source.ts`); a call that changed one fails and takes the isolate with it.
 * `constructor` also stays a (frozen) data property on prototypes whose constructor has
 * `Symbol.species` (as an accessor it made `map`, `filter` and `slice` about 4× slower), and
 * `String.prototype` is frozen but its properties are not turned into accessors: that alone made
 * the sentiment node (character n-grams over every mention) about 1.8× slower, and only String
 * wrapper objects, which nobody assigns `toString` to, would need it.
 */
export const pluginLockdownSource = `
(function () {
  'use strict';
  const open = ${openPrototypesSource};
  const sealed = ${sealedPrototypesSource};
  const shadowed = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'name', 'message'];
  const defineProperty = Object.defineProperty;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const value = globalThis[name];
    const proto = typeof value === 'function' ? value.prototype : undefined;
    if (typeof proto !== 'object' || proto === null || open.includes(proto) || sealed.includes(proto) || proto === String.prototype) continue;
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
    if (sealed.includes(value)) Object.seal(value);
    else if (!open.includes(value)) Object.freeze(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined) pending.push(descriptor.value, descriptor.get, descriptor.set);
    }
  }
})();
`;
