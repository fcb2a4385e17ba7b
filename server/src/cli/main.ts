#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { migrateCommand } from './migrate-command.js';
import { pluginCommand, pluginUsage } from './plugin-command.js';
import { runCommand } from './run-command.js';
import { startCommand } from './start-command.js';
import { templateCommand, templateUsage } from './template-command.js';

const usage = `Usage: sbss <command>

Commands:
  start                                   serve the editor and API (PORT, HOST, SBSS_DATA_DIR)
  run <workflow.json> [--input items.json] run a workflow once and print the result as JSON
  db migrate                              apply database migrations in SBSS_DATA_DIR
${pluginUsage}${templateUsage}`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'template') return templateCommand(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { input: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  if (command === 'start') return startCommand();
  if (command === 'plugin') return pluginCommand(rest);
  if (command === 'run' && rest[0]) return runCommand(rest[0], values.input);
  if (command === 'db' && rest[0] === 'migrate') return migrateCommand();
  process.stderr.write(`Unknown command: ${positionals.join(' ')}\n\n${usage}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
