import { checkParams } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { recordsOf, runWith } from '../test-support/seeded.test-support.js';
import { teamYaml } from '../test-support/team.test-support.js';
import { setupTeamNode } from './setup-team.js';

describe('crm/setup-team', () => {
  it('writes members and queues from YAML with defaults filled in', async () => {
    const result = await runNode(setupTeamNode, { params: { team: teamYaml }, input: [{}] });
    expect(result.output.main).toHaveLength(8);
    const members = recordsOf(result, 'members');
    expect(members.get('olga')).toMatchObject({
      active: true,
      skills: [],
      workingHours: [],
      timeZone: 'Europe/London',
    });
    expect(recordsOf(result, 'queues').get('on-call')).toMatchObject({ members: ['olga'], onCall: true });
  });

  it('reads JSON as well', async () => {
    const team = JSON.stringify({ members: [{ id: 'zoe', name: 'Zoe', timeZone: 'Asia/Taipei' }] });
    const result = await runNode(setupTeamNode, { params: { team } });
    expect(recordsOf(result, 'members').get('zoe')).toMatchObject({ capacity: 20 });
  });

  it('refuses an unknown time zone', async () => {
    const team = 'members: [{ id: x, name: X, timeZone: Mars/Olympus }]';
    await expect(runNode(setupTeamNode, { params: { team } })).rejects.toMatchObject({
      code: 'TEAM_INVALID',
    });
  });

  it('refuses a queue listing someone who is not a member', async () => {
    const team = 'queues: [{ id: q, name: Q, members: [ghost] }]';
    await expect(runNode(setupTeamNode, { params: { team } })).rejects.toThrow(/ghost/);
  });

  it('accepts a queue of members set up earlier', async () => {
    const earlier = await runNode(setupTeamNode, { params: { team: teamYaml } });
    const team = 'queues: [{ id: vip, name: VIP, members: [ana, ben] }]';
    const result = await runWith(setupTeamNode, earlier.data, { params: { team } });
    expect(recordsOf(result, 'queues').get('vip')).toMatchObject({ members: ['ana', 'ben'] });
  });

  it('reports what is wrong with the team while the workflow is edited', async () => {
    expect(await checkParams(setupTeamNode, { team: teamYaml })).toEqual([]);
    expect(
      await checkParams(setupTeamNode, { team: 'members: [{ id: x, name: X, capacity: lots }]' }),
    ).toEqual([
      { path: ['team'], message: expect.stringMatching(/expected shape at members\.0\.capacity: /) },
    ]);
    expect(
      await checkParams(setupTeamNode, { team: 'members: [{ id: x, name: X, timeZone: Mars/Olympus }]' }),
    ).toEqual([{ path: ['team'], message: 'Member x has an unknown time zone "Mars/Olympus"' }]);
  });

  it('refuses malformed working hours', async () => {
    const team = 'members: [{ id: x, name: X, workingHours: [{ days: [mon], start: "9am", end: "18:00" }] }]';
    await expect(runNode(setupTeamNode, { params: { team } })).rejects.toMatchObject({
      code: 'TEAM_INVALID',
    });
  });
});
