import { describe, expect, it } from 'vitest';
import { previewRequest } from './server-preview';

describe('previewRequest', () => {
  const mentions = Array.from({ length: 1_500 }, (_, n) => ({ n }));
  const scope = {
    $json: { quote: 'broken again' },
    $node: {
      Mentions: { json: mentions[0], items: mentions, paired: mentions[2] },
      Quiet: { json: {}, items: [] },
    },
    $vars: { brand: 'Acme' },
    $now: '2024-03-10T15:45:30.000Z',
    $workflow: { id: 'w', name: 'Quotes', version: 3 },
  };

  it('sends the sample item, the upstream items up to the limit, the traced item by index and the clock', () => {
    const request = previewRequest('{{ $json.quote }}', scope);
    expect(request?.template).toBe('{{ $json.quote }}');
    expect(request?.scope.json).toEqual({ quote: 'broken again' });
    expect(request?.scope.nodes?.Mentions?.items).toHaveLength(1_000);
    expect(request?.scope.nodes?.Quiet?.items).toEqual([]);
    expect(request?.scope.paired).toEqual({ Mentions: 2 });
    expect(request?.scope).toMatchObject({
      vars: { brand: 'Acme' },
      now: '2024-03-10T15:45:30.000Z',
      workflow: { id: 'w', name: 'Quotes', version: 3 },
    });
  });

  it('sends nothing for a sample item the server cannot take', () => {
    expect(previewRequest('{{ 1 }}', { $json: ['not', 'an', 'item'] })).toBeUndefined();
    expect(previewRequest('{{ 1 }}', { $json: 'text' })).toBeUndefined();
  });
});
