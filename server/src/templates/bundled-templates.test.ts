import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir, readBundledTemplates } from './bundled-templates.js';
import { installTemplate } from './install-template.js';
import { placeholdersIn } from './placeholders.js';

describe('bundled templates', () => {
  const bundled = readBundledTemplates();

  it('are the five of the library, each with a README', () => {
    expect(bundled.map((entry) => entry.id)).toEqual([
      'brand-crisis-alert',
      'competitor-share-of-voice',
      'customer-care-triage',
      'kol-discovery',
      'social-lead-capture',
    ]);
    for (const { id } of bundled) expect(existsSync(join(bundledTemplatesDir, id, 'README.md'))).toBe(true);
  });

  it('install with their defaults into valid workflows whose credentials the template lists', () => {
    for (const { template } of bundled) {
      const workflow = installTemplate(template, {});
      const named = new Set(
        workflow.nodes.map((node) => node.params.credential).filter((name) => typeof name === 'string'),
      );
      expect([...named].sort()).toEqual(
        template.template.credentials.map((credential) => credential.name).sort(),
      );
      expect(placeholdersIn(JSON.parse(JSON.stringify(workflow)))).toEqual([]);
    }
  });
});
