import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type BrowserSession, openBrowserSession, screenshots } from './browser.js';
import { postWorkflow, type WorkflowJson } from './workflow-api.js';

export interface EditorScenario {
  session: BrowserSession;
  page: Page;
  shot(name: string): Promise<void>;
  workflowId: string;
}

/**
 * A browser session for a scenario's tests, opened before them on a workflow posted through the
 * API and closed after them. Its fields are set once the `beforeAll` it registers has run.
 */
export function scenarioOnWorkflow(scenario: string, workflow: () => WorkflowJson): EditorScenario {
  const state = {} as EditorScenario;
  beforeAll(async () => {
    state.session = await openBrowserSession();
    state.page = state.session.page;
    state.shot = screenshots(state.page, scenario);
    state.workflowId = await postWorkflow(state.session.serverUrl, workflow());
  });
  afterAll(() => state.session?.close());
  return state;
}
