// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import type { FieldModel } from '../field-model';
import { base64Bytes, FileWidget, fileValue, MAX_FILE_BYTES, readFileValue, toBase64 } from './FileWidget';

beforeAll(() => initI18n('en'));
afterEach(cleanup);

const field = { key: 'file', path: ['file'], kind: 'file', label: 'File', required: false } as FieldModel;

function renderWidget(value?: string) {
  const onChange = vi.fn<(value: unknown) => void>();
  render(<FileWidget field={field} label="File" value={value} onChange={onChange} testId="file" />);
  return onChange;
}

describe('FileWidget', () => {
  it('keeps a picked file as a data URL with its name and its bytes in base64', async () => {
    const onChange = renderWidget();
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const file = new File([bytes], '提及 export.xlsx', { type: 'application/vnd.ms-excel' });
    fireEvent.change(screen.getByTestId('file'), { target: { files: [file] } });
    const base64 = Buffer.from(bytes).toString('base64');
    const name = encodeURIComponent('提及 export.xlsx');
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith(`data:application/vnd.ms-excel;name=${name};base64,${base64}`),
    );
  });

  it('says which file it keeps and how large it is, and lets it go', () => {
    const onChange = renderWidget(fileValue('mentions.csv', 'text/csv', toBase64(new Uint8Array(3 * 1024))));
    expect(screen.getByTestId('file-loaded').textContent).toContain('File loaded: mentions.csv (3 KB)');
    fireEvent.click(screen.getByText('Remove'));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('reads bare base64, as an API client may send it, as a file without a name', () => {
    renderWidget(toBase64(new Uint8Array(2 * 1024)));
    expect(screen.getByTestId('file-loaded').textContent).toContain('File loaded: 2 KB');
    expect(readFileValue('data:text/csv;base64,aGk=')).toEqual({ base64: 'aGk=' });
    expect(readFileValue('data:;name=50%off.csv;base64,aGk=')).toEqual({
      name: '50%off.csv',
      base64: 'aGk=',
    });
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
