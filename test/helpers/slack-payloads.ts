import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { declareIncident } from '../../src/usecases/incidents/declare-incident.js';
import type { IncidentView } from '../../src/usecases/incidents/incident-view.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { insertIncidentChannel } from '../../src/store/repositories/slack.js';
import { SIGNING_SECRET, type SlackTestApp } from './slack-app.js';

/** Slack-shaped inbound requests (slash commands, interactions, events) for /slack/events tests. */

const TEAM = { id: 'T0001', domain: 'emulated' };
const APP_ID = 'A0EMULATOR';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function commandBody(options: { text: string; channel: string; user: string; triggerId?: string; command?: string }): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: options.channel,
    channel_name: 'some-channel',
    user_id: options.user,
    user_name: 'someone',
    command: options.command ?? '/incident',
    text: options.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0001/1/unused',
    trigger_id: options.triggerId ?? 'trigger-unused',
  }).toString();
}

export function blockActionBody(options: {
  user: string;
  channel?: string;
  triggerId?: string;
  action: { action_id: string; block_id?: string; value?: string; selected?: string };
}): string {
  const { action } = options;
  const element = action.selected
    ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: action.selected }, value: action.selected } }
    : { type: 'button', value: action.value, text: { type: 'plain_text', text: 'Button' } };
  const payload = {
    type: 'block_actions',
    team: TEAM,
    user: { id: options.user, username: 'someone', name: 'someone', team_id: TEAM.id },
    api_app_id: APP_ID,
    token: 'verification-token-unused',
    container: options.channel ? { type: 'message', message_ts: '1700000000.000100', channel_id: options.channel, is_ephemeral: false } : { type: 'view' },
    trigger_id: options.triggerId ?? 'trigger-unused',
    ...(options.channel ? { channel: { id: options.channel, name: 'some-channel' } } : {}),
    response_url: 'https://hooks.slack.com/actions/T0001/1/unused',
    actions: [{ action_id: action.action_id, block_id: action.block_id ?? 'block', action_ts: '1700000001.000200', ...element }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function viewSubmissionBody(options: {
  user: string;
  callbackId: string;
  privateMetadata?: string;
  values: Record<string, Record<string, Record<string, unknown>>>;
}): string {
  const payload = {
    type: 'view_submission',
    team: TEAM,
    user: { id: options.user, username: 'someone', name: 'someone', team_id: TEAM.id },
    api_app_id: APP_ID,
    token: 'verification-token-unused',
    trigger_id: 'trigger-unused',
    view: {
      id: 'V0000001',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? '',
      blocks: [],
      state: { values: options.values },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'Modal' },
      close: null,
      submit: null,
      root_view_id: 'V0000001',
      previous_view_id: null,
      app_id: APP_ID,
      bot_id: 'B0000001',
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: TEAM.id,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM.id, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** Signs like Slack, with any timestamp (the harness's `slackRequest` always signs with now). */
export function signedRequest(
  t: SlackTestApp,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string>; /** Sent instead of the signed body. */ tamperedBody?: string } = {},
): Promise<LightMyRequestResponse> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return t.server.inject({
    method: 'POST',
    url: '/slack/events',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature, ...options.headers },
    payload: options.tamperedBody ?? body,
  });
}

/** POSTs and measures how long Slack would wait for the acknowledgement. */
export async function timed(request: Promise<LightMyRequestResponse>): Promise<{ response: LightMyRequestResponse; ms: number }> {
  const started = performance.now();
  const response = await request;
  return { response, ms: performance.now() - started };
}

/**
 * An incident with its Slack channel, set up directly (the channel automation's jobs are
 * tested elsewhere): the bot and these people are members.
 */
export async function incidentWithChannel(
  t: SlackTestApp,
  members: string[],
  title = 'Checkout errors',
): Promise<{ incident: IncidentView; channelId: string }> {
  const incident = await declareIncident({ ...t.deps, integrations: { slack: false } }, { title }, SYSTEM_PRINCIPAL);
  const ws = t.emulator.workspace;
  const channel = ws.addChannel({ name: `inc-${incident.number}-test`, members: [ws.botUser.id, ...members] });
  await insertIncidentChannel(
    t.deps.db,
    { incidentId: incident.id, channelId: channel.id, channelName: channel.name, summaryTs: null, announcementTs: null },
    t.clock.now().toISOString(),
  );
  return { incident, channelId: channel.id };
}
