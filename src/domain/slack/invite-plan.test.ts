import { describe, expect, it } from 'vitest';
import { planInvites, type TokenStrategy } from './invite-plan.js';
import type { SlackUserFacts } from './slack-user.js';

const user = (id: string, flags: Partial<SlackUserFacts> = {}): SlackUserFacts => ({
  id,
  name: id,
  isAdmin: false,
  isOwner: false,
  isBot: false,
  isRestricted: false,
  isUltraRestricted: false,
  deleted: false,
  ...flags,
});

const member = user('UMEMBER');
const guest = user('UGUEST', { isRestricted: true });
const singleGuest = user('USINGLE', { isRestricted: true, isUltraRestricted: true });
const bot = user('UBOT', { isBot: true });
const gone = user('UGONE', { deleted: true });
const ADMIN = 'UADMIN';

describe('planInvites', () => {
  it('auto: members by bot, both kinds of guest by the admin token, after adding the admin to the channel', () => {
    expect(planInvites({ strategy: 'auto', invitees: [member, guest, singleGuest], members: [], adminUserId: ADMIN })).toEqual({
      creator: 'bot',
      addAdminFirst: ADMIN,
      steps: [
        { userId: 'UMEMBER', kind: 'member', via: 'bot' },
        { userId: 'UGUEST', kind: 'multi_channel_guest', via: 'admin' },
        { userId: 'USINGLE', kind: 'single_channel_guest', via: 'admin' },
      ],
    });
  });

  it('auto without an admin token: guests are skipped with a reason instead of failing silently', () => {
    const plan = planInvites({ strategy: 'auto', invitees: [member, guest], members: [], adminUserId: null });
    expect(plan.addAdminFirst).toBeNull();
    expect(plan.steps[1]).toEqual({ userId: 'UGUEST', kind: 'multi_channel_guest', skip: 'guest_needs_admin_token' });
  });

  it('classifies a single-channel guest that also carries is_restricted as single-channel', () => {
    expect(planInvites({ strategy: 'auto', invitees: [singleGuest], members: [], adminUserId: ADMIN }).steps[0]!.kind).toBe('single_channel_guest');
  });

  it.each<[TokenStrategy, string | null, string, string]>([
    ['bot', ADMIN, 'bot', 'skip'],
    ['user', ADMIN, 'admin', 'admin'],
    ['user', null, 'bot', 'skip'],
  ])('strategy %s (admin token %s): channel by %s, guest %s', (strategy, admin, creator, guestVia) => {
    const plan = planInvites({ strategy, invitees: [member, guest], members: [], adminUserId: admin });
    expect(plan.creator).toBe(creator);
    const step = plan.steps[1]!;
    expect('via' in step ? step.via : 'skip').toBe(guestVia);
  });

  it('user strategy: the admin created the channel, so it need not be added first', () => {
    expect(planInvites({ strategy: 'user', invitees: [guest], members: [], adminUserId: ADMIN }).addAdminFirst).toBeNull();
  });

  it('skips bots, deactivated users, people already in the channel and duplicates', () => {
    const plan = planInvites({ strategy: 'auto', invitees: [bot, gone, member, member], members: ['UMEMBER'], adminUserId: ADMIN });
    expect(plan.steps).toEqual([
      { userId: 'UBOT', kind: 'bot', skip: 'bot' },
      { userId: 'UGONE', kind: 'deactivated', skip: 'deactivated' },
      { userId: 'UMEMBER', kind: 'member', skip: 'already_member' },
    ]);
    expect(plan.addAdminFirst).toBeNull();
  });

  it('does not add the admin first when the admin is already a member', () => {
    expect(planInvites({ strategy: 'auto', invitees: [guest], members: [ADMIN], adminUserId: ADMIN }).addAdminFirst).toBeNull();
  });
});
