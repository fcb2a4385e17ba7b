import { defineNode, type Item, withFields, z } from '@sbss/sdk';

const ruleSchema = z.object({
  name: z.string().min(1).describe('Shown in the explanation when the rule fires'),
  when: z
    .boolean()
    .default(true)
    .describe('Condition per mention, as an expression: {{ $json.sentiment.label === "negative" }}'),
  points: z.number().describe('Added to the target when the rule fires (negative to subtract)'),
  target: z.enum(['urgency', 'leadScore']).default('urgency'),
  decay: z.boolean().default(true).describe('Let the points fade as the mention ages'),
});

const paramsSchema = z.object({
  rules: z.array(ruleSchema).default([]),
  halfLifeHours: z
    .number()
    .min(0)
    .default(24)
    .describe('Decaying points halve every this many hours after publishedAt; 0 turns decay off'),
  max: z.number().positive().default(100).describe('Scores are clamped to 0..max'),
});

type RuleParams = z.output<typeof paramsSchema>;

/** Hours between publishedAt and now; 0 for a missing, unreadable or future timestamp. */
function ageHours(item: Item, now: Date): number {
  const published = typeof item.publishedAt === 'string' ? Date.parse(item.publishedAt) : Number.NaN;
  return Number.isNaN(published) ? 0 : Math.max(0, (now.getTime() - published) / 3_600_000);
}

export function applyRules(item: Item, params: RuleParams, now: Date) {
  const factor = params.halfLifeHours > 0 ? 0.5 ** (ageHours(item, now) / params.halfLifeHours) : 1;
  const totals = { urgency: 0, leadScore: 0 };
  const rulesFired = [];
  for (const rule of params.rules) {
    if (!rule.when) continue;
    const points = Math.round(rule.points * (rule.decay ? factor : 1) * 100) / 100;
    totals[rule.target] += points;
    rulesFired.push({ rule: rule.name, target: rule.target, points });
  }
  const clamp = (value: number) => Math.round(Math.min(params.max, Math.max(0, value)) * 10) / 10;
  return { urgency: clamp(totals.urgency), leadScore: clamp(totals.leadScore), rulesFired };
}

export const rules = defineNode({
  id: 'rules',
  title: { en: 'Score rules', 'zh-Hans': '评分规则', 'zh-Hant': '評分規則' },
  description: {
    en: 'Point rules for urgency and lead score: each rule adds its points when its condition holds, fading with the mention’s age, and every mention lists the rules that fired.',
    'zh-Hans': '紧急度和线索分的加分规则：条件成立即加分，分数随提及时间衰减，并列出每条提及命中的规则。',
    'zh-Hant':
      '緊急度和潛在客戶分數的加分規則：條件成立即加分，分數隨提及時間衰減，並列出每則提及命中的規則。',
  },
  category: 'scoring',
  // Conditions are expressions: the engine evaluates them on whole items before the node runs.
  reads: ['publishedAt'],
  params: paramsSchema,
  run(ctx) {
    const now = ctx.now();
    return (ctx.input.main ?? []).map((item, index) =>
      withFields(item, applyRules(item, ctx.paramsFor(index), now)),
    );
  },
});
