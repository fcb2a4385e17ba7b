import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { afterManualTrigger, callApi, postWorkflow } from './workflow-api.js';

describe.skipIf(browserMissing)('the Variables page', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'variables');
  });
  afterAll(() => session?.close());

  it('sets a variable that the next run reads as $vars', async () => {
    await page.goto(`${session.serverUrl}/#/variables`);
    await page.getByTestId('variables-empty').waitFor();
    await page.getByTestId('variable-key').fill('brand');
    await page.getByTestId('variable-value').fill('Acme 悦己');
    await page.getByTestId('variable-save').click();
    await page.getByTestId('variable-row-brand').waitFor();
    await page.getByTestId('variable-key').fill('regions');
    await page.getByTestId('variable-value').fill('["cn","tw"]');
    await page.getByTestId('variable-save').click();
    await page.getByTestId('variable-row-regions').waitFor();
    await shot('two-variables');
    expect(await page.getByTestId('variable-row-regions').textContent()).toContain(
      '$vars.regions["cn","tw"]',
    );

    const id = await postWorkflow(
      session.serverUrl,
      afterManualTrigger('reads variables', {
        id: 'tag',
        type: 'core/set@1',
        params: { fields: { brand: '{{ $vars.brand }}', regions: '{{ $vars.regions }}' } },
      }),
    );
    const run = await callApi<{ output: { main: unknown[] } }>(
      `${session.serverUrl}/api/v1/workflows/${id}/run`,
      'POST',
      { items: [{}] },
    );
    expect(run.output.main).toEqual([{ brand: 'Acme 悦己', regions: ['cn', 'tw'] }]);
  });

  it('deletes a variable from the list', async () => {
    await page.getByTestId('variable-delete-regions').click();
    await page.getByTestId('variable-row-regions').waitFor({ state: 'detached' });
    const listed = await callApi<{ items: { key: string }[] }>(
      `${session.serverUrl}/api/v1/variables`,
      'GET',
    );
    expect(listed.items.map((item) => item.key)).toEqual(['brand']);
  });

  it('logs no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
