import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Luxon's ES module build as the body of a function that returns its exports. Not the browser
 * build: Babel wrote its methods as assignments (`proto.toString = …`), which throw in strict
 * mode once `Object.prototype` is frozen, as in the expression isolate; classes define them.
 */
function luxonBody(): string {
  const module = readFileSync(
    join(dirname(createRequire(import.meta.url).resolve('luxon/package.json')), 'build/es6/luxon.mjs'),
    'utf8',
  );
  const exports = /^export \{([^}]*)\};$/m;
  if (/^import\b/m.test(module) || !exports.test(module)) {
    throw new Error("Luxon's ES module build no longer has the shape expected: no imports, one export list");
  }
  return module.replace(exports, 'return {$1};');
}

const luxonBuild = luxonBody();

/**
 * Source of an expression that gives the context it runs in Luxon's `DateTime`, `Duration` and
 * `Interval` as globals, as n8n's expressions and Code node have them: in UTC like the `$date`
 * helpers, with `DateTime.now()` the execution's clock (`$now`). Its value is `setClock(now)`,
 * which the runtime calls before each evaluation.
 *
 * Luxon keeps what it hands out in caches and singletons (locales, zones, Intl formatters) and its
 * classes are ordinary objects, so in a context shared by many workflows one evaluation could
 * change them for the next. So Luxon is built on the first use after `setClock` that follows any
 * use: every call that reaches it gets a copy no earlier call touched, and calls that do not
 * reach it cost nothing. `Settings` stays out of reach.
 */
export const luxonSetupSource = `(function () {
  'use strict';
  let clock;
  let current;
  let touched = false;
  function build() {
    const luxon = (function () {
      ${luxonBuild}
    })();
    luxon.Settings.defaultZone = 'utc';
    luxon.Settings.now = () => clock;
    return { DateTime: luxon.DateTime, Duration: luxon.Duration, Interval: luxon.Interval };
  }
  for (const name of ['DateTime', 'Duration', 'Interval']) {
    Object.defineProperty(globalThis, name, {
      get() {
        current ??= build();
        touched = true;
        return current[name];
      },
      enumerable: false,
      configurable: false,
    });
  }
  return function setClock(next) {
    clock = Date.parse(next);
    if (touched) {
      current = undefined;
      touched = false;
    }
  };
})()`;
