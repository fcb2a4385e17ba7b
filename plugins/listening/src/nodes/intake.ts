import {
  defineCredential,
  defineNode,
  type Item,
  type JsonObject,
  type JsonValue,
  NodeError,
  z,
} from '@sbss/sdk';
import { getPath, isObject, setPath } from '../records/field-path.js';
import { signatureMatches } from '../records/hmac.js';
import { toMention } from '../records/to-mention.js';

export const webhookSecretCredential = defineCredential({
  id: 'listening-webhook-secret',
  title: { en: 'Webhook signing secret', 'zh-Hans': 'Webhook 签名密钥', 'zh-Hant': 'Webhook 簽名密鑰' },
  fields: z.object({ secret: z.string().min(1) }),
});

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

const params = z.object({
  path: z
    .string()
    .max(200)
    .regex(/^\/?[A-Za-z0-9_:-]+(?:\/[A-Za-z0-9_:-]+)*\/?$/, 'Use letters, digits, "_", "-", ":" and "/"')
    .describe('Served at /hooks/<path>'),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  responseMode: z
    .enum(['onReceived', 'lastNode'])
    .default('onReceived')
    .describe(
      'onReceived: answer as soon as the push is stored; lastNode: answer with what the workflow produced',
    ),
  secret: z.string().optional().describe('Signing secret written here; prefer `credential`'),
  credential: z
    .string()
    .optional()
    .describe('Name of a listening-webhook-secret credential holding the signing secret'),
  signatureHeader: z
    .string()
    .default('x-signature-256')
    .describe('Header with the HMAC-SHA256 of the raw body, hex or base64, "sha256=" prefix allowed'),
  source: z.string().min(1).default('webhook').describe('`source` for mentions that do not name one'),
  itemsPath: z
    .string()
    .optional()
    .describe('Where a batch push keeps its array of mentions, e.g. body.data; default: the body itself'),
  mapping: z
    .record(z.string(), jsonValue)
    .default({})
    .describe('Mention field → value, per request, e.g. { "author.name": "{{ $json.body.user.name }}" }'),
  fields: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      'Mention field → path inside each pushed element, e.g. { "text": "content", "author.name": "user.nick" }',
    ),
});

export const intakeNode = defineNode({
  id: 'intake',
  title: {
    en: 'Mention intake (webhook)',
    'zh-Hans': '提及接收（Webhook）',
    'zh-Hant': '提及接收（Webhook）',
  },
  description: {
    en: 'Receives mentions pushed by other tools, checks their HMAC signature and maps them into mentions.',
    'zh-Hans': '接收其他工具推送的提及，校验 HMAC 签名并映射为提及。',
    'zh-Hant': '接收其他工具推送的提及，校驗 HMAC 簽名並映射為提及。',
  },
  category: 'trigger',
  trigger: 'webhook',
  credentials: [webhookSecretCredential.id],
  params,
  outputs: {
    main: { title: { en: 'Mentions', 'zh-Hans': '提及', 'zh-Hant': '提及' } },
    invalid: { title: { en: 'Not a mention', 'zh-Hans': '无法识别', 'zh-Hant': '無法識別' } },
  },
  async run(ctx) {
    const main: Item[] = [];
    const invalid: Item[] = [];
    const requests = ctx.input.main ?? [];
    for (const [index, request] of requests.entries()) {
      const options = ctx.paramsFor(index);
      await verifySignature(request, options, (name) => ctx.credentials.get(name));
      for (const record of records(request, options)) {
        const result = toMention(record, { source: options.source, now: ctx.now() });
        if (result.ok) main.push(result.mention as Item);
        else invalid.push({ error: result.error, record });
      }
    }
    return { main, invalid };
  },
});

type Options = z.output<typeof params>;

async function verifySignature(
  request: Item,
  options: Options,
  credential: (name: string) => Promise<Record<string, string>>,
): Promise<void> {
  const secret = options.credential ? (await credential(options.credential)).secret : options.secret;
  if (!secret) return;
  const headers = isObject(request.headers) ? request.headers : {};
  const header = headers[options.signatureHeader.toLowerCase()];
  if (typeof header !== 'string' || !signatureMatches(secret, rawBody(request), header)) {
    throw new NodeError('SIGNATURE_INVALID', `Missing or wrong ${options.signatureHeader} signature`, {
      header: options.signatureHeader,
    });
  }
}

/**
 * The bytes the sender signed. The webhook runtime parses JSON bodies; when it also keeps the
 * text as `rawBody` that is used, otherwise a text body as is and a JSON body re-serialised
 * (which matches senders that sign compact JSON, as most do).
 */
function rawBody(request: Item): string {
  if (typeof request.rawBody === 'string') return request.rawBody;
  if (typeof request.body === 'string') return request.body;
  return JSON.stringify(request.body ?? null);
}

function records(request: Item, options: Options): JsonObject[] {
  const pushed = options.itemsPath ? getPath(request, options.itemsPath) : request.body;
  const elements = Array.isArray(pushed) ? pushed : [pushed ?? {}];
  return elements.map((element) => {
    const record: JsonObject = Object.keys(options.fields).length || !isObject(element) ? {} : { ...element };
    for (const [field, value] of Object.entries(options.mapping))
      if (value !== null) setPath(record, field, value);
    for (const [field, path] of Object.entries(options.fields)) {
      const value = getPath(element, path);
      if (value !== undefined) setPath(record, field, value);
    }
    return record;
  });
}
