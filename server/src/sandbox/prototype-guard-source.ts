import { openPrototypesSource, sealedPrototypesSource } from './sandbox-globals-source.js';

/**
 * Source pasted into the plugin runtime's closure (`plugin-runtime-source.ts`). The lockdown
 * leaves the prototypes V8's fast paths watch open (`sandbox-globals-source.ts`): `RegExp`,
 * `Object` and `Array` prototypes untouched, the typed arrays' prototypes sealed. In exchange the
 * runtime records them once the bundle has loaded and, after every call, reports whether the call
 * changed them, so the host can drop the isolate before a later call runs with changed built-ins.
 * It reads descriptors of the open prototypes and values of the sealed ones' writable data
 * properties, which cannot become accessors, so no getter, trap or plugin function runs; it uses
 * functions taken before the bundle loaded and touches no array method the bundle could replace.
 *
 * It also blanks RegExp's legacy statics (`RegExp.$1`, `RegExp.lastMatch`, `RegExp.input`) around
 * every call: they hold the last match in the whole isolate, so a call serving one workspace
 * could otherwise read text of the previous call, which may have served another.
 */
export const prototypeGuardSource = String.raw`
  const ownKeys = Reflect.ownKeys;
  const describeOwn = Reflect.getOwnPropertyDescriptor;
  const prototypeOf = Reflect.getPrototypeOf;
  const isExtensible = Reflect.isExtensible;
  const same = Object.is;
  const regexpExec = RegExp.prototype.exec;
  const applyFunction = Reflect.apply;
  const blankPattern = /(?:)/;
  const openPrototypes = ${openPrototypesSource};
  const sealedPrototypes = ${sealedPrototypesSource};
  // Per open prototype: its prototype, whether it is extensible, then 7 entries per own property.
  let openShapes = null;
  // Triples of sealed prototype, key, value for every writable data property.
  let sealedValues = null;

  function clearRegExpStatics() {
    applyFunction(regexpExec, blankPattern, ['']);
  }

  function shapeOf(target) {
    const shape = [prototypeOf(target), isExtensible(target)];
    const keys = ownKeys(target);
    for (let i = 0; i < keys.length; i++) {
      const d = describeOwn(target, keys[i]);
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

  function recordPrototypes() {
    openShapes = [];
    for (let i = 0; i < openPrototypes.length; i++) openShapes[i] = shapeOf(openPrototypes[i]);
    sealedValues = [];
    for (let i = 0; i < sealedPrototypes.length; i++) {
      const target = sealedPrototypes[i];
      const keys = ownKeys(target);
      for (let k = 0; k < keys.length; k++) {
        const d = describeOwn(target, keys[k]);
        if (d.writable !== true) continue;
        const at = sealedValues.length;
        sealedValues[at] = target;
        sealedValues[at + 1] = keys[k];
        sealedValues[at + 2] = d.value;
      }
    }
  }

  // Compared in place rather than by building a second shape: allocating one costs more than the
  // rest of a no-op call.
  function shapeChanged(target, shape) {
    if (!same(prototypeOf(target), shape[0]) || isExtensible(target) !== shape[1]) return true;
    const keys = ownKeys(target);
    if (shape.length !== 2 + keys.length * 7) return true;
    for (let i = 0, at = 2; i < keys.length; i++, at += 7) {
      const d = describeOwn(target, keys[i]);
      if (!same(keys[i], shape[at]) || !same(d.value, shape[at + 1]) || !same(d.get, shape[at + 2]) || !same(d.set, shape[at + 3])) return true;
      if (d.writable !== shape[at + 4] || d.enumerable !== shape[at + 5] || d.configurable !== shape[at + 6]) return true;
    }
    return false;
  }

  function prototypesChanged() {
    if (openShapes === null) return true;
    for (let i = 0; i < openPrototypes.length; i++) if (shapeChanged(openPrototypes[i], openShapes[i])) return true;
    const values = sealedValues;
    for (let i = 0; i < values.length; i += 3) if (!same(values[i][values[i + 1]], values[i + 2])) return true;
    return false;
  }
`;
