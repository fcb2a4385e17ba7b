import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverNodeModules } from '../plugins/package-files.js';
import { buildPlugin } from '../plugins/plugin-build.js';
import { installPlugin } from '../plugins/plugin-installer.js';

const starterDir = fileURLToPath(new URL('../../../examples/starter-plugin', import.meta.url));

export const pluginUsage = `  plugin new <dir>                        start a plugin from the starter project
  plugin build [dir]                      bundle src/index.ts and write the manifest
  plugin test [dir]                       run the plugin's tests with vitest
  plugin install <folder|tarball|name>    install into SBSS_DATA_DIR and show its permissions
`;

/** `sbss plugin new|build|test|install`. */
export async function pluginCommand(args: string[]): Promise<number> {
  const [action, target] = args;
  if (action === 'new' && target) return newPlugin(target);
  if (action === 'build') {
    const result = await buildPlugin(target ?? '.');
    const types = result.manifest.nodes.map((node) => `${result.manifest.name}/${node.id}@${node.version}`);
    console.log(
      `Built ${result.manifest.package}@${result.manifest.version} (${Math.round(result.bundleBytes / 1024)} KB)`,
    );
    console.log(`  nodes: ${types.join(', ')}`);
    return 0;
  }
  if (action === 'test') return testPlugin(resolve(target ?? '.'));
  if (action === 'install' && target) {
    const installed = await installPlugin(target, { dataDir: process.env.SBSS_DATA_DIR ?? '.sbss' });
    const hosts = installed.permissions.httpHosts;
    console.log(`Installed ${installed.package}@${installed.version} as "${installed.name}"`);
    console.log(`  nodes: ${installed.nodeTypes.join(', ')}`);
    console.log(
      `  permissions: HTTP to ${hosts.length ? hosts.join(', ') : 'no hosts'}${installed.permissions.mail ? '; sends mail' : ''}`,
    );
    console.log('Restart the server to load it.');
    return 0;
  }
  process.stderr.write(`Usage:\n${pluginUsage}`);
  return 1;
}

function newPlugin(target: string): number {
  const dir = resolve(target);
  if (existsSync(dir)) {
    process.stderr.write(`${dir} already exists\n`);
    return 1;
  }
  const slug = basename(dir)
    .replace(/^sbss-plugin-/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '');
  cpSync(starterDir, dir, { recursive: true, filter: (path) => !/(node_modules|dist)$/.test(path) });
  rewrite(join(dir, 'package.json'), (text) =>
    text.replace('"sbss-plugin-starter"', `"sbss-plugin-${slug || 'example'}"`),
  );
  rewrite(join(dir, 'src', 'index.ts'), (text) =>
    text.replace("name: 'starter'", `name: '${slug || 'example'}'`),
  );
  console.log(`Created ${dir}. Next: cd ${target} && npm install && sbss plugin test && sbss plugin build`);
  return 0;
}

function rewrite(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/**
 * Runs vitest in the plugin folder. A plugin without its own `@sbss/sdk` (fresh from
 * `plugin new`, not yet installed) is tested against the SDK this server ships, and one without
 * its own `@sbss/server` runs `runNodeInSandbox` in this server's sandbox.
 */
function testPlugin(dir: string): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'sbss-plugin-test-'));
  const config = join(scratch, 'vitest.config.mjs');
  const own = (name: string) => existsSync(join(dir, 'node_modules', '@sbss', name));
  const sdk = join(serverNodeModules, '@sbss', 'sdk', 'dist');
  const harness = fileURLToPath(import.meta.resolve('@sbss/server/testing'));
  const alias = [
    ...(own('sdk')
      ? []
      : [
          { find: /^@sbss\/sdk\/testing$/, replacement: join(sdk, 'testing.js') },
          { find: /^@sbss\/sdk$/, replacement: join(sdk, 'index.js') },
        ]),
    ...(own('server') ? [] : [{ find: /^@sbss\/server\/testing$/, replacement: harness }]),
  ];
  // isolated-vm needs Node's startup snapshot off in the workers that run the sandbox.
  writeFileSync(
    config,
    `export default { root: ${JSON.stringify(dir)}, resolve: { alias: [${alias
      .map((a) => `{ find: ${a.find}, replacement: ${JSON.stringify(a.replacement)} }`)
      .join(', ')}] }, test: { include: ['src/**/*.test.ts'], execArgv: ['--no-node-snapshot'] } };\n`,
  );
  const local = join(dir, 'node_modules', '.bin', 'vitest');
  const [command, args] = existsSync(local) ? [local, []] : ['npx', ['--yes', 'vitest']];
  return new Promise((done) => {
    const child = spawn(command, [...args, 'run', '--config', config], { cwd: dir, stdio: 'inherit' });
    child.on('exit', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      done(code ?? 1);
    });
  });
}
