import type { Executor } from '../database.js';

export interface StoredInstallation {
  teamId: string;
  teamName: string;
  appId: string | null;
  botUserId: string;
  botTokenSealed: string;
  botScopes: string[];
  admin: { userId: string; userName: string; tokenSealed: string; scopes: string[]; verifiedAt: string } | null;
  installedByUserId: string;
  installedAt: string;
  updatedAt: string;
}

export interface IncidentChannel {
  incidentId: string;
  channelId: string;
  channelName: string;
  summaryTs: string | null;
  announcementTs: string | null;
}

/** Hikeshi serves one workspace; the latest installation is the working one. */
export async function findInstallation(tx: Executor): Promise<StoredInstallation | undefined> {
  const row = await tx.selectFrom('slack_installations').selectAll().orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    appId: row.app_id,
    botUserId: row.bot_user_id,
    botTokenSealed: row.bot_token_sealed,
    botScopes: splitScopes(row.bot_scopes),
    admin:
      row.admin_user_id && row.admin_token_sealed && row.admin_verified_at
        ? {
            userId: row.admin_user_id,
            userName: row.admin_user_name ?? row.admin_user_id,
            tokenSealed: row.admin_token_sealed,
            scopes: splitScopes(row.admin_scopes ?? ''),
            verifiedAt: row.admin_verified_at,
          }
        : null,
    installedByUserId: row.installed_by_user_id,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}

export async function saveInstallation(tx: Executor, installation: StoredInstallation): Promise<void> {
  const values = {
    team_id: installation.teamId,
    team_name: installation.teamName,
    app_id: installation.appId,
    bot_user_id: installation.botUserId,
    bot_token_sealed: installation.botTokenSealed,
    bot_scopes: installation.botScopes.join(','),
    admin_user_id: installation.admin?.userId ?? null,
    admin_user_name: installation.admin?.userName ?? null,
    admin_token_sealed: installation.admin?.tokenSealed ?? null,
    admin_scopes: installation.admin?.scopes.join(',') ?? null,
    admin_verified_at: installation.admin?.verifiedAt ?? null,
    installed_by_user_id: installation.installedByUserId,
    installed_at: installation.installedAt,
    updated_at: installation.updatedAt,
  };
  const { team_id: _, installed_at: __, ...changes } = values;
  await tx
    .insertInto('slack_installations')
    .values(values)
    .onConflict((oc) => oc.column('team_id').doUpdateSet(changes))
    .execute();
}

export async function findIncidentChannel(tx: Executor, incidentId: string): Promise<IncidentChannel | undefined> {
  const row = await tx.selectFrom('incident_slack_channels').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  return row && toChannel(row);
}

export async function findChannelIncident(tx: Executor, channelId: string): Promise<IncidentChannel | undefined> {
  const row = await tx.selectFrom('incident_slack_channels').selectAll().where('channel_id', '=', channelId).executeTakeFirst();
  return row && toChannel(row);
}

export async function insertIncidentChannel(tx: Executor, channel: IncidentChannel, createdAt: string): Promise<void> {
  await tx
    .insertInto('incident_slack_channels')
    .values({
      incident_id: channel.incidentId,
      channel_id: channel.channelId,
      channel_name: channel.channelName,
      summary_ts: channel.summaryTs,
      announcement_ts: channel.announcementTs,
      created_at: createdAt,
    })
    .execute();
}

export async function setChannelMessages(
  tx: Executor,
  incidentId: string,
  messages: { summaryTs?: string; announcementTs?: string },
): Promise<void> {
  await tx
    .updateTable('incident_slack_channels')
    .set({
      ...(messages.summaryTs !== undefined && { summary_ts: messages.summaryTs }),
      ...(messages.announcementTs !== undefined && { announcement_ts: messages.announcementTs }),
    })
    .where('incident_id', '=', incidentId)
    .execute();
}

/** Records a Slack delivery; false when its event_id was seen before (a Slack retry). */
export async function recordDelivery(tx: Executor, eventId: string, at: string): Promise<boolean> {
  const result = await tx
    .insertInto('slack_deliveries')
    .values({ event_id: eventId, received_at: at })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets a delivery whose processing failed, so that Slack's retry of it is processed. */
export async function forgetDelivery(tx: Executor, eventId: string): Promise<void> {
  await tx.deleteFrom('slack_deliveries').where('event_id', '=', eventId).execute();
}

export async function purgeDeliveries(tx: Executor, before: string): Promise<number> {
  const result = await tx.deleteFrom('slack_deliveries').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function splitScopes(scopes: string): string[] {
  return scopes.split(',').map((s) => s.trim()).filter(Boolean);
}

function toChannel(row: {
  incident_id: string;
  channel_id: string;
  channel_name: string;
  summary_ts: string | null;
  announcement_ts: string | null;
}): IncidentChannel {
  return {
    incidentId: row.incident_id,
    channelId: row.channel_id,
    channelName: row.channel_name,
    summaryTs: row.summary_ts,
    announcementTs: row.announcement_ts,
  };
}
