import { defineNode, type Item, issuesFrom, NodeError, z } from '@sbss/sdk';
import { parse as parseYaml } from 'yaml';
import { collections } from '../records/collections.js';
import { asJson } from '../records/json-record.js';
import { memberSchema, queueSchema } from '../records/team.js';
import { isTimeZone } from '../routing/local-time.js';

const teamSchema = z.object({
  members: z.array(memberSchema).default([]),
  queues: z.array(queueSchema).default([]),
});

const params = z.object({
  team: z.string().min(1).meta({
    widget: 'code',
    language: 'yaml',
    description: 'YAML or JSON: { members: [...], queues: [...] }, the record shapes in the plugin README',
  }),
});

export const setupTeamNode = defineNode({
  id: 'setup-team',
  title: { en: 'Set up team', 'zh-Hans': '配置团队', 'zh-Hant': '配置團隊' },
  description: {
    en: 'Writes members (skills, languages, regions, capacity, working hours) and queues used for case routing.',
    'zh-Hans': '写入用于工单分配的成员（技能、语言、地区、容量、工作时间）和队列。',
    'zh-Hant': '寫入用於工單分配的成員（技能、語言、地區、容量、工作時間）和佇列。',
  },
  category: 'crm',
  params,
  check: ({ team }) => issuesFrom(['team'], () => readTeam(team)),
  async run(ctx) {
    const team = readTeam(ctx.params.team);
    const known = new Set(team.members.map((member) => member.id));
    for (const queue of team.queues) {
      for (const id of queue.members) {
        if (known.has(id) || (await ctx.data.get(collections.members, id))) continue;
        throw new NodeError('TEAM_INVALID', `Queue ${queue.id} lists ${id}, who is not a member`);
      }
    }
    const out: Item[] = [];
    for (const member of team.members) {
      await ctx.data.upsert(collections.members, member.id, asJson(member));
      out.push({ kind: 'member', id: member.id });
    }
    for (const queue of team.queues) {
      await ctx.data.upsert(collections.queues, queue.id, asJson(queue));
      out.push({ kind: 'queue', id: queue.id });
    }
    ctx.log.info(`Saved ${team.members.length} members and ${team.queues.length} queues`);
    return out;
  },
});

function readTeam(text: string): z.output<typeof teamSchema> {
  let raw: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both.
    raw = parseYaml(text);
  } catch (error) {
    throw new NodeError('TEAM_INVALID', `The team is neither YAML nor JSON: ${String(error)}`);
  }
  const parsed = teamSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new NodeError(
      'TEAM_INVALID',
      `The team does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`,
      parsed.error.issues,
    );
  }
  for (const member of parsed.data.members) {
    if (!isTimeZone(member.timeZone)) {
      throw new NodeError(
        'TEAM_INVALID',
        `Member ${member.id} has an unknown time zone "${member.timeZone}"`,
      );
    }
  }
  return parsed.data;
}
