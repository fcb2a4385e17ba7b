// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import type { FieldModel } from '../field-model';
import { base64Bytes, FileWidget, MAX_FILE_BYTES, toBase64 } from './FileWidget';

beforeAll(() => initI18n('en'));
afterEach(cleanup);

const field = { key: 'file', path: ['file'], kind: 'file', label: 'File', required: false } as FieldModel;

function renderWidget(value?: string) {
  const onChange = vi.fn<(value: unknown) => void>();
  render(<FileWidget field={field} label="File" value={value} onChange={onChange} testId="file" />);
  return onChange;
}

describe('FileWidget', () => {
  it('keeps a picked file as its bytes in base64', async () => {
    const onChange = renderWidget();
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    fireEvent.change(screen.getByTestId('file'), { target: { files: [new File([bytes], 'export.xlsx')] } });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(Buffer.from(bytes).toString('base64')));
  });

  it('says how large the kept file is and lets it go', () => {
    const onChange = renderWidget(toBase64(new Uint8Array(3 * 1024)));
    expect(screen.getByTestId('file-loaded').textContent).toContain('3 KB');
    fireEvent.click(screen.getByText('Remove'));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('refuses a file too large to keep in a workflow', async () => {
    const onChange = renderWidget();
    const large = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.csv');
    fireEvent.change(screen.getByTestId('file'), { target: { files: [large] } });
    expect((await screen.findByRole('alert')).textContent).toContain('5 MB');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('encodes large files a chunk at a time and counts their bytes back', () => {
    const bytes = new Uint8Array(200_001).map((_, at) => at % 251);
    const base64 = toBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64Bytes(base64)).toBe(200_001);
  });
});
