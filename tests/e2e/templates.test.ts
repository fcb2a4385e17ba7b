import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, browserMissing, openBrowserSession, screenshots } from './browser.js';
import { canvasNodes } from './editor-actions.js';
import { getWorkflow, type WorkflowJson } from './workflow-api.js';

/** A template placeholder, `${param:name}`, written so it is not read as a JS template string. */
const param = (name: string) => `\${param:${name}}`;

const echoTemplate = {
  template: {
    name: 'Mention echo',
    description: 'Answers pushed mentions with a greeting.',
    parameters: [
      { name: 'path', description: 'Webhook path', type: 'string', default: 'echo/in' },
      { name: 'greeting', description: 'What to add to each mention', type: 'string' },
      { name: 'priority', description: 'Priority of the echo', type: 'number', default: 3 },
      { name: 'keepOthers', description: 'Keep the mention’s own fields', type: 'boolean', default: true },
    ],
    credentials: [],
  },
  workflow: {
    name: 'Mention echo',
    nodes: [
      { id: 'in', type: 'core/webhook@1', params: { path: param('path') }, position: { x: 0, y: 0 } },
      {
        id: 'greet',
        type: 'core/set@1',
        params: {
          fields: {
            greeting: `Hello from ${param('path')}: ${param('greeting')}`,
            priority: param('priority'),
          },
          keepOthers: param('keepOthers'),
        },
        position: { x: 260, y: 0 },
      },
    ],
    edges: [{ source: 'in', target: 'greet' }],
  },
};

function jsonFile(name: string, content: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) };
}

function node(workflow: WorkflowJson, id: string) {
  return workflow.nodes.find((candidate) => candidate.id === id);
}

describe.skipIf(browserMissing)('installing workflow templates from the editor', () => {
  let session: BrowserSession;
  let page: Page;
  let shot: (name: string) => Promise<void>;

  const openList = async () => {
    await page.goto(`${session.serverUrl}/#/`);
    await page.getByTestId('workflows-page').waitFor();
  };
  const editorWorkflowId = async () => {
    const editor = page.getByTestId('editor-page');
    await editor.waitFor();
    return (await editor.getAttribute('data-workflow-id')) ?? '';
  };

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    shot = screenshots(page, 'templates');
  });
  afterAll(() => session?.close());

  it('shows the bundled templates with the credentials each needs', async () => {
    await openList();
    await page.getByTestId('workflow-from-template').click();
    await page.getByTestId('template-gallery').waitFor();
    const cards = await page
      .locator('[data-testid^="template-card-"]')
      .evaluateAll((found) => found.map((card) => card.getAttribute('data-testid')));
    expect(cards).toEqual([
      'template-card-brand-crisis-alert',
      'template-card-competitor-share-of-voice',
      'template-card-customer-care-triage',
      'template-card-kol-discovery',
      'template-card-social-lead-capture',
    ]);
    const crisis = page.locator('.template-card', {
      has: page.getByTestId('template-card-brand-crisis-alert'),
    });
    expect(await crisis.textContent()).toMatch(/crisis-dingtalk.*crisis-feishu.*crisis-smtp/);
    await shot('gallery');
  });

  it('installs brand-crisis-alert with a changed threshold and opens it on the canvas', async () => {
    await page.getByTestId('template-card-brand-crisis-alert').click();
    const threshold = page.getByTestId('template-param-urgencyThreshold');
    expect(await threshold.inputValue()).toBe('70');
    expect(await page.getByTestId('template-param-recipients').inputValue()).toBe('pr-team@example.com');
    await threshold.fill('55');
    await threshold.scrollIntoViewIfNeeded();
    await shot('crisis-parameters');
    const team = page.getByTestId('template-param-team');
    expect(await team.evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await page.getByTestId('template-param-recipients').scrollIntoViewIfNeeded();
    await shot('crisis-yaml-and-list-parameters');

    await page.getByTestId('template-install').click();
    const id = await editorWorkflowId();
    await expect.poll(() => canvasNodes(page).count()).toBe(24);
    await page.getByTestId('node-crisis').waitFor();
    await shot('crisis-on-canvas');

    const stored = await getWorkflow(session.serverUrl, id);
    expect(stored.name).toBe('Brand crisis alert');
    expect(node(stored, 'crisis')?.params.condition).toBe(
      "{{ $json.sentiment.label === 'negative' && $json.urgency >= 55 }}",
    );
    expect(node(stored, 'tag')?.params).toMatchObject({ fields: { brand: 'Joyself Beauty' } });
    expect(node(stored, 'mail')?.params.to).toEqual(['pr-team@example.com']);
    expect(JSON.stringify(stored)).not.toMatch(/\$\{param:/);
  });

  it('keeps an emptied number from the server and says so at its field', async () => {
    await openList();
    await page.getByTestId('workflow-from-template').click();
    await page.getByTestId('template-card-kol-discovery').click();
    await page.getByTestId('template-param-topN').fill('');
    await page.getByTestId('template-install').click();
    const error = page.getByTestId('template-param-error-topN');
    expect(await error.textContent()).toBe('Required');
    await error.scrollIntoViewIfNeeded();
    await shot('required-field');
    await page.getByTestId('template-close').click();
    expect(await page.getByTestId('template-dialog').count()).toBe(0);
  });

  it('imports a template file through the import button, asking for its parameters first', async () => {
    await page.getByTestId('workflow-import-file').setInputFiles(jsonFile('echo.json', echoTemplate));
    const form = page.getByTestId('template-form');
    await form.waitFor();
    expect(await form.getAttribute('data-template')).toBe('Mention echo');
    expect(await page.getByTestId('template-back').count()).toBe(0);
    await page.getByTestId('template-install').click();
    expect(await page.getByTestId('template-param-error-greeting').textContent()).toBe('Required');
    await page.getByTestId('template-param-greeting').fill('thanks for writing');
    expect(await page.getByTestId('template-param-error-greeting').count()).toBe(0);
    await page.getByTestId('template-param-priority').fill('5');
    await page.getByTestId('template-param-keepOthers').uncheck();
    await shot('template-file-parameters');

    await page.getByTestId('template-install').click();
    const id = await editorWorkflowId();
    await expect.poll(() => canvasNodes(page).count()).toBe(2);
    await shot('template-file-on-canvas');

    const stored = await getWorkflow(session.serverUrl, id);
    expect(node(stored, 'in')?.params).toMatchObject({ path: 'echo/in' });
    expect(node(stored, 'greet')?.params).toEqual({
      fields: { greeting: 'Hello from echo/in: thanks for writing', priority: 5 },
      keepOthers: false,
    });
  });

  it('shows the server’s refusal of a broken template file as a notice', async () => {
    await openList();
    const broken = {
      ...echoTemplate,
      workflow: { ...echoTemplate.workflow, description: `For ${param('client')}` },
    };
    await page.getByTestId('workflow-import-file').setInputFiles(jsonFile('broken.json', broken));
    await page.getByTestId('template-param-greeting').fill('hi');
    await page.getByTestId('template-install').click();
    const notice = page.getByTestId('notice-error');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('TEMPLATE_INVALID');
    expect(await notice.textContent()).toContain('undeclared parameters: client');
    expect(await page.getByTestId('template-form').count()).toBe(1);
    await shot('refused-template-file');
    await page.getByTestId('template-cancel').click();
    await notice.getByRole('button').click();
    expect(await page.getByTestId('template-dialog').count()).toBe(0);
  });

  it('still imports a plain workflow file as a workflow', async () => {
    await openList();
    await page
      .getByTestId('workflow-import-file')
      .setInputFiles(jsonFile('plain.json', echoTemplate.workflow));
    const id = await editorWorkflowId();
    expect(await page.getByTestId('notice-info').last().textContent()).toContain('Imported “Mention echo”');
    await expect.poll(() => canvasNodes(page).count()).toBe(2);
    expect(node(await getWorkflow(session.serverUrl, id), 'in')?.params.path).toBe(param('path'));
  });

  it('logs no console errors but the refusal it provoked', () => {
    expect(session.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  });
});
