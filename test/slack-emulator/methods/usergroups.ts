/**
 * User groups. Management needs workspace permission (reference §6, docs.slack.dev
 * usergroups.users.update): with `settings.usergroupsManagedBy: 'admins'` (Slack's default) only an
 * admin's or owner's user token may change them and a bot token gets `permission_denied`; with
 * `'everyone'` bot tokens and members may too. Guests never may. Guests and bots cannot be members:
 * `single_channel_guests_cannot_be_added` for single-channel guests, `invalid_user` for other
 * guests and bots.
 */
import { bool, list, need, str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedUsergroup } from '../model.js';
import { usergroupJson } from '../serialize.js';
import type { Workspace } from '../workspace.js';
import { both, type CallContext, type MethodTable } from './types.js';

const WRITE = both('usergroups:write');
const READ = both('usergroups:read');
const RESERVED_HANDLES = ['here', 'channel', 'everyone', 'group', 'all'];

function requirePlan(ws: Workspace): void {
  if (ws.settings.plan === 'free') fail('plan_upgrade_required');
}

function mayManage({ ws, token, actor }: CallContext): void {
  requirePlan(ws);
  const everyone = ws.settings.usergroupsManagedBy === 'everyone';
  if (token.kind === 'bot') {
    if (!everyone) fail('permission_denied');
    return;
  }
  if (actor.is_restricted) fail('permission_denied');
  if (!(actor.is_admin || actor.is_owner || everyone)) fail('permission_denied');
}

function group(ctx: CallContext): EmulatedUsergroup {
  const found = ctx.ws.usergroups.get(need(ctx.args, 'usergroup'));
  if (!found) fail('no_such_subteam');
  return found;
}

function checkName(ws: Workspace, name: string, self?: EmulatedUsergroup): void {
  if ([...name].length > 255) fail('name_too_long');
  if ([...ws.usergroups.values()].some((g) => g !== self && g.name === name)) fail('name_already_exists');
}

/** "A mention handle. Must be unique among channels, users and User Groups." */
function checkHandle(ws: Workspace, handle: string, self?: EmulatedUsergroup): void {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(handle)) fail('bad_handle');
  if (RESERVED_HANDLES.includes(handle)) fail('forbidden_handle');
  const taken =
    [...ws.usergroups.values()].some((g) => g !== self && g.handle === handle) ||
    [...ws.users.values()].some((u) => u.name === handle) ||
    ws.channelByName(handle) !== undefined;
  if (taken) fail('handle_already_exists');
}

function present(ctx: CallContext, g: EmulatedUsergroup) {
  return { usergroup: usergroupJson(ctx.ws, g, { users: true, count: true }) };
}

export const usergroupMethods: MethodTable = {
  'usergroups.create': {
    tier: 2,
    scopes: WRITE,
    handler: (ctx) => {
      mayManage(ctx);
      const name = str(ctx.args, 'name');
      if (!name) fail('missing_subteam_name');
      checkName(ctx.ws, name);
      const handle = str(ctx.args, 'handle') ?? name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
      checkHandle(ctx.ws, handle);
      const channels = list(ctx.args, 'channels');
      if (channels.some((c) => !ctx.ws.channel(c))) fail('invalid_channel_provided');
      const g = ctx.ws.addUsergroup({ name, handle, description: str(ctx.args, 'description'), channels });
      g.created_by = ctx.actor.id;
      g.updated_by = ctx.actor.id;
      return present(ctx, g);
    },
  },
  'usergroups.update': {
    tier: 2,
    scopes: WRITE,
    handler: (ctx) => {
      mayManage(ctx);
      const g = group(ctx);
      const name = str(ctx.args, 'name');
      const handle = str(ctx.args, 'handle');
      if (name) checkName(ctx.ws, name, g);
      if (handle) checkHandle(ctx.ws, handle, g);
      const channels = ctx.args.channels === undefined ? undefined : list(ctx.args, 'channels');
      if (channels?.some((c) => !ctx.ws.channel(c))) fail('invalid_channel_provided');
      if (name) g.name = name;
      if (handle) g.handle = handle;
      const description = str(ctx.args, 'description');
      if (description !== undefined) g.description = description;
      if (channels) g.channels = channels;
      g.date_update = ctx.ws.seconds();
      g.updated_by = ctx.actor.id;
      return present(ctx, g);
    },
  },
  'usergroups.disable': {
    tier: 2,
    scopes: WRITE,
    handler: (ctx) => {
      mayManage(ctx);
      const g = group(ctx);
      g.date_delete = ctx.ws.seconds();
      g.deleted_by = ctx.actor.id;
      return present(ctx, g);
    },
  },
  'usergroups.enable': {
    tier: 2,
    scopes: WRITE,
    handler: (ctx) => {
      mayManage(ctx);
      const g = group(ctx);
      g.date_delete = 0;
      g.deleted_by = null;
      return present(ctx, g);
    },
  },
  'usergroups.list': {
    tier: 2,
    scopes: READ,
    handler: (ctx) => {
      requirePlan(ctx.ws);
      const options = { users: bool(ctx.args, 'include_users'), count: bool(ctx.args, 'include_count') };
      const groups = [...ctx.ws.usergroups.values()].filter((g) => g.date_delete === 0 || bool(ctx.args, 'include_disabled'));
      return { usergroups: groups.map((g) => usergroupJson(ctx.ws, g, options)) };
    },
  },
  'usergroups.users.list': {
    tier: 2,
    scopes: READ,
    handler: (ctx) => {
      requirePlan(ctx.ws);
      return { users: [...group(ctx).users] };
    },
  },
  'usergroups.users.update': {
    tier: 2,
    scopes: WRITE,
    handler: (ctx) => {
      mayManage(ctx);
      const g = group(ctx);
      const users = list(ctx.args, 'users');
      // "You cannot use this method to remove all members from a user group."
      if (users.length === 0) fail('no_users_provided');
      for (const id of users) {
        const user = ctx.ws.user(id);
        if (!user || user.deleted) fail('invalid_users');
        if (user.is_ultra_restricted) fail('single_channel_guests_cannot_be_added');
        if (user.is_restricted || user.is_bot || user.id === 'USLACKBOT') fail('invalid_user');
      }
      g.users = users;
      g.date_update = ctx.ws.seconds();
      g.updated_by = ctx.actor.id;
      return present(ctx, g);
    },
  },
};
