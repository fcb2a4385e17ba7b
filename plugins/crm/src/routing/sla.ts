import { z } from '@sbss/sdk';
import type { Priority } from '../records/case.js';

/** Minutes from opening to the SLA due time, per priority (calendar time, not business hours). */
export const slaSchema = z
  .object({
    urgent: z.number().int().min(1).default(60),
    high: z.number().int().min(1).default(240),
    normal: z.number().int().min(1).default(1440),
    low: z.number().int().min(1).default(4320),
  })
  .default({ urgent: 60, high: 240, normal: 1440, low: 4320 })
  .describe('Minutes until the SLA is due, per priority');
export type SlaMinutes = z.output<typeof slaSchema>;

export function slaDue(from: string | Date, priority: Priority, sla: SlaMinutes): string {
  const start = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return new Date(start + sla[priority] * 60_000).toISOString();
}
