// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CollectionRecord, JsonValue, RecordQuery } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { caseRecord } from './case-fixture.test-support';
import { InboxPage } from './InboxPage';

const stored = new Map<string, CollectionRecord>();
const record = (key: string, data: Record<string, JsonValue>): CollectionRecord => ({
  key,
  data,
  createdAt: '2025-03-05T22:00:00.000Z',
  updatedAt: '2025-03-05T22:00:00.000Z',
});

vi.mock('../api/client', () => ({
  api: {
    listRecords: vi.fn(async (name: string, _query: RecordQuery) => ({
      items: [...stored.entries()].filter(([key]) => key.startsWith(`${name}/`)).map(([, value]) => value),
    })),
    getRecord: vi.fn(async (name: string, key: string) => stored.get(`${name}/${key}`)),
    putRecord: vi.fn(async (name: string, key: string, data: Record<string, JsonValue>) => {
      const saved = record(key, data);
      stored.set(`${name}/${key}`, saved);
      return saved;
    }),
    countRecords: vi.fn(async () => ({ rows: [{ group: 'open', count: 1 }] })),
  },
}));

beforeAll(() => {
  initI18n('en');
});

afterEach(() => {
  cleanup();
  stored.clear();
  localStorage.clear();
});

function seed() {
  stored.set('cases/cs_1', caseRecord());
  stored.set('contacts/ct_1', record('ct_1', { id: 'ct_1', name: 'Wang', emails: ['wang@example.com'] }));
  stored.set('members/ana', record('ana', { id: 'ana', name: 'Ana Li' }));
  stored.set('members/ben', record('ben', { id: 'ben', name: 'Ben Wu' }));
  stored.set('queues/care', record('care', { id: 'care', name: 'Customer care' }));
}

describe('InboxPage', () => {
  it('shows the case with its mention thread and contact', async () => {
    seed();
    render(<InboxPage caseId="cs_1" />);
    await screen.findByTestId('case-detail');
    expect(screen.getByTestId('case-row-cs_1').textContent).toContain('Ana Li');
    expect(screen.getByTestId('case-mentions').textContent).toContain('Where is my refund?');
    await waitFor(() => expect(screen.getByTestId('case-contact').textContent).toContain('wang@example.com'));
  });

  it('changes nothing until the user says who they are', async () => {
    seed();
    render(<InboxPage caseId="cs_1" />);
    await screen.findByTestId('case-need-actor');
    expect(screen.getByTestId<HTMLButtonElement>('case-status-resolve').disabled).toBe(true);
  });

  it('reassigns the case as the acting user and stores the history entry', async () => {
    seed();
    render(<InboxPage caseId="cs_1" />);
    await screen.findByTestId('case-detail');
    fireEvent.change(screen.getByTestId('inbox-actor'), { target: { value: 'olga' } });
    await waitFor(() => expect(screen.getByTestId('case-owner').querySelectorAll('option')).toHaveLength(3));
    fireEvent.change(screen.getByTestId('case-owner'), { target: { value: 'ben' } });
    fireEvent.change(screen.getByTestId('case-note'), { target: { value: 'on holiday' } });
    fireEvent.click(screen.getByTestId('case-reassign'));
    await waitFor(() => expect(screen.getByTestId('case-assignee').textContent).toContain('Ben Wu'));
    const saved = stored.get('cases/cs_1')?.data;
    expect(saved).toMatchObject({ owner: 'ben', external: { hubspotTicketId: '77' } });
    expect(Array.isArray(saved?.history) && saved.history.at(-1)).toMatchObject({
      by: 'user:olga',
      action: 'reassigned',
      reason: 'on holiday',
      changes: { owner: { from: 'ana', to: 'ben' } },
    });
    expect(stored.get('contacts/ct_1')?.data.ownerId).toBe('ben');
    expect(localStorage.getItem('sbss.inbox.actor')).toBe('olga');
  });

  it('says so when the opened case does not exist', async () => {
    seed();
    render(<InboxPage caseId="cs_gone" />);
    expect((await screen.findByTestId('case-missing')).textContent).toContain('cs_gone');
  });
});
