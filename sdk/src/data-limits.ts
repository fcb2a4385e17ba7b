/**
 * Most keys `ctx.data.getMany`, and entries `ctx.data.upsertMany`, take in one call: the store
 * answers or writes a call in one go, so a call has to stay small enough not to hold it up.
 */
export const dataBatchLimit = 10_000;
