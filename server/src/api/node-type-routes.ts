import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from './api-env.js';

export function nodeTypeRoutes({ registry }: ApiDeps) {
  return new Hono<ApiEnv>().get('/', (c) => c.json(registry.describe()));
}
