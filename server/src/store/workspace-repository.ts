import { asc, eq, sql } from 'drizzle-orm';
import { SbssError } from '../engine/errors.js';
import type { StoreDb } from './database.js';
import { isUniqueViolation, toIso } from './row-codec.js';
import { workspaces } from './schema.js';
import { uuidv7 } from './uuidv7.js';
import type { WriteQueue } from './write-queue.js';

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface WorkspaceRepository {
  create(input: { id?: string; name: string }): Promise<Workspace>;
  get(id: string): Workspace | undefined;
  list(): Workspace[];
}

export function createWorkspaceRepository(db: StoreDb, queue: WriteQueue): WorkspaceRepository {
  const byId = db
    .select()
    .from(workspaces)
    .where(eq(workspaces.id, sql.placeholder('id')))
    .prepare();
  const all = db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id)).prepare();
  const insert = db
    .insert(workspaces)
    .values({
      id: sql.placeholder('id'),
      name: sql.placeholder('name'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare();

  const toWorkspace = (row: typeof workspaces.$inferSelect): Workspace => ({
    id: row.id,
    name: row.name,
    createdAt: toIso(row.createdAt),
  });

  return {
    create: ({ id = uuidv7(), name }) =>
      queue.enqueue(() => {
        const createdAt = Date.now();
        try {
          insert.run({ id, name, createdAt });
        } catch (error) {
          if (isUniqueViolation(error)) throw new SbssError('CONFLICT', `Workspace ${id} already exists`);
          throw error;
        }
        return { id, name, createdAt: toIso(createdAt) };
      }),
    get: (id) => {
      const row = byId.get({ id });
      return row ? toWorkspace(row) : undefined;
    },
    list: () => all.all().map(toWorkspace),
  };
}
