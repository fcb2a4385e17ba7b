import { type RunNodeOptions, runNode } from '@sbss/sdk/testing';
import { runNodeInSandbox } from '@sbss/server/testing';
import { describe, expect, it } from 'vitest';
import { countSeenNode } from './count-seen.js';
import { keywordScoreNode } from './keyword-score.js';

// `runNode` runs a node in-process: fast, for most tests. `runNodeInSandbox` bundles this folder
// as `sbss plugin build` does and runs the node in the server's sandbox with the same fakes, so a
// node that relies on something the sandbox lacks fails here rather than on the server.
// `sbss plugin test` runs the tests in the plugin's folder, hence '.'.
const pluginDir = '.';

describe('keyword-score', () => {
  const options: RunNodeOptions = {
    params: { lexicon: { love: 2, broken: -2 } },
    input: [{ text: 'I LOVE it!' }, { text: 'Arrived broken, love the colour though' }, { text: 'ok' }],
  };

  it('adds the weights of the lexicon words found in the text', async () => {
    const { output } = await runNode(keywordScoreNode, options);
    expect(output.main).toEqual([
      { text: 'I LOVE it!', score: 2 },
      { text: 'Arrived broken, love the colour though', score: 0 },
      { text: 'ok', score: 0 },
    ]);
  });

  it('scores the same in the sandbox', async () => {
    const sandboxed = await runNodeInSandbox(pluginDir, 'keyword-score@1', options);
    expect(sandboxed).toEqual(await runNode(keywordScoreNode, options));
  });
});

describe('count-seen', () => {
  const options: RunNodeOptions = { input: [{}, {}], state: { count: 3 } };

  it('continues counting from the state of earlier runs', async () => {
    const { output, state } = await runNode(countSeenNode, options);
    expect(output.main).toEqual([{ seen: 4 }, { seen: 5 }]);
    expect(state.get('count')).toBe(5);
  });

  it('counts the same in the sandbox, state and log included', async () => {
    const sandboxed = await runNodeInSandbox(pluginDir, 'count-seen@1', options);
    expect(sandboxed).toEqual(await runNode(countSeenNode, options));
  });
});
