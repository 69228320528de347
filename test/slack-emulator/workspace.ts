import { randomBytes } from 'node:crypto';
import type {
  Bookmark,
  EmulatedChannel,
  EmulatedMessage,
  EmulatedToken,
  EmulatedUser,
  EmulatedUsergroup,
  EmulatedView,
  EphemeralMessage,
  OAuthGrant,
  Pin,
  UserKind,
  WorkspaceSettings,
} from './model.js';
import { TokenStore } from './tokens.js';

export interface AddUserOptions {
  id?: string;
  name?: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  tz?: string;
  kind?: UserKind;
  deleted?: boolean;
}

export interface AddChannelOptions {
  id?: string;
  name: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_general?: boolean;
  members?: string[];
  topic?: string;
  purpose?: string;
  creator?: string;
  /** Unix seconds. */
  created?: number;
}

export interface AddUsergroupOptions {
  id?: string;
  name: string;
  handle: string;
  description?: string;
  users?: string[];
  channels?: string[];
  enabled?: boolean;
}

export interface OAuthCodeOptions {
  installerUserId: string;
  botScopes?: string[];
  userScopes?: string[];
  /** When set, `oauth.v2.access` must be given the same `redirect_uri` (`bad_redirect_uri`). */
  redirectUri?: string;
}

export interface AddMessageOptions {
  channel: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  ts?: string;
}

const FLAGS: Record<UserKind, Partial<EmulatedUser>> = {
  member: {},
  admin: { is_admin: true },
  owner: { is_admin: true, is_owner: true },
  primary_owner: { is_admin: true, is_owner: true, is_primary_owner: true },
  multi_channel_guest: { is_restricted: true },
  single_channel_guest: { is_restricted: true, is_ultra_restricted: true },
  bot: { is_bot: true },
};

/** One Slack workspace (team T0001): users, channels, messages, pins, views, user groups, tokens. */
export class Workspace {
  readonly team = { id: 'T0001', name: 'Emulated Workspace', domain: 'emulated' };
  readonly appId = 'A0EMULATOR';
  readonly users = new Map<string, EmulatedUser>();
  readonly channels = new Map<string, EmulatedChannel>();
  readonly messages: EmulatedMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly pins: Pin[] = [];
  readonly bookmarks: Bookmark[] = [];
  readonly views = new Map<string, EmulatedView>();
  readonly usergroups = new Map<string, EmulatedUsergroup>();
  readonly tokens: TokenStore;
  readonly oauthCodes = new Map<string, OAuthGrant>();
  /** Trigger ids issued by `issueTriggerId` (used when `settings.strictTriggerIds`). */
  readonly triggers = new Map<string, { issued: number; used: boolean }>();
  readonly settings: WorkspaceSettings = {
    usergroupsManagedBy: 'admins',
    botGuestInviteError: 'user_is_restricted',
    plan: 'pro',
    strictTriggerIds: false,
  };
  private counters = new Map<string, number>();
  private lastTsMicros = 0;
  private bot: EmulatedUser | undefined;
  private readonly botName: string;

  constructor(
    readonly now: () => number = Date.now,
    options: { botName?: string; slackbot?: boolean } = {},
  ) {
    this.tokens = new TokenStore(this.team.id, now);
    this.botName = options.botName ?? 'hikeshi';
    if (options.slackbot ?? true) {
      this.addUser({ id: 'USLACKBOT', name: 'slackbot', real_name: 'Slackbot', tz: 'America/Los_Angeles' });
    }
  }

  /** A fresh Slack-looking id: `U0000000A`, `C00000003`... */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** A unique, increasing message timestamp (`"1700000000.000100"`). */
  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  addUser(options: AddUserOptions = {}): EmulatedUser {
    const kind = options.kind ?? 'member';
    const id = options.id ?? this.nextId(kind === 'bot' ? 'U0B' : 'U');
    const name = options.name ?? `user${this.users.size + 1}`;
    const user: EmulatedUser = {
      id,
      name,
      real_name: options.real_name ?? name,
      display_name: options.display_name ?? '',
      email: options.email ?? (kind === 'bot' || id === 'USLACKBOT' ? undefined : `${name}@example.com`),
      tz: options.tz ?? 'Europe/London',
      is_admin: false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: false,
      deleted: options.deleted ?? false,
      updated: this.seconds(),
      ...FLAGS[kind],
    };
    if (kind === 'bot') user.bot_id = this.nextId('B');
    this.users.set(id, user);
    return user;
  }

  /** The app's bot user (created on first use): bot tokens act as it. */
  get botUser(): EmulatedUser {
    this.bot ??= this.addUser({ kind: 'bot', name: this.botName, real_name: this.botName });
    return this.bot;
  }

  addChannel(options: AddChannelOptions): EmulatedChannel {
    const created = options.created ?? this.seconds();
    const creator = options.creator ?? options.members?.[0] ?? '';
    const channel: EmulatedChannel = {
      id: options.id ?? this.nextId('C'),
      name: options.name,
      topic: { value: options.topic ?? '', creator: options.topic ? creator : '', last_set: options.topic ? created : 0 },
      purpose: { value: options.purpose ?? '', creator: options.purpose ? creator : '', last_set: options.purpose ? created : 0 },
      members: [...new Set(options.members ?? [])],
      is_archived: options.is_archived ?? false,
      is_private: options.is_private ?? false,
      is_im: false,
      is_general: options.is_general ?? false,
      created,
      creator,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The direct-message conversation between two users (created on first use). */
  imBetween(a: string, b: string): EmulatedChannel {
    const found = this.findIm(a, b);
    if (found) return found;
    const pair = [a, b].sort();
    const channel = this.addChannel({ id: this.nextId('D'), name: '', members: [...new Set(pair)], is_private: true, creator: a });
    channel.is_im = true;
    return channel;
  }

  findIm(a: string, b: string): EmulatedChannel | undefined {
    const pair = [...new Set([a, b])];
    return [...this.channels.values()].find(
      (c) => c.is_im && c.members.length === pair.length && pair.every((id) => c.members.includes(id)),
    );
  }

  addMessage(options: AddMessageOptions): EmulatedMessage {
    const message: EmulatedMessage = {
      ts: options.ts ?? this.nextTs(),
      channel: options.channel,
      user: options.user,
      text: options.text ?? '',
      blocks: options.blocks,
      thread_ts: options.thread_ts,
      reply_users: [],
      reply_count: 0,
      reactions: [],
    };
    const author = this.users.get(options.user);
    if (author?.bot_id) message.bot_id = author.bot_id;
    if (message.thread_ts) {
      const parent = this.message(message.channel, message.thread_ts);
      if (parent) {
        parent.thread_ts ??= parent.ts;
        parent.reply_count += 1;
        parent.latest_reply = message.ts;
        if (!parent.reply_users.includes(message.user)) parent.reply_users.push(message.user);
      }
    }
    this.messages.push(message);
    return message;
  }

  addUsergroup(options: AddUsergroupOptions): EmulatedUsergroup {
    const now = this.seconds();
    const group: EmulatedUsergroup = {
      id: options.id ?? this.nextId('S'),
      name: options.name,
      handle: options.handle,
      description: options.description ?? '',
      users: [...new Set(options.users ?? [])],
      channels: options.channels ?? [],
      date_create: now,
      date_update: now,
      date_delete: options.enabled === false ? now : 0,
      created_by: '',
      updated_by: '',
      deleted_by: null,
    };
    this.usergroups.set(group.id, group);
    return group;
  }

  /** A new bot token (acting as `botUser`) with these scopes. */
  issueBotToken(scopes: readonly string[]): string {
    return this.tokens.issue('bot', this.botUser.id, scopes).token;
  }

  /** A new user token acting as `userId` with these user scopes. */
  issueUserToken(userId: string, scopes: readonly string[]): string {
    if (!this.users.has(userId)) throw new Error(`issueUserToken: no user ${userId}`);
    return this.tokens.issue('user', userId, scopes).token;
  }

  /** An app-level token (Socket Mode); every Web API method here refuses it (`not_allowed_token_type`). */
  issueAppToken(scopes: readonly string[] = ['connections:write']): string {
    return this.tokens.issue('app', '', scopes).token;
  }

  revokeToken(token: string): void {
    this.tokens.revoke(token);
  }

  tokenInfo(token: string): EmulatedToken | undefined {
    return this.tokens.byToken.get(token);
  }

  /** Registers an OAuth v2 code that `oauth.v2.access` exchanges once. */
  registerOAuthCode(code: string, grant: OAuthCodeOptions): void {
    if (!this.users.has(grant.installerUserId)) throw new Error(`registerOAuthCode: no user ${grant.installerUserId}`);
    this.oauthCodes.set(code, { ...grant, botScopes: grant.botScopes ?? [], userScopes: grant.userScopes ?? [] });
  }

  /** A trigger id as Slack sends with a slash command or interaction (matters with `strictTriggerIds`). */
  issueTriggerId(): string {
    const id = `${this.seconds()}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(8).toString('hex')}`;
    this.triggers.set(id, { issued: this.now(), used: false });
    return id;
  }

  user(id: string): EmulatedUser | undefined {
    return this.users.get(id);
  }

  channel(id: string): EmulatedChannel | undefined {
    return this.channels.get(id);
  }

  channelByName(name: string): EmulatedChannel | undefined {
    const bare = name.replace(/^#/, '');
    return [...this.channels.values()].find((c) => !c.is_im && c.name === bare);
  }

  message(channel: string, ts: string): EmulatedMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Messages of a channel, oldest first (thread replies included). */
  messagesIn(channel: string): EmulatedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  usergroupByHandle(handle: string): EmulatedUsergroup | undefined {
    return [...this.usergroups.values()].find((g) => g.handle === handle);
  }

  /** Non-archived, non-DM channels the user is in (a single-channel guest may have only one). */
  channelsOf(userId: string): EmulatedChannel[] {
    return [...this.channels.values()].filter((c) => !c.is_im && !c.is_archived && c.members.includes(userId));
  }
}
