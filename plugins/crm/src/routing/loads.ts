import type { DataCapability } from '@sbss/sdk';
import { collections } from '../records/collections.js';

/**
 * Open and pending cases per owner, counted by the store (one grouped count per status rather
 * than a scan of every case), so the figure is right however the cases were last edited.
 */
export async function ownerLoads(data: DataCapability): Promise<Map<string, number>> {
  const loads = new Map<string, number>();
  for (const status of ['open', 'pending']) {
    const rows = await data.aggregate(collections.cases, { groupBy: 'owner', where: { status } });
    for (const row of rows) {
      if (typeof row.group === 'string') loads.set(row.group, (loads.get(row.group) ?? 0) + row.count);
    }
  }
  return loads;
}
