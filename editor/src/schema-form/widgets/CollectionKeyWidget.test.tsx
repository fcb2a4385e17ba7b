// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { describeField } from '../field-model';
import { CollectionKeyWidget } from './CollectionKeyWidget';

vi.mock('../../api/client', () => ({ api: { listRecords: vi.fn() } }));

const record = (key: string) => ({ key, data: {}, createdAt: '', updatedAt: '' });

beforeEach(() => {
  vi.mocked(api.listRecords).mockReset();
});
afterEach(cleanup);

const schema = { type: 'string', widget: 'collection-key', collection: 'sentiment-models' };
const field = describeField(schema, 'model', ['model'], false, schema);

describe('CollectionKeyWidget', () => {
  it('is what a string marked collection-key gets', () => {
    expect(field).toMatchObject({ kind: 'collectionKey', collection: 'sentiment-models' });
  });

  it("offers the collection's keys and takes any other typed", async () => {
    vi.mocked(api.listRecords).mockResolvedValue({ items: [record('care-team'), record('2024-q3')] });
    const onChange = vi.fn();
    render(<CollectionKeyWidget field={field} label="Model" value="" onChange={onChange} testId="model" />);
    await waitFor(() =>
      expect([...screen.getByTestId('model-keys').querySelectorAll('option')].map((o) => o.value)).toEqual([
        'care-team',
        '2024-q3',
      ]),
    );
    expect(api.listRecords).toHaveBeenCalledWith('sentiment-models', { limit: 200 });
    fireEvent.change(screen.getByTestId('model'), { target: { value: 'not-trained-yet' } });
    expect(onChange).toHaveBeenCalledWith('not-trained-yet');
  });

  it('still takes a typed key when the collection cannot be read', async () => {
    vi.mocked(api.listRecords).mockRejectedValue(new Error('offline'));
    render(
      <CollectionKeyWidget
        field={field}
        label="Model"
        value="care-team"
        onChange={() => undefined}
        testId="model"
      />,
    );
    await waitFor(() => expect(api.listRecords).toHaveBeenCalled());
    expect((screen.getByTestId('model') as HTMLInputElement).value).toBe('care-team');
    expect(screen.getByTestId('model-keys').querySelectorAll('option')).toHaveLength(0);
  });
});
