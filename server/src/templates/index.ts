export { type BundledTemplate, bundledTemplatesDir, readBundledTemplates } from './bundled-templates.js';
export { type ExportOptions, exportTemplate } from './export-template.js';
export {
  type InstallOptions,
  installTemplate,
  parameterFromText,
  parseTemplate,
} from './install-template.js';
export { placeholdersIn, placeholderText, substitute } from './placeholders.js';
export * from './template-schema.js';
