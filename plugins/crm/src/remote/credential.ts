import { type NodeContext, NodeError, type z } from '@sbss/sdk';

/** Reads a credential the node's `credential` param names and checks it has the type's fields. */
export async function readCredential<S extends z.ZodType>(
  ctx: Pick<NodeContext, 'credentials'>,
  name: string,
  fields: S,
): Promise<z.output<S>> {
  const parsed = fields.safeParse(await ctx.credentials.get(name));
  if (!parsed.success) {
    throw new NodeError(
      'CREDENTIAL_INVALID',
      `Credential "${name}" is missing fields`,
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
  }
  return parsed.data;
}
