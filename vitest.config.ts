import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'sdk/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'plugins/*/src/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'editor/src/**/*.test.{ts,tsx}',
      'tests/e2e/**/*.test.ts',
    ],
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
