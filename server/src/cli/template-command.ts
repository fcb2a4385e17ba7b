import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { workflowInputSchema } from '../engine/model.js';
import { exportTemplate, type JsonValue, parameterFromText, parseTemplate } from '../templates/index.js';

export const templateUsage = `  template install <template.json> [--param name=value ...] [--name workflow-name] [--url http://127.0.0.1:3000]
                                          create a workflow from a template on a running server
  template export <workflowId|workflow.json> [--param nodeId.param.path=name ...] [--out template.json]
                                          write a template: from a server's workflow, or a file offline
`;

const options = {
  param: { type: 'string', multiple: true },
  url: { type: 'string' },
  name: { type: 'string' },
  out: { type: 'string' },
} as const;

/**
 * `sbss template install|export`. Install goes through the API of a running server, which knows
 * the installed node types and checks the result as any saved workflow; export reads a workflow
 * from that server, or a workflow file without one.
 */
export async function templateCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options });
  const [action, target] = positionals;
  const url = (values.url ?? process.env.SBSS_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const pairs = (values.param ?? []).map(splitPair);
  if (action === 'install' && target) return install(target, pairs, url, values.name);
  if (action === 'export' && target) return exportCommand(target, pairs, url, values.out);
  process.stderr.write(`Usage:\n${templateUsage}`);
  return 1;
}

async function install(file: string, pairs: [string, string][], url: string, name?: string): Promise<number> {
  const template = parseTemplate(JSON.parse(readFileSync(file, 'utf8')));
  const types = new Map(template.template.parameters.map((parameter) => [parameter.name, parameter.type]));
  const params: Record<string, JsonValue> = {};
  for (const [key, text] of pairs) {
    const type = types.get(key);
    if (!type)
      throw new Error(`The template has no parameter ${key}; it has ${[...types.keys()].join(', ')}`);
    try {
      params[key] = parameterFromText(type, text);
    } catch (error) {
      throw new Error(`--param ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const created = await api(url, '/api/v1/templates/install', {
    template,
    params,
    ...(name ? { workflowName: name } : {}),
  });
  console.log(JSON.stringify(created));
  return 0;
}

async function exportCommand(
  target: string,
  pairs: [string, string][],
  url: string,
  out?: string,
): Promise<number> {
  const parameters = Object.fromEntries(pairs);
  const template = existsSync(target)
    ? exportTemplate(workflowInputSchema.parse(JSON.parse(readFileSync(target, 'utf8'))), parameters)
    : await api(url, `/api/v1/templates/export/${encodeURIComponent(target)}`, { parameters });
  const text = `${JSON.stringify(template, null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

function splitPair(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new Error(`--param expects name=value, got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

async function api(url: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) {
    const error = (answer as { error?: { message?: string } }).error;
    throw new Error(`${response.status} from ${url}: ${error?.message ?? JSON.stringify(answer)}`);
  }
  return answer;
}
