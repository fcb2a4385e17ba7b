export { z } from 'zod';
export { checkParams, issuesFrom } from './check-params.js';
export type * from './context.js';
export { dataBatchLimit } from './data-limits.js';
export { NodeError } from './errors.js';
export type * from './json.js';
export {
  defineNode,
  type Locale,
  type LocalizedText,
  type NodeCategory,
  type NodeDeclaration,
  type NodeDefinition,
  type ParamIssue,
  type PortSpec,
  type TriggerKind,
} from './node.js';
export {
  type CredentialDefinition,
  defineCredential,
  definePlugin,
  nodeType,
  type PluginDefinition,
  type PluginPermissions,
} from './plugin.js';
export { pointerAt } from './pointer.js';
export { readFields } from './read-fields.js';
export { normalizeResult } from './result.js';
export { utf8Bytes } from './utf8.js';
export { withFields } from './with-fields.js';
