import { type Item, type JsonObject, type NodeContext, withFields } from '@sbss/sdk';

const stateKey = 'sent';

/**
 * Sends one message per input item, at most once per item and execution. Robot webhooks take no
 * idempotency key, so the node remembers which items of this execution went out: a step retried
 * after item 3 hit a rate limit sends items 3.. again, not 1 and 2. Only the current execution's
 * keys are kept, so the state stays small.
 */
export async function sendEach<P>(
  ctx: NodeContext<P>,
  channel: string,
  send: (params: P, item: Item, index: number) => Promise<JsonObject>,
): Promise<Item[]> {
  const saved = await ctx.state.get<JsonObject>(stateKey);
  const keys =
    saved?.executionId === ctx.executionId && Array.isArray(saved.keys) ? saved.keys.map(String) : [];
  const output: Item[] = [];
  for (const [index, item] of (ctx.input.main ?? []).entries()) {
    const key = ctx.idempotencyKey(index);
    if (keys.includes(key)) {
      output.push(
        withFields(item, { notification: { channel, skipped: 'already sent by an earlier attempt' } }),
      );
      continue;
    }
    const result = await send(ctx.paramsFor(index), item, index);
    keys.push(key);
    await ctx.state.set(stateKey, { executionId: ctx.executionId, keys });
    output.push(
      withFields(item, { notification: { channel, sentAt: new Date(Date.now()).toISOString(), ...result } }),
    );
  }
  return output;
}
