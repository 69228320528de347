/**
 * What the install asks Slack for. Bot scopes cover channel automation, messages, commands,
 * reactions, @-mentions of the app (the oncall redirect), direct messages (pages, found again after a retry), user lookups and user-group sync. User scopes are the admin token's: inviting
 * guests (only an owner's or admin's token can) and user groups restricted to admins.
 */
export const BOT_SCOPES = [
  'app_mentions:read',
  'bookmarks:write',
  'channels:history',
  'channels:join',
  'channels:manage',
  'channels:read',
  'channels:write.invites',
  'channels:write.topic',
  'chat:write',
  'chat:write.public',
  'commands',
  'groups:history',
  'groups:read',
  'groups:write',
  'im:history',
  'im:write',
  'pins:read',
  'pins:write',
  'reactions:read',
  'usergroups:read',
  'usergroups:write',
  'users:read',
  'users:read.email',
] as const;

export const USER_SCOPES = [
  'channels:write',
  'channels:write.invites',
  'groups:write',
  'groups:write.invites',
  'usergroups:read',
  'usergroups:write',
  'users:read',
] as const;
