import { defineNode, withFields, z } from '@sbss/sdk';
import { defaultLatinLanguages, detectLanguage } from '../language/detect.js';
import { isObject } from '../records/field-path.js';

const params = z.object({
  field: z.string().min(1).default('text').describe('Field holding the text to look at'),
  overwrite: z
    .boolean()
    .default(true)
    .describe('Replace a `lang` the item already has; off keeps a language the source reported'),
  latinLanguages: z
    .array(z.string().min(2))
    .default(defaultLatinLanguages)
    .describe(
      'Languages written in Latin script to choose among; fewer choices make short posts more reliable',
    ),
});

export const languageNode = defineNode({
  id: 'language',
  title: { en: 'Detect language', 'zh-Hans': '语言识别', 'zh-Hant': '語言識別' },
  description: {
    en: 'Sets `lang` (zh-Hans, zh-Hant, en, ja, ko, ...) and `langConfidence` from the text.',
    'zh-Hans': '根据正文设置 `lang`（zh-Hans、zh-Hant、en 等）与置信度。',
    'zh-Hant': '根據正文設定 `lang`（zh-Hans、zh-Hant、en 等）與置信度。',
  },
  category: 'listening',
  params,
  run(ctx) {
    return (ctx.input.main ?? []).map((item, index) => {
      const { field, overwrite, latinLanguages } = ctx.paramsFor(index);
      const known = typeof item.lang === 'string' && item.lang !== '' && item.lang !== 'und';
      if (known && !overwrite) return item;
      const value = field.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), item);
      const title = typeof item.title === 'string' && field === 'text' ? `${item.title} ` : '';
      const guess = detectLanguage(`${title}${typeof value === 'string' ? value : ''}`, latinLanguages);
      return withFields(item, { lang: guess.lang, langConfidence: guess.confidence });
    });
  },
});
