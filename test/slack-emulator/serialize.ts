/** Slack's JSON shapes for the workspace's records. */
import type { EmulatedChannel, EmulatedMessage, EmulatedUser, EmulatedUsergroup, EmulatedView } from './model.js';
import type { Workspace } from './workspace.js';

function tzOffsetSeconds(tz: string, at: Date): number {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
  } catch {
    return 0;
  }
}

/** A user object as `users.info` / `users.list` answer it; `profile.email` only with `users:read.email`. */
export function userJson(ws: Workspace, user: EmulatedUser, withEmail: boolean): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: user.real_name,
    real_name_normalized: user.real_name,
    display_name: user.display_name,
    display_name_normalized: user.display_name,
    team: ws.team.id,
  };
  if (withEmail && user.email) profile.email = user.email;
  if (user.bot_id) {
    profile.bot_id = user.bot_id;
    profile.api_app_id = ws.appId;
  }
  return {
    id: user.id,
    team_id: ws.team.id,
    name: user.name,
    deleted: user.deleted,
    real_name: user.real_name,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz, new Date(ws.now())),
    profile,
    is_admin: user.is_admin,
    is_owner: user.is_owner,
    is_primary_owner: user.is_primary_owner,
    is_restricted: user.is_restricted,
    is_ultra_restricted: user.is_ultra_restricted,
    is_bot: user.is_bot,
    is_app_user: false,
    is_email_confirmed: Boolean(user.email),
    updated: user.updated,
  };
}

/** A conversation object as seen by `viewerId` (`is_member`). */
export function channelJson(ch: EmulatedChannel, viewerId: string, numMembers = false): Record<string, unknown> {
  if (ch.is_im) {
    return {
      id: ch.id,
      created: ch.created,
      is_im: true,
      is_org_shared: false,
      user: ch.members.find((m) => m !== viewerId) ?? viewerId,
      is_user_deleted: false,
    };
  }
  const json: Record<string, unknown> = {
    id: ch.id,
    name: ch.name,
    is_channel: !ch.is_private,
    is_group: ch.is_private,
    is_im: false,
    is_mpim: false,
    is_private: ch.is_private,
    created: ch.created,
    creator: ch.creator,
    is_archived: ch.is_archived,
    is_general: ch.is_general,
    unlinked: 0,
    name_normalized: ch.name,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    is_member: ch.members.includes(viewerId),
    topic: { ...ch.topic },
    purpose: { ...ch.purpose },
    previous_names: [],
  };
  if (numMembers) json.num_members = ch.members.length;
  return json;
}

export function messageJson(ws: Workspace, m: EmulatedMessage): Record<string, unknown> {
  const json: Record<string, unknown> = { type: 'message', user: m.user, text: m.text, ts: m.ts, team: ws.team.id };
  if (m.bot_id) {
    json.bot_id = m.bot_id;
    json.app_id = ws.appId;
  }
  if (m.blocks) json.blocks = m.blocks;
  if (m.attachments) json.attachments = m.attachments;
  if (m.metadata) json.metadata = m.metadata;
  if (m.thread_ts) json.thread_ts = m.thread_ts;
  if (m.reply_count > 0) {
    json.reply_count = m.reply_count;
    json.reply_users = [...m.reply_users];
    json.reply_users_count = m.reply_users.length;
    json.latest_reply = m.latest_reply;
  }
  if (m.edited) json.edited = { ...m.edited };
  if (m.reactions.length > 0) {
    json.reactions = m.reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length }));
  }
  const pinnedTo = ws.pins.filter((p) => p.channel === m.channel && p.ts === m.ts).map((p) => p.channel);
  if (pinnedTo.length > 0) json.pinned_to = pinnedTo;
  return json;
}

export function usergroupJson(
  ws: Workspace,
  g: EmulatedUsergroup,
  options: { users?: boolean; count?: boolean } = {},
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: g.id,
    team_id: ws.team.id,
    is_usergroup: true,
    is_subteam: true,
    name: g.name,
    description: g.description,
    handle: g.handle,
    is_external: false,
    date_create: g.date_create,
    date_update: g.date_update,
    date_delete: g.date_delete,
    auto_type: null,
    auto_provision: false,
    enterprise_subteam_id: '',
    created_by: g.created_by,
    updated_by: g.updated_by,
    deleted_by: g.deleted_by,
    prefs: { channels: [...g.channels], groups: [] },
  };
  if (options.users) json.users = [...g.users];
  if (options.count) json.user_count = g.users.length;
  return json;
}

export function viewJson(ws: Workspace, v: EmulatedView): Record<string, unknown> {
  const d = v.definition;
  return {
    id: v.id,
    team_id: ws.team.id,
    type: v.type,
    title: d.title,
    submit: d.submit ?? null,
    close: d.close ?? null,
    blocks: d.blocks ?? [],
    private_metadata: d.private_metadata ?? '',
    callback_id: d.callback_id ?? '',
    state: { values: {} },
    hash: v.hash,
    clear_on_close: d.clear_on_close ?? false,
    notify_on_close: d.notify_on_close ?? false,
    root_view_id: v.root_view_id,
    previous_view_id: v.previous_view_id,
    app_id: ws.appId,
    external_id: v.external_id,
    app_installed_team_id: ws.team.id,
    bot_id: ws.botUser.bot_id,
  };
}
