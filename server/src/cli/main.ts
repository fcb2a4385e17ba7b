#!/usr/bin/env node
import { parseArgs } from 'node:util';

// Commands are loaded when they run: `start` supervises the server from a process that loads
// none of it (`supervisor.ts`).
const usageHead = `Usage: sbss <command>

Commands:
  start                                   serve the editor and API (PORT, HOST, SBSS_DATA_DIR)
  run <workflow.json> [--input items.json] run a workflow once and print the result as JSON
  db migrate                              apply database migrations in SBSS_DATA_DIR
`;

async function usage(): Promise<string> {
  const [{ pluginUsage }, { templateUsage }] = await Promise.all([
    import('./plugin-command.js'),
    import('./template-command.js'),
  ]);
  return `${usageHead}${pluginUsage}${templateUsage}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'template') return (await import('./template-command.js')).templateCommand(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { input: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(await usage());
    return command ? 0 : 1;
  }
  if (command === 'start') return (await import('./start-command.js')).startCommand();
  if (command === 'plugin') return (await import('./plugin-command.js')).pluginCommand(rest);
  if (command === 'run' && rest[0])
    return (await import('./run-command.js')).runCommand(rest[0], values.input);
  if (command === 'db' && rest[0] === 'migrate')
    return (await import('./migrate-command.js')).migrateCommand();
  process.stderr.write(`Unknown command: ${positionals.join(' ')}\n\n${await usage()}`);
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
