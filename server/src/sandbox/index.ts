export type { CallOutcome } from './call-outcome.js';
export { type CodeMode, type CodeRun, CodeSandbox } from './code-sandbox.js';
export { createExpressionEvaluator } from './expression-evaluator.js';
export type { GrantedCapabilities } from './host-bridge.js';
export { type PluginBundle, type PluginCall, PluginHost } from './plugin-host.js';
export { defaultSandboxLimits, type SandboxLimits } from './sandbox-limits.js';
