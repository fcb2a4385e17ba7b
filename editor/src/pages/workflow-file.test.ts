import { describe, expect, it } from 'vitest';
import { readImportFile } from './workflow-file';

const workflow = {
  name: 'Alert',
  nodes: [{ id: 'start', type: 'core/manual@1', params: {}, position: { x: 0, y: 0 } }],
  edges: [],
};

describe('readImportFile', () => {
  it('reads a plain workflow file as a workflow to create', () => {
    const imported = readImportFile(JSON.stringify(workflow), 'file');
    expect(imported).toEqual({
      kind: 'workflow',
      input: { ...workflow, stickyNotes: [], settings: {} },
    });
  });

  it('reads a template file as a template to install, keeping the file to send as it is', () => {
    const file = {
      template: {
        name: 'Alert template',
        description: 'Alerts',
        parameters: [{ name: 'brand', description: 'Brand', default: 'Acme' }],
        credentials: [{ name: 'mail', type: 'smtp', description: 'SMTP' }],
      },
      workflow,
    };
    const imported = readImportFile(JSON.stringify(file), 'file');
    expect(imported).toEqual({
      kind: 'template',
      choice: {
        info: {
          name: 'Alert template',
          description: 'Alerts',
          parameters: [{ name: 'brand', description: 'Brand', type: 'string', default: 'Acme' }],
          credentials: [{ name: 'mail', type: 'smtp', description: 'SMTP' }],
        },
        source: { template: file },
      },
    });
  });

  it('names a template file after the file when the template has no name', () => {
    const imported = readImportFile(JSON.stringify({ template: {}, workflow }), 'crisis');
    expect(imported.kind === 'template' && imported.choice.info).toEqual({
      name: 'crisis',
      description: '',
      parameters: [],
      credentials: [],
    });
  });

  it('refuses text that is neither', () => {
    expect(() => readImportFile('{', 'f')).toThrow('not JSON');
    expect(() => readImportFile('{"template": {}}', 'f')).toThrow('no "nodes" list');
  });
});
