import {
  type CredentialsCapability,
  type DataCapability,
  dataBatchLimit,
  type HttpCapability,
  type JsonValue,
  type MailCapability,
  type StateCapability,
} from '@sbss/sdk';
import { z } from 'zod';
import { SbssError, toErrorRecord } from '../engine/errors.js';

/** The capabilities one sandboxed call was granted; each runs in the host. */
export interface GrantedCapabilities {
  http: HttpCapability;
  credentials: CredentialsCapability;
  state: StateCapability;
  data: DataCapability;
  /** Only for plugins whose manifest asks for the `mail` permission. */
  mail?: MailCapability;
}

// Requests reach `answerRequest` through JSON.parse of the text the isolate sent, so every value
// is JSON already and every object a JSON object: checking their fields again with z.json() or
// z.record() walked every field of a 4,000-record upsert.
const json = z.custom<JsonValue>((value) => value !== undefined, 'a JSON value is required');
const maxNameLength = 200;
const name = z.string().min(1).max(maxNameLength);
const isName = (value: unknown) =>
  typeof value === 'string' && value.length >= 1 && value.length <= maxNameLength;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const record = z.custom<Record<string, JsonValue>>(isRecord, 'a JSON object is required');
// Batches are checked in one loop each: a schema per element allocated for each of 10,000.
const dataKeys = z
  .custom<string[]>(
    (value) => Array.isArray(value) && value.every(isName),
    `keys must be 1 to ${maxNameLength} characters long`,
  )
  .refine((keys) => keys.length <= dataBatchLimit, `at most ${dataBatchLimit} keys a call`);
const isEntry = (entry: unknown) =>
  isRecord(entry) && isName(entry.key) && isRecord(entry.data) && Object.keys(entry).length === 2;
const dataEntries = z
  .custom<{ key: string; data: Record<string, JsonValue> }[]>(
    (value) => Array.isArray(value) && value.every(isEntry),
    `entries must be { key, data } with a key of 1 to ${maxNameLength} characters and an object as data`,
  )
  .refine((entries) => entries.length <= dataBatchLimit, `at most ${dataBatchLimit} entries a call`);
const dataQuery = z
  .object({
    where: z.record(z.string(), json).optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    limit: z.number().int().min(0).optional(),
    orderBy: z.string().optional(),
    desc: z.boolean().optional(),
  })
  .strict();
const dataAggregate = z
  .object({
    groupBy: z.string().optional(),
    bucket: z.enum(['hour', 'day', 'week']).optional(),
    where: z.record(z.string(), json).optional(),
    since: z.string().optional(),
    until: z.string().optional(),
  })
  .strict();
const mailMessage = z
  .object({
    credential: name,
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()).optional(),
    subject: z.string(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .strict();
const httpRequest = z
  .object({
    url: z.string(),
    method: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: json.optional(),
    timeoutMs: z.number().positive().optional(),
    responseType: z.enum(['text', 'json', 'base64']).optional(),
  })
  .strict();

/** Each operation: the schema of its arguments (checked, since they come from the sandbox) and the call. */
const operations = {
  'http.fetch': {
    args: z.tuple([httpRequest]),
    run: (c: GrantedCapabilities, [r]: [z.infer<typeof httpRequest>]) => c.http.fetch(r),
  },
  'credentials.get': {
    args: z.tuple([name]),
    run: (c: GrantedCapabilities, [n]: [string]) => c.credentials.get(n),
  },
  'state.get': { args: z.tuple([name]), run: (c: GrantedCapabilities, [k]: [string]) => c.state.get(k) },
  'state.set': {
    args: z.tuple([name, json]),
    run: (c: GrantedCapabilities, [k, v]: [string, JsonValue]) => c.state.set(k, v),
  },
  'state.delete': {
    args: z.tuple([name]),
    run: (c: GrantedCapabilities, [k]: [string]) => c.state.delete(k),
  },
  'data.insert': {
    args: z.tuple([name, z.array(record)]),
    run: (c: GrantedCapabilities, [n, r]: [string, Record<string, JsonValue>[]]) => c.data.insert(n, r),
  },
  'data.upsert': {
    args: z.tuple([name, name, record]),
    run: (c: GrantedCapabilities, [n, k, r]: [string, string, Record<string, JsonValue>]) =>
      c.data.upsert(n, k, r),
  },
  'data.upsertMany': {
    args: z.tuple([name, dataEntries]),
    run: (c: GrantedCapabilities, [n, e]: [string, z.infer<typeof dataEntries>]) => c.data.upsertMany(n, e),
  },
  'data.get': {
    args: z.tuple([name, name]),
    run: (c: GrantedCapabilities, [n, k]: [string, string]) => c.data.get(n, k),
  },
  'data.getMany': {
    args: z.tuple([name, dataKeys]),
    run: (c: GrantedCapabilities, [n, k]: [string, string[]]) => c.data.getMany(n, k),
  },
  'data.query': {
    args: z.union([z.tuple([name]), z.tuple([name, dataQuery])]),
    run: (c: GrantedCapabilities, [n, q]: [string, z.infer<typeof dataQuery>?]) => c.data.query(n, q),
  },
  'data.aggregate': {
    args: z.union([z.tuple([name]), z.tuple([name, dataAggregate])]),
    run: (c: GrantedCapabilities, [n, a]: [string, z.infer<typeof dataAggregate>?]) => c.data.aggregate(n, a),
  },
  'data.removeBefore': {
    args: z.tuple([name, z.iso.datetime({ offset: true })]),
    run: (c: GrantedCapabilities, [n, b]: [string, string]) => c.data.removeBefore(n, b),
  },
  'mail.send': {
    args: z.tuple([mailMessage]),
    run: (c: GrantedCapabilities, [m]: [z.infer<typeof mailMessage>]) => {
      if (!c.mail)
        throw new SbssError(
          'CREDENTIAL_UNAVAILABLE',
          "The plugin's manifest does not ask for the mail permission",
        );
      return c.mail.send(m);
    },
  },
} as const;

type Operation = keyof typeof operations;

/** A request as the runtime sends it: which call asks, for what, with which arguments. */
export const requestSchema = z.object({ call: z.string(), op: z.string(), args: z.array(z.unknown()) });

/**
 * Answers one capability request from the sandbox with JSON text: `{ ok: value }` or
 * `{ error: { code, message, details } }`. It never throws, and never lets an error's stack
 * or any host object cross: only the error's code, message and details do.
 */
export async function answerRequest(
  capabilities: GrantedCapabilities,
  op: string,
  args: unknown[],
): Promise<string> {
  try {
    if (!Object.hasOwn(operations, op)) throw new Error(`No capability "${op}"`);
    const operation = operations[op as Operation];
    const parsed = operation.args.safeParse(args);
    if (!parsed.success) {
      throw Object.assign(new Error(`Invalid arguments to ctx.${op}: ${parsed.error.issues[0]?.message}`), {
        code: 'BAD_REQUEST',
      });
    }
    const run = operation.run as (c: GrantedCapabilities, a: unknown) => Promise<unknown>;
    const value = await run(capabilities, parsed.data);
    // JSON has no undefined: `state.get` of a missing key answers "none" rather than null.
    return value === undefined ? '{"none":true}' : JSON.stringify({ ok: value });
  } catch (error) {
    return JSON.stringify({ error: toErrorRecord(error) });
  }
}
