import { nodeType } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaOf } from '../../plugins/node-type-description.js';
import { coreNodes, corePlugin } from './index.js';

describe('core plugin', () => {
  it('names every node core/<id>@1', () => {
    expect(coreNodes.map((node) => nodeType(corePlugin.name, node))).toEqual([
      'core/manual@1',
      'core/webhook@1',
      'core/schedule@1',
      'core/set@1',
      'core/if@1',
      'core/switch@1',
      'core/merge@1',
      'core/filter@1',
      'core/sort@1',
      'core/limit@1',
      'core/dedupe@1',
      'core/http@1',
      'core/respond@1',
      'core/wait@1',
      'core/subworkflow@1',
      'core/code@1',
    ]);
  });

  it('runs every node in the host', () => {
    expect(coreNodes.every((node) => node.runsInHost)).toBe(true);
  });

  it('titles every node in all three UI languages', () => {
    for (const node of coreNodes) {
      expect(node.title, node.id).toMatchObject({
        en: expect.any(String),
        'zh-Hans': expect.any(String),
        'zh-Hant': expect.any(String),
      });
    }
  });

  it('gives every param a JSON Schema with a description for the editor forms', () => {
    for (const node of coreNodes) {
      const schema = z.toJSONSchema(node.params, { io: 'input' });
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property, `${node.id}.${name}`).toHaveProperty('description');
      }
    }
  });

  it('titles and describes every param in all three UI languages for the editor forms', () => {
    const translated = {
      en: expect.stringMatching(/\S/),
      'zh-Hans': expect.stringMatching(/\S/),
      'zh-Hant': expect.stringMatching(/\S/),
    };
    for (const node of coreNodes) {
      const properties = (jsonSchemaOf(node.params).properties ?? {}) as Record<string, unknown>;
      for (const [name, property] of Object.entries(properties)) {
        expect(property, `${node.id}.${name}`).toMatchObject({ title: translated, description: translated });
      }
    }
  });

  it('puts triggers, flow control and data shaping in their categories', () => {
    const category = Object.fromEntries(coreNodes.map((node) => [node.id, node.category]));
    expect(category).toMatchObject({
      manual: 'trigger',
      webhook: 'trigger',
      schedule: 'trigger',
      if: 'flow',
      set: 'data',
    });
  });
});
