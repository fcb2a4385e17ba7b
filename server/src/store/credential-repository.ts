import { and, asc, eq, sql } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import type { CredentialCipher } from './credential-cipher.js';
import type { StoreDb } from './database.js';
import { isUniqueViolation, toIso } from './row-codec.js';
import { credentials } from './schema.js';
import { uuidv7 } from './uuidv7.js';
import type { WriteQueue } from './write-queue.js';

/** What may leave the server: everything but the secret fields. */
export interface CredentialSummary {
  id: string;
  name: string;
  type: string;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialInput {
  name: string;
  type: string;
  data: Record<string, string>;
}

export interface CredentialRepository {
  /** A name taken in the workspace is a CONFLICT. */
  create(workspaceId: string, input: CredentialInput): Promise<CredentialSummary>;
  list(workspaceId: string): CredentialSummary[];
  get(workspaceId: string, idOrName: string): CredentialSummary | undefined;
  /** The decrypted fields; NOT_FOUND when the workspace has no such credential. */
  getDecrypted(workspaceId: string, idOrName: string): Record<string, string>;
  /** Replaces what is given; `data` replaces all fields. */
  update(workspaceId: string, id: string, input: Partial<CredentialInput>): Promise<CredentialSummary>;
  delete(workspaceId: string, id: string): Promise<void>;
}

const p = sql.placeholder;

interface SummaryRow {
  id: string;
  name: string;
  type: string;
  createdAt: number;
  updatedAt: number;
}

export function createCredentialRepository(
  db: StoreDb,
  queue: WriteQueue,
  cipher: () => CredentialCipher,
): CredentialRepository {
  const summary = {
    id: credentials.id,
    name: credentials.name,
    type: credentials.type,
    createdAt: credentials.createdAt,
    updatedAt: credentials.updatedAt,
  };
  const inWorkspace = eq(credentials.workspaceId, p('workspaceId'));
  const byId = db
    .select()
    .from(credentials)
    .where(and(inWorkspace, eq(credentials.id, p('key'))))
    .prepare();
  const byName = db
    .select()
    .from(credentials)
    .where(and(inWorkspace, eq(credentials.name, p('key'))))
    .prepare();
  const all = db
    .select(summary)
    .from(credentials)
    .where(inWorkspace)
    .orderBy(asc(credentials.name))
    .prepare();

  // Ids win over names: an id is what the editor stores once a credential is picked.
  const find = (workspaceId: string, key: string) =>
    byId.get({ workspaceId, key }) ?? byName.get({ workspaceId, key });
  const toSummary = (row: SummaryRow): CredentialSummary => ({
    id: row.id,
    name: row.name,
    type: row.type,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  });
  // The ciphertext is bound to its workspace and id, so a row copied elsewhere does not open.
  const context = (workspaceId: string, id: string) => `${workspaceId}/${id}`;
  const nameTaken = (name: string) =>
    new SbssError('CONFLICT', `A credential named "${name}" already exists`);
  const notFound = (key: string) => new SbssError('NOT_FOUND', `Credential ${key} was not found`);

  return {
    async create(workspaceId, { name, type, data }) {
      const id = uuidv7();
      const sealed = cipher().seal(JSON.stringify(data), context(workspaceId, id));
      return queue.enqueue(() => {
        const now = Date.now();
        try {
          db.insert(credentials)
            .values({ id, workspaceId, name, type, ...sealed, createdAt: now, updatedAt: now })
            .run();
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken(name);
          throw error;
        }
        return { id, name, type, createdAt: toIso(now), updatedAt: toIso(now) };
      });
    },

    list: (workspaceId) => all.all({ workspaceId }).map(toSummary),

    get(workspaceId, idOrName) {
      const row = find(workspaceId, idOrName);
      return row ? toSummary(row) : undefined;
    },

    getDecrypted(workspaceId, idOrName) {
      const row = find(workspaceId, idOrName);
      if (!row) throw notFound(idOrName);
      const plaintext = cipher().open(row, context(workspaceId, row.id));
      return JSON.parse(plaintext) as Record<string, string>;
    },

    async update(workspaceId, id, input) {
      const sealed = input.data && cipher().seal(JSON.stringify(input.data), context(workspaceId, id));
      return queue.enqueue(() => {
        const set: Partial<typeof credentials.$inferInsert> = { ...sealed, updatedAt: Date.now() };
        if (input.name !== undefined) set.name = input.name;
        if (input.type !== undefined) set.type = input.type;
        const where = and(eq(credentials.workspaceId, workspaceId), eq(credentials.id, id));
        try {
          db.update(credentials).set(set).where(where).run();
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
          throw error;
        }
        const row = byId.get({ workspaceId, key: id });
        if (!row) throw notFound(id);
        return toSummary(row);
      });
    },

    delete: (workspaceId, id) =>
      queue.enqueue(() => {
        const where = and(eq(credentials.workspaceId, workspaceId), eq(credentials.id, id));
        if (db.delete(credentials).where(where).run().changes === 0) throw notFound(id);
      }),
  };
}
