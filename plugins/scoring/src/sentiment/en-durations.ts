/**
 * Lengths of time, which in a customer's mention carry the verdict without a polar word: "fixed
 * it in five minutes" praises, "sat on the tarmac for 40 minutes" complains, and "broke after
 * two months" names a fault.
 */
import type { Tokens } from './en-tokens.js';

/** How a length of time reads, by the word that opens it. */
export const QUICK = 1;
export const WAITED = 2;
export const WORE_OUT = 3;

/** Words that may stand between the opening word and the number: "in under an hour". */
const fillers = new Set('under|like|about|around|just|only|less|than|roughly|of'.split('|'));
const numberWords = new Set(
  (
    'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|' +
    'forty|fifty|sixty|ninety|few|couple|several'
  ).split('|'),
);
/** Service is quick or slow in minutes, hours and days; things wear out in weeks, months and years. */
const serviceUnits = new Set(
  'seconds|secs|sec|minutes|minute|mins|min|hours|hour|hrs|hr|days|day'.split('|'),
);
const lifeUnits = new Set('weeks|week|months|month|years|year'.split('|'));

const often = new Set(['once', 'twice', 'times']);
/**
 * Words that announce a schedule or a plan: "opens in 10 minutes", "will ship in 2 days", "renting a
 * car for three days".
 */
const scheduled = new Set(
  (
    'will|gonna|opens|open|starts|start|ends|end|begins|launches|launch|closes|expires|drops|boards|' +
    'leaves|departs|arrives|ships|lands|due|booked|booking|renting|staying|visiting'
  ).split('|'),
);

const isNumber = (word: string) => numberWords.has(word) || /^\d[\d.,]*$/.test(word);

export interface Duration {
  kind: number;
  /** The index of its unit ("days"), where the phrase ends. */
  end: number;
}

/**
 * The length of time opened at `i` ("in two days", "within the hour", "for 40 minutes", "after a
 * month"), if any. "In" and "within" say how long something took; "for" a while is a wait; "after"
 * weeks or more, closing a clause, is how long a thing lasted. A schedule or a plan is neither.
 */
export function durationAt(tokens: Tokens, i: number): Duration | undefined {
  const opener = tokens.words[i];
  const kind =
    opener === 'in' || opener === 'within'
      ? QUICK
      : opener === 'for'
        ? WAITED
        : opener === 'after'
          ? WORE_OUT
          : 0;
  // "Twice in a minute", "three times in an hour" count how often, not how long.
  if (kind === 0 || often.has(tokens.words[i - 1] ?? '')) return undefined;
  if (kind !== WORE_OUT && announced(tokens, i)) return undefined;
  let j = i + 1;
  let counted = false;
  for (; j < tokens.length && j < i + 5; j++) {
    const word = tokens.words[j] ?? '';
    if (isNumber(word) || (word === 'the' && opener === 'within')) counted = true;
    else if (!fillers.has(word)) break;
  }
  const unit = j < tokens.length ? (tokens.words[j] ?? '') : '';
  if (!counted || !(kind === WORE_OUT ? lifeUnits : serviceUnits).has(unit)) return undefined;
  // A fault ends its clause ("fell apart after two months, ..."); "after two weeks off" does not.
  const next = j + 1 < tokens.length ? (tokens.words[j + 1] ?? '') : '';
  if (kind === WORE_OUT && !(next === '' || next === 'and' || isClauseEnd(next))) return undefined;
  return { kind, end: j };
}

const isClauseEnd = (word: string) => word === ',' || word === '.' || word === '!' || word === '?';

/** A schedule or plan word, or a future ("it'll"), among the few words before `i` in its clause. */
function announced(tokens: Tokens, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const word = tokens.words[j] ?? '';
    if (isClauseEnd(word)) return false;
    if (scheduled.has(word) || word.endsWith("'ll")) return true;
  }
  return false;
}
