export type { ApiApp, AppType } from './api/app.js';
export type { ErrorBody } from './api/error-handler.js';
export * from './engine/index.js';
export type { NodeTypeDescription } from './plugins/node-type-description.js';
export { createPlatform, type Platform, type PlatformOptions } from './runtime/platform.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
