import type { Item } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { noteDerivation } from './item-derivation.js';
import { ItemLineage, notePairing } from './item-lineage.js';

const mentions: Item[] = [
  { id: 'a', text: 'great' },
  { id: 'b', text: 'awful' },
  { id: 'c', text: 'fine' },
];

describe('tracing items back to the step that emitted them', () => {
  it('follows items passed on, extended, rebuilt by a plugin and reshaped one for one', () => {
    const lineage = new ItemLineage();
    lineage.add({ input: {}, output: { main: mentions } });
    // A filter hands the very objects on.
    const kept = [mentions[0], mentions[2]] as Item[];
    lineage.add({ input: { main: mentions }, output: { main: kept } });
    // A host node adds a field to each.
    const scored = kept.map((item) => ({ ...item, score: 1 }));
    lineage.add({ input: { main: kept }, output: { main: scored } });
    // A plugin answers new objects, noting which input item each came from, in another order.
    const swapped = [
      { ...scored[1], rank: 1 },
      { ...scored[0], rank: 2 },
    ] as Item[];
    const scoredInput = { main: scored };
    noteDerivation(swapped, { input: scoredInput, from: [1, 0], changes: [{ rank: 1 }, { rank: 2 }] });
    lineage.add({ input: scoredInput, output: { main: swapped } });
    // A node builds new items of another shape, as many as it was given.
    const labels = swapped.map((item) => ({ label: `#${item.rank}` }));
    lineage.add({ input: { main: swapped }, output: { main: labels } });

    expect(lineage.trace(labels, 0, 'main')).toEqual([mentions[2], mentions[0]]);
    expect(lineage.trace(labels, 2, 'main')).toEqual([scored[1], scored[0]]);
    expect(lineage.trace(labels, 0, 'other')).toEqual([undefined, undefined]);
  });

  it('stops where a step built items anew in another number', () => {
    const lineage = new ItemLineage();
    lineage.add({ input: {}, output: { main: mentions } });
    const summary = [{ count: 3 }];
    lineage.add({ input: { main: mentions }, output: { main: summary } });
    expect(lineage.trace(summary, 0, 'main')).toEqual([undefined]);
  });

  it('finds items on the port of a branching step and steps added after a first trace', () => {
    const lineage = new ItemLineage();
    lineage.add({ input: {}, output: { main: mentions } });
    const positive = [mentions[0]] as Item[];
    lineage.add({ input: { main: mentions }, output: { true: positive, false: mentions.slice(1) } });
    expect(lineage.trace(positive, 0, 'main')).toEqual([mentions[0]]);
    const replies = positive.map((item) => ({ ...item, reply: 'thanks' }));
    lineage.add({ input: { main: positive }, output: { main: replies } });
    expect(lineage.trace(replies, 1, 'true')).toEqual([mentions[0]]);
    expect(lineage.trace(replies, 0, 'main')).toEqual([mentions[0]]);
  });

  it("takes the input item a node said each item came from, as n8n's pairedItem", () => {
    const lineage = new ItemLineage();
    lineage.add({ input: {}, output: { main: mentions } });
    // Code that keeps the second and third mentions, reshaped, and says where each came from.
    const kept = [{ who: 'b' }, { who: 'c' }];
    notePairing(kept, [1, 2]);
    lineage.add({ input: { main: mentions }, output: { main: kept } });
    expect(lineage.trace(kept, 0, 'main')).toEqual([mentions[1], mentions[2]]);
  });
});
