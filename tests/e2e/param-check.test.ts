import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser.js';
import { openNode, typeExpression } from './editor-actions.js';
import { scenarioOnWorkflow } from './editor-scenario.js';
import { afterManualTrigger } from './workflow-api.js';

describe.skipIf(browserMissing)("a plugin node's params check while editing", () => {
  const editor = scenarioOnWorkflow('param-check', () => {
    const monitor = afterManualTrigger('Nodes being edited', {
      id: 'watch',
      type: 'listening/monitor@1',
      name: 'Watch',
      params: { query: '退款 OR refund' },
    });
    return {
      ...monitor,
      nodes: [
        ...monitor.nodes,
        { id: 'shape', type: 'core/code@1', name: 'Shape', params: {}, position: { x: 260, y: 200 } },
        { id: 'tag', type: 'scoring/topics@1', name: 'Tag', params: {}, position: { x: 260, y: 400 } },
      ],
      edges: [
        ...monitor.edges,
        { source: 'start', sourcePort: 'main', target: 'shape', targetPort: 'main' },
        { source: 'start', sourcePort: 'main', target: 'tag', targetPort: 'main' },
      ],
    };
  });

  it('shows a query error under the field with a caret at its column, and clears it once fixed', async () => {
    const { page, session, shot, workflowId } = editor;
    await page.goto(`${session.serverUrl}/#/workflows/${workflowId}`);
    await openNode(page, 'watch');
    const input = page.getByTestId('field-input-query');
    await input.fill('(退款 OR refund AND followers:>>5');
    const pointer = page.getByTestId('field-error-pointer-query');
    await pointer.waitFor();
    expect(await page.getByTestId('field-error-query').textContent()).toContain('(column 19)');
    expect(await pointer.textContent()).toBe(
      `(退款 OR refund AND followers:>>5\n \u3000\u3000${' '.repeat(15)}^`,
    );
    expect(await page.getByTestId('node-problems-watch').getAttribute('title')).toContain('followers:');
    await shot('query-error');

    await input.fill('(退款 OR refund) AND followers:>5');
    await expect.poll(() => page.getByTestId('field-error-query').count()).toBe(0);
    expect(await page.getByTestId('node-problems-watch').count()).toBe(0);
  });

  it('warns of a lower-case operator in amber, and marks the node with a warning, not a problem', async () => {
    const { page } = editor;
    await openNode(page, 'watch');
    await page.getByTestId('field-input-query').fill('华为 and 退款');
    const warning = page.getByTestId('field-error-query');
    await expect.poll(() => warning.getAttribute('class')).toContain('field-warning');
    expect(await warning.textContent()).toContain('"and" is searched as a word');
    expect(await page.getByTestId('node-problems-watch').textContent()).toBe('1 warning');
    expect(await page.getByTestId('node-watch').getAttribute('class')).toContain('has-warnings');
    await page.getByTestId('field-input-query').fill('华为 AND 退款');
    await expect.poll(() => page.getByTestId('node-problems-watch').count()).toBe(0);
  });

  it("shows a Code node's syntax error under the code, at its line and column", async () => {
    const { page, shot } = editor;
    await openNode(page, 'shape');
    const code = page.getByTestId('field-input-code').locator('.cm-content');
    await code.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await code.pressSequentially(
      'const total = items.length\nreturn items.map((i) => ({ ...i, share: / total }))',
    );
    const pointer = page.getByTestId('field-error-pointer-code');
    await pointer.waitFor();
    expect(await page.getByTestId('field-error-code').textContent()).toContain('(line 2, column');
    expect(await pointer.textContent()).toMatch(/^return items\.map.*\n +\^$/);
    await shot('code-syntax-error');
  });

  it('edits a topics taxonomy as YAML over many lines, and points at a query in it that does not parse', async () => {
    const { page, shot } = editor;
    await openNode(page, 'tag');
    const yaml = page.getByTestId('field-input-taxonomy').locator('.cm-content');
    expect(await yaml.locator('.cm-line').count()).toBeGreaterThan(8);
    await yaml.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await yaml.pressSequentially('billing:\n  query: "refund AND (late"');
    const pointer = page.getByTestId('field-error-pointer-taxonomy');
    await pointer.waitFor();
    expect(await page.getByTestId('field-error-taxonomy').textContent()).toContain('billing.query');
    expect(await pointer.textContent()).toBe(`refund AND (late\n${' '.repeat(16)}^`);
    await shot('taxonomy-error');
  });

  it("shows an expression's syntax error under the field in expression mode, pointing into it", async () => {
    const { page } = editor;
    await openNode(page, 'watch');
    await typeExpression(page, 'name', '{{ $json.brand + }}');
    const pointer = page.getByTestId('field-error-pointer-name');
    await pointer.waitFor();
    expect(await page.getByTestId('field-error-name').textContent()).toContain('has a syntax error');
    expect(await pointer.textContent()).toBe(`{{ $json.brand + }}\n${' '.repeat(16)}^`);
  });

  it('logs no console errors', () => {
    expect(editor.session.errors).toEqual([]);
  });
});
