import type { Item } from '@sbss/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from './expression-evaluator.js';
import { parseTemplate } from './expression-parser.js';
import { testContext } from './expression-test-context.js';
import { itemsForExpressions } from './item-projection.js';

const items: Item[] = [
  { id: 'a', text: 'long text', sentiment: { label: 'negative' }, influence: 70 },
  { id: 'b', text: 'more text', influence: 10 },
];
const sent = (...sources: string[]) =>
  JSON.parse(
    itemsForExpressions(
      items,
      sources.map((source) => parseTemplate(source)),
    ),
  );

describe('items sent to expressions', () => {
  it('sends only the top-level fields read as $json.field or $json?.field', () => {
    expect(sent("{{ $json.sentiment.label === 'negative' }}", '{{ $json?.influence > 50 }}')).toEqual([
      { sentiment: { label: 'negative' }, influence: 70 },
      { influence: 10 },
    ]);
    expect(sent('no expression here')).toEqual([{}, {}]);
    expect(sent('{{ $input.item.json.influence > 50 }}')).toEqual([{ influence: 70 }, { influence: 10 }]);
  });

  it.each([
    '{{ $json[key] }}',
    '{{ Object.keys($json).length }}',
    '{{ $items.length }}',
    '{{ $input.all().length }}',
    '{{ $input.item.json[key] }}',
    '{{ arguments[0].text }}',
    '{{ eval("$js" + "on").text }}',
    '{{ \\u0024json.text }}',
  ])('sends whole items when an expression can reach the item otherwise: %s', (source) => {
    expect(sent('{{ $json.influence }}', source)).toEqual(items);
  });
});

describe('expressions over sent fields', () => {
  const evaluator = createExpressionEvaluator();
  afterAll(() => evaluator.dispose());

  it('give the results they give over whole items', async () => {
    const results = await evaluator.resolve(
      {
        urgent: "{{ $json.sentiment?.label === 'negative' && $json.influence > 50 }}",
        missing: '{{ $json.nothing === undefined }}',
        own: '{{ $json.toString === Object.prototype.toString }}',
      },
      testContext(),
      items,
    );
    expect(results).toEqual([
      { urgent: true, missing: true, own: true },
      { urgent: false, missing: true, own: true },
    ]);
  });

  it('still see the whole item through arguments', async () => {
    const [result] = await evaluator.resolve(
      { n: '{{ $json.influence }}', keys: '{{ Object.keys(arguments[0]).join() }}' },
      testContext(),
      [items[0] as Item],
    );
    expect(result).toEqual({ n: 70, keys: 'id,text,sentiment,influence' });
  });
});
