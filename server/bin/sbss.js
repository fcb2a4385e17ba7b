#!/usr/bin/env node
// isolated-vm needs Node's startup snapshot off (Node 20+), so the CLI re-runs itself with the flag.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (process.execArgv.includes('--no-node-snapshot')) {
  await import(main);
} else {
  const child = spawn(process.execPath, ['--no-node-snapshot', main, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
