import { describe, expect, it } from 'vitest';
import { installTemplate, parameterFromText, parseTemplate } from './install-template.js';
import { placeholderText as param } from './placeholders.js';

const template = {
  template: {
    name: 'Alert',
    description: 'd',
    parameters: [
      { name: 'brand', description: 'brand', type: 'string' },
      { name: 'threshold', description: 'score', type: 'number', default: 60 },
      { name: 'recipients', description: 'to', type: 'string[]', default: ['ops@example.com'] },
    ],
    credentials: [{ name: 'mail', type: 'smtp', description: 'SMTP' }],
  },
  workflow: {
    name: 'Alert',
    nodes: [
      { id: 'start', type: 'core/manual@1', params: {} },
      {
        id: 'watch',
        type: 'core/filter@1',
        params: { condition: `{{ $json.urgency >= ${param('threshold')} }}`, to: param('recipients') },
      },
      {
        id: 'tag',
        type: 'core/set@1',
        params: { fields: { brand: param('brand'), note: `about ${param('brand')}` } },
      },
    ],
    edges: [{ source: 'start', target: 'watch' }],
  },
};

describe('installTemplate', () => {
  it('substitutes whole placeholders with typed values and inner ones as text, leaving expressions alone', () => {
    const workflow = installTemplate(template, { brand: 'Acme' });
    const [, watch, tag] = workflow.nodes;
    expect(watch?.params).toEqual({ condition: '{{ $json.urgency >= 60 }}', to: ['ops@example.com'] });
    expect(tag?.params).toEqual({ fields: { brand: 'Acme', note: 'about Acme' } });
    expect(workflow.edges[0]).toMatchObject({ sourcePort: 'main', targetPort: 'main' });
  });

  it('refuses missing required, unknown and mistyped parameters', () => {
    expect(() => installTemplate(template, {})).toThrow(/Missing required template parameters: brand/);
    expect(() => installTemplate(template, { brand: 'A', colour: 'red' })).toThrow(
      /Unknown template parameters: colour/,
    );
    expect(() => installTemplate(template, { brand: 'A', threshold: '60' })).toThrow(
      /must be of type number/,
    );
  });

  it('names the workflow as asked', () => {
    expect(installTemplate(template, { brand: 'A' }, { name: 'Client A alert' }).name).toBe('Client A alert');
  });

  it('refuses a template whose workflow uses an undeclared parameter', () => {
    const broken = { ...template, workflow: { ...template.workflow, description: param('client') } };
    expect(() => parseTemplate(broken)).toThrow(/undeclared parameters: client/);
  });
});

describe('parameterFromText', () => {
  it('reads command-line text as the declared type', () => {
    expect(parameterFromText('number', '42')).toBe(42);
    expect(parameterFromText('boolean', 'false')).toBe(false);
    expect(parameterFromText('string[]', 'a@x.com, b@x.com')).toEqual(['a@x.com', 'b@x.com']);
    expect(parameterFromText('json', '{"urgent":60}')).toEqual({ urgent: 60 });
    expect(() => parameterFromText('number', 'many')).toThrow(/not a number/);
  });
});
