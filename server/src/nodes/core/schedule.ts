import type { JsonValue } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';
import { cronProblem, isTimeZone } from './schedule-timing.js';

export const scheduleParamsSchema = z.object({
  cron: z
    .string()
    .superRefine((pattern, check) => {
      const problem = cronProblem(pattern);
      if (problem) check.addIssue({ code: 'custom', message: problem });
    })
    .default('0 9 * * *')
    .meta(
      paramMeta({
        title: { en: 'Cron pattern', 'zh-Hans': 'Cron 表达式', 'zh-Hant': 'Cron 運算式' },
        description: {
          en: 'Cron pattern: 5 fields (minute hour day month weekday), 6 with seconds first, or @daily',
          'zh-Hans': 'Cron 表达式：5 个字段（分 时 日 月 星期），6 个字段时首位为秒，或 @daily',
          'zh-Hant': 'Cron 運算式：5 個欄位（分 時 日 月 星期），6 個欄位時首位為秒，或 @daily',
        },
      }),
    ),
  timezone: z
    .string()
    .refine(isTimeZone, { message: 'Unknown time zone; use an IANA name such as Asia/Shanghai' })
    .default('UTC')
    .meta(
      paramMeta({
        title: { en: 'Time zone', 'zh-Hans': '时区', 'zh-Hant': '時區' },
        description: {
          en: 'IANA time zone the pattern is read in, e.g. Asia/Shanghai',
          'zh-Hans': '解读表达式所用的 IANA 时区，例如 Asia/Shanghai',
          'zh-Hant': '解讀運算式所用的 IANA 時區，例如 Asia/Shanghai',
        },
      }),
    ),
});

export type ScheduleParams = z.output<typeof scheduleParamsSchema>;

/** The item the scheduler hands the trigger for each fire time. */
export interface ScheduleTriggerItem {
  [key: string]: JsonValue;
  /** The planned fire time (ISO 8601), not the moment the run happened to start. */
  firedAt: string;
  cron: string;
  timezone: string;
}

export const scheduleNode = defineHostNode({
  id: 'schedule',
  title: { en: 'Schedule', 'zh-Hans': '定时触发', 'zh-Hant': '排程觸發' },
  description: {
    en: 'Starts the workflow on a cron schedule, e.g. every morning at 9.',
    'zh-Hans': '按 cron 计划启动工作流，例如每天早上 9 点。',
    'zh-Hant': '依 cron 排程啟動工作流程，例如每天早上 9 點。',
  },
  category: 'trigger',
  trigger: 'schedule',
  params: scheduleParamsSchema,
  run: (ctx) => ctx.input.main ?? [],
});
