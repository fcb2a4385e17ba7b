import { describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import { exportTemplate } from './export-template.js';
import { installTemplate } from './install-template.js';
import { placeholderText } from './placeholders.js';

const workflow = workflowInputSchema.parse({
  name: 'Crisis',
  nodes: [
    { id: 'start', type: 'core/manual@1' },
    {
      id: 'rules',
      type: 'scoring/rules@1',
      params: { rules: [{ name: 'negative', when: '{{ $json.negative }}', points: 60 }] },
    },
    { id: 'ping', type: 'notify/dingtalk@1', params: { credential: 'ops-robot', title: 'Alert' } },
  ],
  edges: [
    { source: 'start', target: 'rules' },
    { source: 'rules', target: 'ping' },
  ],
});

describe('exportTemplate', () => {
  it('turns chosen params into parameters defaulting to their values, and lists credentials', () => {
    const template = exportTemplate(
      workflow,
      { 'rules.rules.0.points': 'negativePoints', 'ping.title': 'alertTitle' },
      { credentialType: (type) => (type.startsWith('notify/') ? 'robot-webhook' : undefined) },
    );
    expect(template.template.parameters).toEqual([
      expect.objectContaining({ name: 'negativePoints', type: 'number', default: 60 }),
      expect.objectContaining({ name: 'alertTitle', type: 'string', default: 'Alert' }),
    ]);
    expect(template.template.credentials).toEqual([
      expect.objectContaining({ name: 'ops-robot', type: 'robot-webhook' }),
    ]);
    expect(JSON.stringify(template.workflow)).toContain(`"points":"${placeholderText('negativePoints')}"`);
  });

  it('round-trips: installing the export with its defaults gives the workflow back', () => {
    const template = exportTemplate(workflow, { 'rules.rules.0.points': 'points' });
    expect(installTemplate(template, {})).toEqual(workflow);
    expect(installTemplate(template, { points: 80 }).nodes[1]?.params).toEqual({
      rules: [{ name: 'negative', when: '{{ $json.negative }}', points: 80 }],
    });
  });

  it('refuses a path that names no param', () => {
    expect(() => exportTemplate(workflow, { 'rules.threshold': 'x' })).toThrow(/not set/);
    expect(() => exportTemplate(workflow, { 'nowhere.title': 'x' })).toThrow(/does not name a node param/);
  });
});
