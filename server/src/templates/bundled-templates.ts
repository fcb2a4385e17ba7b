import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from './install-template.js';
import type { Template } from './template-schema.js';

/** The templates shipped in the repository's `examples/templates/<name>/template.json`. */
export const bundledTemplatesDir = fileURLToPath(new URL('../../../examples/templates/', import.meta.url));

export interface BundledTemplate {
  /** The folder name, used to install it by name. */
  id: string;
  template: Template;
}

export function readBundledTemplates(dir: string = bundledTemplatesDir): BundledTemplate[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'template.json')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({
      id,
      template: parseTemplate(JSON.parse(readFileSync(join(dir, id, 'template.json'), 'utf8'))),
    }));
}
