import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../language/detect.js';
import { labelledSample } from '../language/labelled-sample.js';
import { languageNode } from './language.js';

describe('listening/language', () => {
  it('sets lang and its confidence from the text', async () => {
    const result = await runNode(languageNode, {
      input: [
        { text: '这个手机的电池续航太差了' },
        { text: '這個手機的電池續航太差了' },
        { text: 'The battery dies by noon' },
      ],
    });
    expect(result.output.main?.map((item) => item.lang)).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    expect(result.output.main?.[0]?.langConfidence).toBeGreaterThan(0.5);
  });

  it('keeps a language the source reported when asked not to overwrite', async () => {
    const result = await runNode(languageNode, {
      params: { overwrite: false },
      input: [{ text: 'hola', lang: 'es' }],
    });
    expect(result.output.main?.[0]?.lang).toBe('es');
  });

  it('labels at least 95% of the hand-labelled sample correctly', () => {
    const wrong = labelledSample.filter(([lang, text]) => detectLanguage(text).lang !== lang);
    const accuracy = 1 - wrong.length / labelledSample.length;
    expect(wrong).toEqual(wrong.length <= labelledSample.length * 0.05 ? wrong : []);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
