import { describe, expect, it } from 'vitest';
import { planUserGroup, type LeftOut, type LeftOutReason, type OnCallMember, type UserGroupPlan } from './usergroup-plan.js';

const mia: OnCallMember = { userId: 'u-mia', name: 'Mia', slackUserId: 'U0MIA', kind: 'member' };
const adam: OnCallMember = { userId: 'u-adam', name: 'Adam', slackUserId: 'U0ADAM', kind: 'admin' };
const gus: OnCallMember = { userId: 'u-gus', name: 'Gus', slackUserId: 'U0GUS', kind: 'multi_channel_guest' };
const sina: OnCallMember = { userId: 'u-sina', name: 'Sina', slackUserId: 'U0SINA', kind: 'single_channel_guest' };
const robot: OnCallMember = { userId: 'u-bot', name: 'Deploy bot', slackUserId: 'U0BOT', kind: 'bot' };
const gone: OnCallMember = { userId: 'u-gone', name: 'Gone', slackUserId: 'U0GONE', kind: 'deactivated' };
const dana: OnCallMember = { userId: 'u-dana', name: 'Dana', slackUserId: null, kind: 'unlinked' };

const leftOut = (p: OnCallMember, reason: LeftOutReason): LeftOut => ({ userId: p.userId, name: p.name, slackUserId: p.slackUserId, reason });

describe('planUserGroup', () => {
  it.each<[string, OnCallMember[], string[], Partial<UserGroupPlan>]>([
    ['sets the new on-call member at a handoff', [mia], ['U0ADAM'], { action: 'set', members: ['U0MIA'], leftOut: [], warning: null }],
    ['unchanged membership makes no call', [mia], ['U0MIA'], { action: 'skip', reason: 'unchanged', members: ['U0MIA'], warning: null }],
    ['compares membership as a set (order and repeats do not count)', [adam, mia], ['U0MIA', 'U0ADAM', 'U0MIA'], { action: 'skip', reason: 'unchanged' }],
    ['repairs a member someone added by hand', [mia], ['U0MIA', 'U0ADAM'], { action: 'set', members: ['U0MIA'] }],
    ['fills a group that is empty', [adam], [], { action: 'set', members: ['U0ADAM'] }],
    ['bot excluded', [mia, robot], ['U0ADAM'], { action: 'set', members: ['U0MIA'], leftOut: [leftOut(robot, 'bot')], warning: null }],
    ['guest left out beside a member, without a warning', [gus, adam], ['U0MIA'], { action: 'set', members: ['U0ADAM'], leftOut: [leftOut(gus, 'guest')], warning: null }],
  ])('%s', (_title, onCall, current, expected) => {
    expect(planUserGroup({ handle: 'oncall', onCall, current })).toMatchObject(expected);
  });

  it.each<[string, OnCallMember[], string[], string, string]>([
    ['only a guest on call keeps the last member and warns', [gus], ['U0MIA'], 'kept_current_members', '@oncall keeps its current members: only Gus (a guest, whom Slack keeps out of user groups) is on call'],
    ['only a single-channel guest on call keeps the last member and warns', [sina], ['U0MIA'], 'kept_current_members', 'only Sina (a guest'],
    ['gap keeps last member', [], ['U0MIA'], 'kept_current_members', '@oncall keeps its current members: nobody is on call (a gap in the schedule), and Slack cannot empty a user group.'],
    ['a person with no Slack account keeps the last member', [dana], ['U0MIA'], 'kept_current_members', 'only Dana (no Slack account linked in Hikeshi) is on call'],
    ['a deactivated account and a bot keep the last member', [gone, robot], ['U0MIA'], 'kept_current_members', 'only Gone (deactivated in Slack), Deploy bot (a bot) are on call'],
    ['an empty group stays empty in a gap, and says why', [], [], 'group_stays_empty', '@oncall was not changed: nobody is on call (a gap in the schedule), and Slack cannot hold a user group with no members.'],
  ])('%s', (_title, onCall, current, code, message) => {
    const plan = planUserGroup({ handle: 'oncall', onCall, current });
    expect(plan.action).toBe('skip');
    expect(plan).toMatchObject({ reason: 'nobody_may_be_member', members: [...current].sort() });
    expect(plan.warning?.code).toBe(code);
    expect(plan.warning?.message).toContain(message);
    expect(plan.leftOut.map((p) => p.userId)).toEqual(onCall.map((p) => p.userId));
  });
});
