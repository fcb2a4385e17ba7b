// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { TemplateSummary } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { TemplateDialog } from './TemplateDialog';

const crisis: TemplateSummary = {
  id: 'brand-crisis-alert',
  name: 'Brand crisis alert',
  description: 'Urgent negative mentions become crisis cases.',
  parameters: [
    { name: 'brand', description: 'Brand name', type: 'string', default: 'Joyself Beauty' },
    { name: 'urgencyThreshold', description: 'Urgency', type: 'number', default: 70 },
    { name: 'recipients', description: 'Who gets the email', type: 'string[]', default: ['pr@example.com'] },
  ],
  credentials: [{ name: 'crisis-smtp', type: 'smtp', description: 'SMTP server' }],
};

vi.mock('../api/client', () => ({
  api: { listTemplates: vi.fn(), installTemplate: vi.fn() },
}));

beforeAll(() => {
  initI18n('en');
});

beforeEach(() => {
  vi.mocked(api.listTemplates).mockResolvedValue({ items: [crisis] });
  vi.mocked(api.installTemplate).mockReset();
  window.location.hash = '#/';
});

afterEach(cleanup);

async function openCrisisForm() {
  render(<TemplateDialog imported={undefined} onClose={() => {}} />);
  const card = await screen.findByTestId('template-card-brand-crisis-alert');
  expect(screen.getByTestId('template-gallery').textContent).toContain('crisis-smtp');
  fireEvent.click(card);
}

const field = (name: string) => screen.getByTestId(`template-param-${name}`) as HTMLInputElement;

describe('TemplateDialog', () => {
  it('installs the chosen template with the changed values typed and opens the workflow', async () => {
    vi.mocked(api.installTemplate).mockResolvedValue({ id: 'wf-1', version: 1 });
    await openCrisisForm();
    expect(field('brand').value).toBe('Joyself Beauty');
    expect(field('recipients').value).toBe('pr@example.com');
    fireEvent.change(field('urgencyThreshold'), { target: { value: '55' } });
    fireEvent.click(screen.getByTestId('template-install'));
    await waitFor(() => expect(window.location.hash).toBe('#/workflows/wf-1'));
    expect(api.installTemplate).toHaveBeenCalledWith(
      { name: 'brand-crisis-alert' },
      { brand: 'Joyself Beauty', urgencyThreshold: 55, recipients: ['pr@example.com'] },
    );
  });

  it('keeps a value it cannot read from the server, saying why at the field until it is edited', async () => {
    await openCrisisForm();
    fireEvent.change(field('urgencyThreshold'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('template-install'));
    expect((await screen.findByTestId('template-param-error-urgencyThreshold')).textContent).toBe('Required');
    expect(api.installTemplate).not.toHaveBeenCalled();
    fireEvent.change(field('urgencyThreshold'), { target: { value: '60' } });
    expect(screen.queryByTestId('template-param-error-urgencyThreshold')).toBeNull();
  });

  it('shows the server’s refusal of a parameter at its field', async () => {
    vi.mocked(api.installTemplate).mockRejectedValue(
      new ApiError(400, {
        code: 'TEMPLATE_INVALID',
        message: 'Parameter brand must be of type string, got 1',
        details: { parameter: 'brand', type: 'string' },
      }),
    );
    await openCrisisForm();
    fireEvent.click(screen.getByTestId('template-install'));
    const error = await screen.findByTestId('template-param-error-brand');
    expect(error.textContent).toBe('Parameter brand must be of type string, got 1');
    expect(screen.getByTestId('template-install').hasAttribute('disabled')).toBe(false);
    expect(window.location.hash).toBe('#/');
  });

  it('goes back from the form to the gallery', async () => {
    await openCrisisForm();
    fireEvent.click(screen.getByTestId('template-back'));
    expect(await screen.findByTestId('template-gallery')).toBeTruthy();
  });

  it('opens an imported template file straight at its form, installing the file as read', async () => {
    vi.mocked(api.installTemplate).mockResolvedValue({ id: 'wf-2', version: 1 });
    const file = { template: { name: 'From file' }, workflow: { nodes: [] } };
    const { id: _, ...info } = crisis;
    render(<TemplateDialog imported={{ info, source: { template: file } }} onClose={() => {}} />);
    expect(screen.queryByTestId('template-gallery')).toBeNull();
    expect(screen.queryByTestId('template-back')).toBeNull();
    fireEvent.click(screen.getByTestId('template-install'));
    await waitFor(() => expect(window.location.hash).toBe('#/workflows/wf-2'));
    expect(vi.mocked(api.installTemplate).mock.calls[0]?.[0]).toEqual({ template: file });
  });
});
