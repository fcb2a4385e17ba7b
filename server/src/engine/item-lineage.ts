import type { Item, PortItems } from '@sbss/sdk';
import { type Derivation, derivationFrom, flatItems, identityDerivations } from './item-derivation.js';

/** A step that ran, in the order the execution settled them. */
export interface RanStep {
  input: PortItems;
  output: PortItems;
}

const pairings = new WeakMap<readonly Item[], readonly number[]>();

/**
 * Notes, for the items a node emitted, the index among its input items of the one each came
 * from, -1 where unknown: what n8n's `pairedItem` says, which the Code node passes on.
 */
export function notePairing(items: readonly Item[], from: readonly number[]): void {
  pairings.set(items, from);
}

/** What `notePairing` noted for `items`, if anything. */
export function pairingOf(items: readonly Item[]): readonly number[] | undefined {
  return pairings.get(items);
}

interface Place {
  step: number;
  port: string;
  index: number;
}

/**
 * Follows items back through the steps that made them, for `$("Name").item`: an item a step
 * emitted came from the input item its derivation names (`item-derivation.ts`: noted by the
 * sandbox for plugins' answers, found by comparing objects for host nodes) or, failing that, from
 * the input item at its position when the step emitted as many items as it was given; and that
 * input item is an item an earlier step emitted. Items are matched by identity, as the engine
 * hands arrays on without copying. The index of where each item was emitted is built on first use and extended
 * as steps are added.
 */
export class ItemLineage {
  readonly #steps: RanStep[] = [];
  readonly #places = new Map<Item, Place[]>();
  readonly #derivations = new Map<string, Derivation | undefined>();
  readonly #flatInputs = new Map<number, Item[]>();
  #indexed = 0;

  add(step: RanStep): void {
    this.#steps.push(step);
  }

  /**
   * For each of `items`, the item of step `target`'s `port` it was made from, or undefined where
   * the trail breaks (a step built an item anew) or leads elsewhere.
   */
  trace(items: readonly Item[], target: number, port: string): (Item | undefined)[] {
    this.#index();
    return items.map((item) => this.#traceOne(item, target, port));
  }

  #traceOne(item: Item, target: number, port: string): Item | undefined {
    let current = item;
    let before = this.#steps.length;
    while (before > target) {
      const place = this.#latestBefore(current, before);
      if (!place || place.step < target) return undefined;
      if (place.step === target) return place.port === port ? current : undefined;
      const from = this.#sourceIndex(place);
      const source = from < 0 ? undefined : this.#flatInput(place.step)[from];
      if (source === undefined) return undefined;
      current = source;
      before = place.step;
    }
    return undefined;
  }

  /** Where `item` was last emitted by a step before step `before`. */
  #latestBefore(item: Item, before: number): Place | undefined {
    const places = this.#places.get(item);
    if (!places) return undefined;
    for (let at = places.length - 1; at >= 0; at--) {
      const place = places[at] as Place;
      if (place.step < before) return place;
    }
    return undefined;
  }

  /**
   * The index among the step's input items of the one `place`'s item was made from: as the node
   * said (`notePairing`), as its derivation says, or, for an item built anew by a step that
   * emitted as many items as it was given, the item at the same position, as n8n pairs them too.
   */
  #sourceIndex(place: Place): number {
    const { output } = this.#steps[place.step] as RanStep;
    const said = pairings.get(output[place.port] ?? [])?.[place.index];
    if (said !== undefined && said >= 0) return said;
    const from = this.#derivation(place)?.from[place.index];
    if (from !== undefined && from >= 0) return from;
    return output[place.port]?.length === this.#flatInput(place.step).length ? place.index : -1;
  }

  #derivation(place: Place): Derivation | undefined {
    const key = `${place.step}\u0000${place.port}`;
    if (!this.#derivations.has(key)) {
      const { input, output } = this.#steps[place.step] as RanStep;
      const items = output[place.port] ?? [];
      this.#derivations.set(key, derivationFrom(items, input) ?? identityDerivations(input)(items));
    }
    return this.#derivations.get(key);
  }

  #flatInput(step: number): Item[] {
    let flat = this.#flatInputs.get(step);
    if (!flat) {
      flat = flatItems((this.#steps[step] as RanStep).input);
      this.#flatInputs.set(step, flat);
    }
    return flat;
  }

  #index(): void {
    for (; this.#indexed < this.#steps.length; this.#indexed++) {
      const { output } = this.#steps[this.#indexed] as RanStep;
      for (const port of Object.keys(output)) {
        (output[port] ?? []).forEach((item, index) => {
          const places = this.#places.get(item);
          const place = { step: this.#indexed, port, index };
          if (places) places.push(place);
          else this.#places.set(item, [place]);
        });
      }
    }
  }
}
