import type { Item } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from './model.js';
import { RanNodes } from './ran-nodes.js';

const node = (id: string, name: string) => ({ id, name, type: 'core/set@1', params: {} }) as WorkflowNode;

describe('the nodes that ran', () => {
  it('traces $("Name").item into the very output $node["Name"] reads, when two nodes share a name', () => {
    const ran = new RanNodes((key) => ['a', 'b'].includes(key));
    const first: Item[] = [{ n: 1 }, { n: 2 }];
    const kept = [first[1] as Item];
    ran.add(node('a', 'Mentions'), {}, { main: first });
    ran.add(node('b', 'Mentions'), { main: first }, { main: kept });
    expect(ran.byKey().Mentions?.items).toBe(kept);
    expect(ran.pairedIndexes('Mentions', kept)).toEqual([0]);
    expect(ran.pairedIndexes('a', kept)).toEqual([1]);
    expect(ran.pairedIndexes('missing', kept)).toEqual([-1]);
  });
});
