import { App } from '@slack/bolt';
import { ErrorCode, LogLevel, WebClient, WebClientEvent, type WebClientOptions } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackEmulator, type EmulatedUser, type SlackEmulator } from '../slack-emulator/index.js';

const BOT_SCOPES = [
  'channels:manage', 'channels:join', 'channels:read', 'channels:write.invites', 'channels:write.topic', 'groups:write',
  'groups:read', 'chat:write', 'pins:write', 'pins:read', 'reactions:write', 'reactions:read', 'users:read',
  'users:read.email', 'usergroups:read', 'usergroups:write', 'im:write',
];
const ADMIN_SCOPES = ['channels:write', 'channels:write.invites', 'groups:write', 'usergroups:write', 'usergroups:read', 'users:read'];

let emu: SlackEmulator;
let owner: EmulatedUser, admin: EmulatedUser, member: EmulatedUser, member2: EmulatedUser;
let guest: EmulatedUser, singleGuest: EmulatedUser;
let botToken: string;
let adminToken: string;

function client(token?: string, options: WebClientOptions = {}): WebClient {
  return new WebClient(token, { slackApiUrl: emu.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...options });
}

/** The `data` of the Slack platform error the call ends in (fails the test if it succeeds). */
async function slackError(call: Promise<unknown>): Promise<Record<string, unknown> & { error: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; data?: Record<string, unknown> & { error: string } };
    if (e.code === ErrorCode.PlatformError && e.data) return e.data;
    throw error;
  }
  throw new Error('expected the call to fail with a Slack error');
}

beforeEach(async () => {
  emu = await startSlackEmulator();
  const ws = emu.workspace;
  owner = ws.addUser({ name: 'olivia', kind: 'owner' });
  admin = ws.addUser({ name: 'adam', kind: 'admin', email: 'Adam@Example.com', tz: 'Asia/Tokyo' });
  member = ws.addUser({ name: 'mia' });
  member2 = ws.addUser({ name: 'max' });
  guest = ws.addUser({ name: 'gus', kind: 'multi_channel_guest' });
  singleGuest = ws.addUser({ name: 'sina', kind: 'single_channel_guest' });
  botToken = ws.issueBotToken(BOT_SCOPES);
  adminToken = ws.issueUserToken(admin.id, ADMIN_SCOPES);
});

afterEach(async () => emu.close());

describe('Slack emulator: wire format and tokens', () => {
  it('answers auth.test for bot and user tokens through a real WebClient', async () => {
    const bot = await client(botToken).auth.test();
    expect(bot).toMatchObject({ ok: true, team_id: 'T0001', user_id: emu.workspace.botUser.id, bot_id: emu.workspace.botUser.bot_id });
    expect(bot.response_metadata?.scopes).toEqual(BOT_SCOPES);
    const user = await client(adminToken).auth.test();
    expect(user).toMatchObject({ ok: true, user_id: admin.id, user: 'adam' });
    expect(user.bot_id).toBeUndefined();
  });

  it('takes the token from the form field and JSON bodies from the header', async () => {
    const form = await fetch(`${emu.url}auth.test`, { method: 'POST', body: new URLSearchParams({ token: botToken }) });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ ok: true, user_id: emu.workspace.botUser.id });
    const json = await fetch(`${emu.url}conversations.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${botToken}` },
      body: JSON.stringify({ name: 'inc-json', is_private: false }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: { name: 'inc-json', is_member: true } });
    const bad = await fetch(`${emu.url}auth.test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(await bad.json()).toEqual({ ok: false, error: 'invalid_json' });
  });

  it('refuses missing, unknown, revoked and app-level tokens, and unknown methods', async () => {
    expect((await slackError(client().auth.test())).error).toBe('not_authed');
    expect((await slackError(client('xoxb-nope').auth.test())).error).toBe('invalid_auth');
    expect((await slackError(client(botToken).apiCall('nope.never'))).error).toBe('unknown_method');
    expect((await slackError(client(emu.workspace.issueAppToken()).auth.test())).error).toBe('not_allowed_token_type');
    expect(await client(adminToken).auth.revoke()).toMatchObject({ ok: true, revoked: true });
    expect((await slackError(client(adminToken).auth.test())).error).toBe('token_revoked');
    emu.workspace.revokeToken(botToken);
    expect((await slackError(client(botToken).auth.test())).error).toBe('token_revoked');
  });

  it('answers missing_scope with needed and provided', async () => {
    const narrow = emu.workspace.issueBotToken(['chat:write']);
    const data = await slackError(client(narrow).conversations.create({ name: 'inc-1' }));
    expect(data).toMatchObject({ error: 'missing_scope', needed: 'channels:manage', provided: 'chat:write' });
    const noPrivate = emu.workspace.issueBotToken(['channels:manage']);
    const priv = await slackError(client(noPrivate).conversations.create({ name: 'inc-2', is_private: true }));
    expect(priv).toMatchObject({ error: 'missing_scope', needed: 'groups:write' });
    const noEmailScope = emu.workspace.issueBotToken(['users:read']);
    const info = await client(noEmailScope).users.info({ user: admin.id });
    expect(info.user?.profile?.email).toBeUndefined();
  });

  it('logs every call with its token kind, arguments and answer', async () => {
    await client(botToken).auth.test();
    await slackError(client(adminToken).conversations.create({ name: 'Nope' }));
    expect(emu.calls.map((c) => [c.method, c.tokenKind, c.answer.ok])).toEqual([
      ['auth.test', 'bot', true],
      ['conversations.create', 'user', false],
    ]);
    expect(emu.callsTo('conversations.create')[0]).toMatchObject({ userId: admin.id, args: { name: 'Nope' }, answer: { error: 'invalid_name_specials' } });
    expect(JSON.stringify(emu.calls)).not.toContain(adminToken);
  });

  it('works as a Bolt app client', async () => {
    const app = new App({ token: botToken, signingSecret: 'secret', clientOptions: { slackApiUrl: emu.url }, deferInitialization: true, logLevel: LogLevel.ERROR });
    await app.init();
    const channel = emu.workspace.addChannel({ name: 'bolt', members: [emu.workspace.botUser.id] });
    await app.client.chat.postMessage({ channel: channel.id, text: 'from bolt' });
    expect(emu.callsTo('auth.test')).toHaveLength(1);
    expect(emu.workspace.messagesIn(channel.id).map((m) => m.text)).toEqual(['from bolt']);
  });
});

describe('Slack emulator: users', () => {
  it('reports guest, admin and owner flags, email and time zone', async () => {
    const slack = client(botToken);
    expect((await slack.users.info({ user: guest.id })).user).toMatchObject({ is_restricted: true, is_ultra_restricted: false });
    expect((await slack.users.info({ user: singleGuest.id })).user).toMatchObject({ is_restricted: true, is_ultra_restricted: true });
    expect((await slack.users.info({ user: owner.id })).user).toMatchObject({ is_owner: true, is_admin: true });
    expect((await slack.users.info({ user: admin.id })).user).toMatchObject({
      is_admin: true, is_owner: false, tz: 'Asia/Tokyo', tz_offset: 32400, profile: { email: 'Adam@Example.com' },
    });
    expect((await slack.users.info({ user: emu.workspace.botUser.id })).user).toMatchObject({ is_bot: true });
    expect((await slackError(slack.users.info({ user: 'UNOBODY' }))).error).toBe('user_not_found');
    expect((await slack.users.lookupByEmail({ email: 'adam@example.com' })).user?.id).toBe(admin.id);
    expect((await slackError(slack.users.lookupByEmail({ email: 'who@example.com' }))).error).toBe('users_not_found');
  });

  it('paginates users.list and conversations.members with cursors', async () => {
    const slack = client(botToken);
    const first = await slack.users.list({ limit: 3 });
    expect(first.members).toHaveLength(3);
    expect(first.response_metadata?.next_cursor).not.toBe('');
    const ids: string[] = [];
    for await (const page of slack.paginate('users.list', { limit: 3 })) {
      ids.push(...(page as unknown as { members: { id: string }[] }).members.map((m) => m.id));
    }
    expect(ids).toEqual([...emu.workspace.users.keys()]);
    const last = await slack.users.list({ limit: 1000 });
    expect(last.response_metadata?.next_cursor).toBe('');
    expect((await slackError(slack.users.list({ cursor: 'garbage' }))).error).toBe('invalid_cursor');

    const all = [owner, admin, member, member2].map((u) => u.id);
    const channel = emu.workspace.addChannel({ name: 'big', members: all });
    const page1 = await slack.conversations.members({ channel: channel.id, limit: 3 });
    const page2 = await slack.conversations.members({ channel: channel.id, limit: 3, cursor: page1.response_metadata!.next_cursor! });
    expect([...page1.members!, ...page2.members!]).toEqual(all);
    expect(page2.response_metadata?.next_cursor).toBe('');
  });
});

describe('Slack emulator: channels', () => {
  it.each([
    ['', 'invalid_name_required'],
    ['Incident-1', 'invalid_name_specials'],
    ['inc 1', 'invalid_name_specials'],
    ['inc.1', 'invalid_name_specials'],
    ['inc#1', 'invalid_name_specials'],
    ['x'.repeat(81), 'invalid_name_maxlength'],
    ['--_', 'invalid_name_punctuation'],
  ])('refuses the channel name %j with %s', async (name, error) => {
    expect((await slackError(client(botToken).conversations.create({ name }))).error).toBe(error);
  });

  it('creates channels the bot is a member of, and refuses a taken name', async () => {
    const slack = client(botToken);
    const created = await slack.conversations.create({ name: 'inc-42_db-' + 'x'.repeat(70) });
    expect(created.channel).toMatchObject({ is_member: true, is_private: false, creator: emu.workspace.botUser.id });
    const priv = await slack.conversations.create({ name: 'inc-43', is_private: true });
    expect(priv.channel).toMatchObject({ is_private: true, is_group: true });
    expect(emu.workspace.channel(priv.channel!.id!)!.members).toEqual([emu.workspace.botUser.id]);
    expect((await slackError(slack.conversations.create({ name: 'inc-43' }))).error).toBe('name_taken');
  });

  it('lets no guest create a channel (restricted_action)', async () => {
    for (const user of [guest, singleGuest]) {
      const token = emu.workspace.issueUserToken(user.id, ['channels:write']);
      expect((await slackError(client(token).conversations.create({ name: `from-${user.name}` }))).error).toBe('restricted_action');
    }
    const memberToken = emu.workspace.issueUserToken(member.id, ['channels:write']);
    expect((await client(memberToken).conversations.create({ name: 'from-member' })).ok).toBe(true);
  });

  it('joins, sets the topic, reads info and archives', async () => {
    const slack = client(botToken);
    const channel = emu.workspace.addChannel({ name: 'ops', members: [member.id] });
    expect((await slackError(slack.conversations.setTopic({ channel: channel.id, topic: 'x' }))).error).toBe('not_in_channel');
    await slack.conversations.join({ channel: channel.id });
    const again = await slack.conversations.join({ channel: channel.id });
    expect(again.warning).toBe('already_in_channel');
    await slack.conversations.setTopic({ channel: channel.id, topic: 'SEV1: db down' });
    expect((await slackError(slack.conversations.setTopic({ channel: channel.id, topic: 'x'.repeat(251) }))).error).toBe('too_long');
    const info = await slack.conversations.info({ channel: channel.id, include_num_members: true });
    expect(info.channel).toMatchObject({ topic: { value: 'SEV1: db down' }, num_members: 2, is_member: true });
    const hidden = emu.workspace.addChannel({ name: 'secret', is_private: true, members: [member.id] });
    expect((await slackError(slack.conversations.info({ channel: hidden.id }))).error).toBe('channel_not_found');
    await slack.conversations.archive({ channel: channel.id });
    expect((await slackError(slack.conversations.archive({ channel: channel.id }))).error).toBe('already_archived');
    expect((await slackError(slack.chat.postMessage({ channel: channel.id, text: 'x' }))).error).toBe('is_archived');
  });
});

describe('Slack emulator: inviting guests', () => {
  let channel: string;
  beforeEach(async () => {
    channel = (await client(botToken).conversations.create({ name: 'inc-7' })).channel!.id!;
  });

  it('invites members with the bot token (comma-separated users)', async () => {
    const answer = await client(botToken).conversations.invite({ channel, users: `${member.id},${member2.id}` });
    expect(answer.channel).toMatchObject({ id: channel, is_member: true });
    expect(emu.workspace.channel(channel)!.members).toEqual([emu.workspace.botUser.id, member.id, member2.id]);
    const again = await slackError(client(botToken).conversations.invite({ channel, users: member.id }));
    expect(again).toMatchObject({ error: 'already_in_channel', errors: [{ user: member.id, ok: false, error: 'already_in_channel' }] });
    const self = await slackError(client(botToken).conversations.invite({ channel, users: emu.workspace.botUser.id }));
    expect(self.error).toBe('cant_invite_self');
  });

  it('refuses a multi-channel guest invited with the bot token (user_is_restricted), inviting nobody', async () => {
    const data = await slackError(client(botToken).conversations.invite({ channel, users: `${member.id},${guest.id}` }));
    expect(data).toMatchObject({ error: 'user_is_restricted', errors: [{ user: guest.id, ok: false, error: 'user_is_restricted' }] });
    expect(emu.workspace.channel(channel)!.members).not.toContain(member.id);

    const forced = await client(botToken).conversations.invite({ channel, users: `${member.id},${guest.id}`, force: true });
    expect(forced.errors).toEqual([{ user: guest.id, ok: false, error: 'user_is_restricted' }]);
    expect(emu.workspace.channel(channel)!.members).toContain(member.id);

    emu.workspace.settings.botGuestInviteError = 'cant_invite';
    expect((await slackError(client(botToken).conversations.invite({ channel, users: guest.id }))).error).toBe('cant_invite');
  });

  it('lets an admin user token in the channel invite a guest, and not before joining', async () => {
    const adminClient = client(adminToken);
    expect((await slackError(adminClient.conversations.invite({ channel, users: guest.id }))).error).toBe('not_in_channel');
    await adminClient.conversations.join({ channel });
    await adminClient.conversations.invite({ channel, users: guest.id });
    expect(emu.workspace.channel(channel)!.members).toContain(guest.id);

    const memberToken = emu.workspace.issueUserToken(member.id, ['channels:write']);
    await client(botToken).conversations.invite({ channel, users: member.id });
    const other = (await client(botToken).conversations.create({ name: 'inc-8' })).channel!.id!;
    await client(botToken).conversations.invite({ channel: other, users: member.id });
    expect((await slackError(client(memberToken).conversations.invite({ channel: other, users: guest.id }))).error).toBe('user_is_restricted');
  });

  it('adds a single-channel guest to one channel only (ura_max_channels)', async () => {
    const adminClient = client(adminToken);
    await adminClient.conversations.join({ channel });
    await adminClient.conversations.invite({ channel, users: singleGuest.id });
    const second = (await client(botToken).conversations.create({ name: 'inc-9' })).channel!.id!;
    await client(botToken).conversations.invite({ channel: second, users: admin.id });
    expect((await slackError(adminClient.conversations.invite({ channel: second, users: singleGuest.id }))).error).toBe('ura_max_channels');
    expect((await slackError(client(botToken).conversations.invite({ channel: second, users: singleGuest.id }))).error).toBe('ura_max_channels');
  });

  it('refuses guests as inviters and hides private channels from non-members', async () => {
    const guestToken = emu.workspace.issueUserToken(guest.id, ['channels:write']);
    await client(adminToken).conversations.join({ channel });
    await client(adminToken).conversations.invite({ channel, users: guest.id });
    expect((await slackError(client(guestToken).conversations.invite({ channel, users: member.id }))).error).toBe('restricted_action');
    const priv = emu.workspace.addChannel({ name: 'private-war-room', is_private: true, members: [owner.id] });
    expect((await slackError(client(adminToken).conversations.invite({ channel: priv.id, users: guest.id }))).error).toBe('channel_not_found');
    const elsewhere = emu.workspace.addChannel({ name: 'elsewhere', members: [owner.id] });
    expect((await slackError(client(botToken).conversations.invite({ channel: elsewhere.id, users: member.id }))).error).toBe('not_in_channel');
  });
});

describe('Slack emulator: user groups', () => {
  it('refuses the bot token unless everyone may manage user groups; an admin token works', async () => {
    const bot = client(botToken);
    expect((await slackError(bot.usergroups.create({ name: 'On-call', handle: 'oncall' }))).error).toBe('permission_denied');
    const created = await client(adminToken).usergroups.create({ name: 'On-call', handle: 'oncall' });
    const id = created.usergroup!.id!;
    expect((await slackError(bot.usergroups.users.update({ usergroup: id, users: member.id }))).error).toBe('permission_denied');
    const memberToken = emu.workspace.issueUserToken(member.id, ['usergroups:write']);
    expect((await slackError(client(memberToken).usergroups.users.update({ usergroup: id, users: member.id }))).error).toBe('permission_denied');

    emu.workspace.settings.usergroupsManagedBy = 'everyone';
    const updated = await bot.usergroups.users.update({ usergroup: id, users: `${member.id},${member2.id}` });
    expect(updated.usergroup).toMatchObject({ id, handle: 'oncall', users: [member.id, member2.id], user_count: 2 });
    await client(memberToken).usergroups.users.update({ usergroup: id, users: member.id });
    const guestToken = emu.workspace.issueUserToken(guest.id, ['usergroups:write']);
    expect((await slackError(client(guestToken).usergroups.users.update({ usergroup: id, users: member.id }))).error).toBe('permission_denied');

    expect((await bot.usergroups.users.list({ usergroup: id })).users).toEqual([member.id]);
    const listed = await bot.usergroups.list({ include_users: true, include_count: true });
    expect(listed.usergroups).toEqual([expect.objectContaining({ id, users: [member.id], user_count: 1 })]);
    expect((await slackError(bot.usergroups.users.list({ usergroup: 'SNOPE' }))).error).toBe('no_such_subteam');
  });

  it('refuses guests, bots and an empty list as members', async () => {
    const admins = client(adminToken);
    const id = (await admins.usergroups.create({ name: 'SRE', handle: 'sre' })).usergroup!.id!;
    const attempt = async (users: string) => (await slackError(admins.usergroups.users.update({ usergroup: id, users }))).error;
    expect(await attempt(`${member.id},${guest.id}`)).toBe('invalid_user');
    expect(await attempt(singleGuest.id)).toBe('single_channel_guests_cannot_be_added');
    expect(await attempt(emu.workspace.botUser.id)).toBe('invalid_user');
    expect(await attempt('')).toBe('no_users_provided');
    expect(await attempt('UNOBODY')).toBe('invalid_users');
    expect(emu.workspace.usergroups.get(id)!.users).toEqual([]);
    expect((await slackError(admins.usergroups.create({ name: 'SRE 2', handle: 'sre' }))).error).toBe('handle_already_exists');
    expect((await slackError(admins.usergroups.create({ name: 'SRE', handle: 'sre2' }))).error).toBe('name_already_exists');
    emu.workspace.settings.plan = 'free';
    expect((await slackError(admins.usergroups.list())).error).toBe('plan_upgrade_required');
  });
});

describe('Slack emulator: failures, rate limits and latency', () => {
  it('answers an injected 429 with Retry-After, which WebClient reports', async () => {
    emu.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const rejecting = client(botToken, { rejectRateLimitedCalls: true });
    const error = (await rejecting.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as {
      code: string;
      retryAfter: number;
    };
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    expect(emu.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', status: 429, answer: { error: 'ratelimited' } });
    const raw = await fetch(`${emu.url}auth.test`, { method: 'POST', body: new URLSearchParams({ token: botToken }) });
    expect(raw.status).toBe(200);
  });

  it('lets WebClient wait out Retry-After and retry', async () => {
    emu.failNext('auth.test', { status: 429, retryAfter: 1 });
    const retrying = client(botToken, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const waits: number[] = [];
    retrying.on(WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    const started = Date.now();
    expect((await retrying.auth.test()).ok).toBe(true);
    expect(waits).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(emu.callsTo('auth.test').map((c) => c.status)).toEqual([429, 200]);
  });

  it('injects HTTP 500s and platform errors, a number of times', async () => {
    emu.failNext('users.info', { status: 500 });
    const http = (await client(botToken).users.info({ user: admin.id }).catch((e: unknown) => e)) as { code: string; statusCode: number };
    expect(http).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    emu.failNext('*', { error: 'fatal_error' }, 2);
    expect((await slackError(client(botToken).auth.test())).error).toBe('fatal_error');
    expect((await slackError(client(botToken).users.info({ user: admin.id }))).error).toBe('fatal_error');
    expect((await client(botToken).auth.test()).ok).toBe(true);
  });

  it('limits a method to its tier allowance when switched on', async () => {
    emu.setRateLimits({ enabled: true, perWindow: { '2': 2 } });
    const slack = client(botToken, { rejectRateLimitedCalls: true });
    await slack.conversations.create({ name: 'a1' });
    await slack.conversations.create({ name: 'a2' });
    const error = (await slack.conversations.create({ name: 'a3' }).catch((e: unknown) => e)) as { code: string; retryAfter: number };
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBeGreaterThanOrEqual(59);
    expect((await slack.users.info({ user: admin.id })).ok).toBe(true); // Tier 4, its own budget
    emu.setRateLimits({ enabled: false });
    expect((await slack.conversations.create({ name: 'a3' })).ok).toBe(true);
  });

  it('limits chat.postMessage to one message per second per channel when switched on', async () => {
    emu.setRateLimits({ enabled: true });
    const slack = client(botToken, { rejectRateLimitedCalls: true });
    const [a, b] = ['pm-a', 'pm-b'].map((name) => emu.workspace.addChannel({ name, members: [emu.workspace.botUser.id] }).id);
    await slack.chat.postMessage({ channel: a!, text: '1' });
    const error = (await slack.chat.postMessage({ channel: a!, text: '2' }).catch((e: unknown) => e)) as { code: string; retryAfter: number };
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    expect((await slack.chat.postMessage({ channel: b!, text: '1' })).ok).toBe(true);
  });

  it('delays answers by the set latency', async () => {
    emu.setLatency(200);
    const started = Date.now();
    await client(botToken).auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('Slack emulator: OAuth v2', () => {
  it('exchanges a registered code for a bot token and the installer user token, once', async () => {
    emu.workspace.revokeToken(botToken);
    emu.registerOAuthCode('code-1', { installerUserId: member.id, botScopes: ['chat:write', 'users:read'], userScopes: ['usergroups:write'] });
    const answer = await client().oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code: 'code-1' });
    expect(answer).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'chat:write,users:read',
      bot_user_id: emu.workspace.botUser.id,
      app_id: emu.workspace.appId,
      team: { id: 'T0001' },
      authed_user: { id: member.id, scope: 'usergroups:write', token_type: 'user' },
    });
    expect(answer.access_token).toMatch(/^xoxb-/);
    expect(answer.authed_user?.access_token).toMatch(/^xoxp-/);
    expect((await client(answer.authed_user!.access_token).auth.test()).user_id).toBe(member.id);
    expect((await client(answer.access_token).auth.test()).user_id).toBe(emu.workspace.botUser.id);
    expect((await slackError(client().oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code: 'code-1' }))).error).toBe('invalid_code');
    expect((await slackError(client().oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code: 'never-issued' }))).error).toBe('invalid_code');

    // A re-install hands back the bot token in use (scopes widened); no user scopes, no user token.
    emu.registerOAuthCode('code-2', { installerUserId: member2.id, botScopes: ['channels:manage'] });
    const reinstall = await client().oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code: 'code-2' });
    expect(reinstall.access_token).toBe(answer.access_token);
    expect(reinstall.scope).toBe('chat:write,users:read,channels:manage');
    expect(reinstall.authed_user).toEqual({ id: member2.id });
  });

  it('walks /oauth/v2/authorize to the redirect with code and state', async () => {
    const emulator = await startSlackEmulator({ oauth: { clientId: 'cid', clientSecret: 'secret' } });
    try {
      const installer = emulator.workspace.addUser({ name: 'boss', kind: 'owner' });
      const url = new URL(emulator.authorizeUrl);
      url.search = new URLSearchParams({
        client_id: 'cid', scope: 'chat:write,channels:manage', user_scope: 'channels:write', redirect_uri: 'http://app.test/slack/oauth_redirect', state: 'st-1',
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(location.origin + location.pathname).toBe('http://app.test/slack/oauth_redirect');
      expect(location.searchParams.get('state')).toBe('st-1');
      const code = location.searchParams.get('code')!;
      const slack = new WebClient(undefined, { slackApiUrl: emulator.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
      const wrongSecret = await slackError(slack.oauth.v2.access({ client_id: 'cid', client_secret: 'nope', code }));
      expect(wrongSecret.error).toBe('bad_client_secret');
      const wrongRedirect = await slackError(slack.oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code, redirect_uri: 'http://evil.test/' }));
      expect(wrongRedirect.error).toBe('bad_redirect_uri');
      const answer = await slack.oauth.v2.access({ client_id: 'cid', client_secret: 'secret', code, redirect_uri: 'http://app.test/slack/oauth_redirect' });
      expect(answer).toMatchObject({ scope: 'chat:write,channels:manage', authed_user: { id: installer.id, scope: 'channels:write' } });

      url.searchParams.set('emulator_deny', '1');
      const denied = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
      expect(denied.searchParams.get('error')).toBe('access_denied');
      expect(denied.searchParams.get('state')).toBe('st-1');
    } finally {
      await emulator.close();
    }
  });
});

describe('Slack emulator: messages, pins, reactions and views', () => {
  it('posts, threads, updates, links, pins and reacts', async () => {
    const slack = client(botToken);
    const elsewhere = emu.workspace.addChannel({ name: 'elsewhere', members: [member.id] });
    expect((await slackError(slack.chat.postMessage({ channel: elsewhere.id, text: 'x' }))).error).toBe('not_in_channel');
    const publicPoster = client(emu.workspace.issueBotToken(['chat:write', 'chat:write.public']));
    expect((await publicPoster.chat.postMessage({ channel: elsewhere.id, text: 'hello' })).ok).toBe(true);

    const channel = (await slack.conversations.create({ name: 'inc-1' })).channel!.id!;
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*SEV1*' } }];
    const posted = await slack.chat.postMessage({ channel, text: 'SEV1 declared', blocks });
    expect(posted).toMatchObject({ ok: true, channel, message: { text: 'SEV1 declared', blocks, bot_id: emu.workspace.botUser.bot_id } });
    const ts = posted.ts!;
    const reply = await slack.chat.postMessage({ channel, text: 'update', thread_ts: ts });
    expect(emu.workspace.message(channel, ts)).toMatchObject({ reply_count: 1, latest_reply: reply.ts });
    expect((await slackError(slack.apiCall('chat.postMessage', { channel }))).error).toBe('no_text');

    const updated = await slack.chat.update({ channel, ts, text: 'SEV2 now' });
    expect(updated.message).toMatchObject({ text: 'SEV2 now' });
    expect(emu.workspace.message(channel, ts)!.blocks).toBeUndefined();
    const link = await slack.chat.getPermalink({ channel, message_ts: reply.ts! });
    expect(link.permalink).toContain(`/archives/${channel}/p${reply.ts!.replace('.', '')}?thread_ts=${ts}`);

    await slack.pins.add({ channel, timestamp: ts });
    expect((await slackError(slack.pins.add({ channel, timestamp: ts }))).error).toBe('already_pinned');
    expect((await slack.pins.list({ channel })).items).toEqual([expect.objectContaining({ type: 'message', message: expect.objectContaining({ ts }) })]);
    await slack.pins.remove({ channel, timestamp: ts });
    expect((await slack.pins.list({ channel })).items).toEqual([]);

    await slack.reactions.add({ channel, timestamp: ts, name: 'pushpin' });
    expect((await slackError(slack.reactions.add({ channel, timestamp: ts, name: 'pushpin' }))).error).toBe('already_reacted');
    const reactions = await slack.reactions.get({ channel, timestamp: ts });
    expect(reactions.message?.reactions).toEqual([{ name: 'pushpin', users: [emu.workspace.botUser.id], count: 1 }]);

    expect((await slackError(slack.chat.postEphemeral({ channel, user: member.id, text: 'psst' }))).error).toBe('user_not_in_channel');
    await slack.conversations.invite({ channel, users: member.id });
    const ephemeral = await slack.chat.postEphemeral({ channel, user: member.id, text: 'psst' });
    expect(emu.workspace.ephemerals).toEqual([expect.objectContaining({ message_ts: ephemeral.message_ts, user: member.id, text: 'psst' })]);

    const dm = await slack.chat.postMessage({ channel: member.id, text: 'you are on call' });
    expect(dm.channel).toMatch(/^D/);

    const runbooks = client(emu.workspace.issueBotToken(['bookmarks:write']));
    const bookmark = await runbooks.bookmarks.add({ channel_id: channel, title: 'Runbook', type: 'link', link: 'https://runbooks.test/db' });
    expect(bookmark.bookmark).toMatchObject({ channel_id: channel, title: 'Runbook', link: 'https://runbooks.test/db' });
    expect((await slackError(runbooks.bookmarks.add({ channel_id: channel, title: 'x', type: 'link', link: 'ftp://x' }))).error).toBe('invalid_link');
  });

  it('opens, pushes (up to three) and updates modals', async () => {
    const slack = client(botToken);
    const modal = (title: string) => ({ type: 'modal' as const, title: { type: 'plain_text' as const, text: title }, blocks: [] });
    const opened = await slack.views.open({ trigger_id: '123.456.abc', view: { ...modal('Step 1'), private_metadata: 'INC-1:0' } });
    expect(opened.view).toMatchObject({ type: 'modal', private_metadata: 'INC-1:0', title: { text: 'Step 1' } });
    const id = opened.view!.id!;
    await slack.views.push({ trigger_id: 't2', view: modal('Step 2') });
    await slack.views.push({ trigger_id: 't3', view: modal('Step 3') });
    expect((await slackError(slack.views.push({ trigger_id: 't4', view: modal('Step 4') }))).error).toBe('push_limit_reached');

    const updated = await slack.views.update({ view_id: id, hash: opened.view!.hash, view: modal('Step 1b') });
    expect(updated.view).toMatchObject({ id, title: { text: 'Step 1b' } });
    expect((await slackError(slack.views.update({ view_id: id, hash: opened.view!.hash, view: modal('stale') }))).error).toBe('hash_conflict');
    expect((await slackError(slack.views.update({ view_id: 'VNOPE', view: modal('x') }))).error).toBe('not_found');
    expect((await slackError(client(adminToken).views.open({ trigger_id: 't', view: modal('x') }))).error).toBe('not_allowed_token_type');

    emu.workspace.settings.strictTriggerIds = true;
    expect((await slackError(slack.views.open({ trigger_id: 'made-up', view: modal('x') }))).error).toBe('invalid_trigger_id');
    const trigger = emu.workspace.issueTriggerId();
    await slack.views.open({ trigger_id: trigger, view: modal('x') });
    expect((await slackError(slack.views.open({ trigger_id: trigger, view: modal('x') }))).error).toBe('exchanged_trigger_id');
  });
});
