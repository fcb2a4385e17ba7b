/**
 * Source pasted into the plugin runtime's closure (`plugin-runtime-source.ts`). The lockdown
 * leaves `RegExp.prototype` unfrozen so V8 keeps its fast regex paths (`sandbox-globals-source.ts`);
 * in exchange the runtime records its shape once the bundle has loaded and, after every call,
 * reports whether the call changed it, so the host can drop the isolate before a later call runs
 * with a changed `RegExp.prototype`. It reads descriptors only (no getter, trap or plugin function
 * runs) with functions taken before the bundle loaded, and touches no array method the bundle
 * could have replaced.
 *
 * It also blanks RegExp's legacy statics (`RegExp.$1`, `RegExp.lastMatch`, `RegExp.input`) around
 * every call: they hold the last match in the whole isolate, so a call serving one workspace
 * could otherwise read text of the previous call, which may have served another.
 */
export const regexpGuardSource = String.raw`
  const ownKeys = Reflect.ownKeys;
  const describeOwn = Reflect.getOwnPropertyDescriptor;
  const prototypeOf = Reflect.getPrototypeOf;
  const isExtensible = Reflect.isExtensible;
  const same = Object.is;
  const regexpPrototype = RegExp.prototype;
  const regexpExec = RegExp.prototype.exec;
  const applyFunction = Reflect.apply;
  const blankPattern = /(?:)/;
  let regexpShape = null;

  function clearRegExpStatics() {
    applyFunction(regexpExec, blankPattern, ['']);
  }

  function shapeOfRegExpPrototype() {
    const shape = [prototypeOf(regexpPrototype), isExtensible(regexpPrototype)];
    const keys = ownKeys(regexpPrototype);
    for (let i = 0; i < keys.length; i++) {
      const d = describeOwn(regexpPrototype, keys[i]);
      const at = shape.length;
      shape[at] = keys[i];
      shape[at + 1] = d.value;
      shape[at + 2] = d.get;
      shape[at + 3] = d.set;
      shape[at + 4] = d.writable;
      shape[at + 5] = d.enumerable;
      shape[at + 6] = d.configurable;
    }
    return shape;
  }

  function recordRegExpPrototype() {
    regexpShape = shapeOfRegExpPrototype();
  }

  // Compared in place rather than by building a second shape: with Array.prototype frozen, V8
  // takes a slow path for every element an array grows by, which made this check cost more than
  // the rest of a no-op call.
  function regexpPrototypeChanged() {
    const shape = regexpShape;
    if (shape === null || !same(prototypeOf(regexpPrototype), shape[0]) || isExtensible(regexpPrototype) !== shape[1]) return true;
    const keys = ownKeys(regexpPrototype);
    if (shape.length !== 2 + keys.length * 7) return true;
    for (let i = 0, at = 2; i < keys.length; i++, at += 7) {
      const d = describeOwn(regexpPrototype, keys[i]);
      if (!same(keys[i], shape[at]) || !same(d.value, shape[at + 1]) || !same(d.get, shape[at + 2]) || !same(d.set, shape[at + 3])) return true;
      if (d.writable !== shape[at + 4] || d.enumerable !== shape[at + 5] || d.configurable !== shape[at + 6]) return true;
    }
    return false;
  }
`;
