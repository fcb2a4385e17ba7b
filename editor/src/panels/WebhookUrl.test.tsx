// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { WebhookUrl } from './WebhookUrl';

const idle = { listening: false, onListen: () => undefined, onStopListening: () => undefined };

beforeAll(() => initI18n('en'));
afterEach(cleanup);

describe('WebhookUrl', () => {
  it('gives the URL the server listens at, with the method, and says it waits for activation', () => {
    render(<WebhookUrl {...idle} path="/mentions/weibo/" method="PUT" active={false} />);
    expect(screen.getByTestId('webhook-url-text').textContent).toBe(
      `PUT ${window.location.origin}/hooks/mentions/weibo`,
    );
    expect(screen.getByTestId('webhook-url-state').textContent).toBe('Activate the workflow to listen here.');
  });

  it('says the URL is live while the workflow is active, and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<WebhookUrl {...idle} path="intake" method={undefined} active />);
    expect(screen.getByTestId('webhook-url-state').textContent).toContain('active');
    fireEvent.click(screen.getByTestId('webhook-url-copy'));
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/hooks/intake`);
    await waitFor(() => expect(screen.getByTestId('webhook-url-copy').textContent).toBe('Copied'));
  });

  it('gives the test URL, and listens for a call to it until stopped', () => {
    const onListen = vi.fn();
    const onStopListening = vi.fn();
    const props = { path: 'intake', method: 'POST', active: false, onListen, onStopListening };
    render(<WebhookUrl {...props} listening={false} />);
    expect(screen.getByTestId('webhook-test-url-text').textContent).toBe(
      `POST ${window.location.origin}/hooks-test/intake`,
    );
    fireEvent.click(screen.getByTestId('webhook-listen'));
    expect(onListen).toHaveBeenCalledOnce();
    cleanup();
    render(<WebhookUrl {...props} listening />);
    expect(screen.getByTestId('webhook-listening').textContent).toContain('Waiting');
    fireEvent.click(screen.getByTestId('webhook-stop'));
    expect(onStopListening).toHaveBeenCalledOnce();
  });

  it('shows nothing while there is no path, or the path is an expression', () => {
    render(<WebhookUrl {...idle} path="" method="POST" active={false} />);
    render(<WebhookUrl {...idle} path="{{ $vars.hookPath }}" method="POST" active={false} />);
    expect(screen.queryByTestId('webhook-url')).toBeNull();
  });
});
