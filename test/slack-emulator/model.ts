/** The emulated workspace's records. Plain data, so tests can seed and inspect them directly. */

export type UserKind =
  | 'member'
  | 'admin'
  | 'owner'
  | 'primary_owner'
  | 'multi_channel_guest'
  | 'single_channel_guest'
  | 'bot';

export interface EmulatedUser {
  id: string;
  name: string;
  real_name: string;
  display_name: string;
  email?: string;
  tz: string;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  /** Guest: multi-channel guests have only this; single-channel guests have both flags. */
  is_restricted: boolean;
  /** Single-channel guest. */
  is_ultra_restricted: boolean;
  is_bot: boolean;
  bot_id?: string;
  deleted: boolean;
  updated: number;
}

export interface Topic {
  value: string;
  creator: string;
  last_set: number;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  topic: Topic;
  purpose: Topic;
  members: string[];
  is_archived: boolean;
  is_private: boolean;
  is_im: boolean;
  is_general: boolean;
  created: number;
  creator: string;
}

export interface Reaction {
  name: string;
  users: string[];
}

export interface EmulatedMessage {
  ts: string;
  channel: string;
  user: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  thread_ts?: string;
  reply_users: string[];
  reply_count: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  reactions: Reaction[];
}

export interface EphemeralMessage {
  message_ts: string;
  channel: string;
  /** The recipient. */
  user: string;
  /** The sender. */
  from: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface Pin {
  channel: string;
  ts: string;
  created: number;
  created_by: string;
}

export interface Bookmark {
  id: string;
  channel_id: string;
  title: string;
  link: string;
  emoji: string;
  type: string;
  date_created: number;
  created_by: string;
}

export interface EmulatedView {
  id: string;
  type: string;
  definition: Record<string, unknown>;
  external_id: string;
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  /** The user a home tab view is published for. */
  user_id?: string;
  trigger_id?: string;
  closed: boolean;
}

export interface EmulatedUsergroup {
  id: string;
  name: string;
  handle: string;
  description: string;
  users: string[];
  channels: string[];
  date_create: number;
  date_update: number;
  /** Non-zero while the group is disabled. */
  date_delete: number;
  created_by: string;
  updated_by: string;
  deleted_by: string | null;
}

export type TokenKind = 'bot' | 'user' | 'app';

export interface EmulatedToken {
  token: string;
  kind: TokenKind;
  /** The bot user (bot token) or the user the token acts as (user token); empty for app tokens. */
  userId: string;
  scopes: string[];
  revoked: boolean;
  created: number;
}

export interface OAuthGrant {
  installerUserId: string;
  botScopes: string[];
  userScopes: string[];
  /** When set, `oauth.v2.access` must be given the same `redirect_uri`. */
  redirectUri?: string;
}

export interface WorkspaceSettings {
  /** Who may create and change user groups (Slack's default: admins and owners only). */
  usergroupsManagedBy: 'admins' | 'everyone';
  /** The error a bot token gets when it invites a guest (the reference leaves it open; see README). */
  botGuestInviteError: 'user_is_restricted' | 'cant_invite' | 'restricted_action';
  /** User groups need a paid plan: `free` answers `plan_upgrade_required`. */
  plan: 'free' | 'pro';
  /** When true, only trigger ids from `issueTriggerId` work, once, for 3 s (as on Slack). */
  strictTriggerIds: boolean;
  /** Who installs when `/oauth/v2/authorize` is walked without `emulator_user`. */
  installerUserId?: string;
}
