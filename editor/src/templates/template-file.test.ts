import { describe, expect, it } from 'vitest';
import { readTemplateFile } from './template-file';

describe('readTemplateFile', () => {
  it('draws the form from what it can read and leaves the rest for the server to refuse', () => {
    const file = {
      template: {
        name: 'T',
        parameters: [{ description: 'no name' }, { name: 'level', type: 'enum' }, 'brand'],
        credentials: [{ name: 'robot' }, 42],
      },
      workflow: { nodes: [] },
    };
    expect(readTemplateFile(file, 'f')?.info).toEqual({
      name: 'T',
      description: '',
      parameters: [{ name: 'level', description: '', type: 'string' }],
      credentials: [{ name: 'robot', type: '', description: '' }],
    });
  });

  it('is not a template without both a template and a workflow object', () => {
    expect(readTemplateFile({ nodes: [], edges: [] }, 'f')).toBeUndefined();
    expect(readTemplateFile({ template: {}, workflow: [] }, 'f')).toBeUndefined();
    expect(readTemplateFile([], 'f')).toBeUndefined();
  });
});
