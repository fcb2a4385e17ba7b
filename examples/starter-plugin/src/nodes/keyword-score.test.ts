import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { countSeenNode } from './count-seen.js';
import { keywordScoreNode } from './keyword-score.js';

describe('keyword-score', () => {
  it('adds the weights of the lexicon words found in the text', async () => {
    const { output } = await runNode(keywordScoreNode, {
      params: { lexicon: { love: 2, broken: -2 } },
      input: [{ text: 'I LOVE it!' }, { text: 'Arrived broken, love the colour though' }, { text: 'ok' }],
    });
    expect(output.main).toEqual([
      { text: 'I LOVE it!', score: 2 },
      { text: 'Arrived broken, love the colour though', score: 0 },
      { text: 'ok', score: 0 },
    ]);
  });
});

describe('count-seen', () => {
  it('continues counting from the state of earlier runs', async () => {
    const { output, state } = await runNode(countSeenNode, { input: [{}, {}], state: { count: 3 } });
    expect(output.main).toEqual([{ seen: 4 }, { seen: 5 }]);
    expect(state.get('count')).toBe(5);
  });
});
