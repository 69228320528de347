import type { App, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { defaultSeverity } from '../../domain/incidents/validate.js';
import { listServices } from '../../usecases/catalog/services.js';
import { addTimelineEntry } from '../../usecases/incidents/add-timeline-entry.js';
import { resolveIncident, updateIncident } from '../../usecases/incidents/update-incident.js';
import type { Principal } from '../../usecases/principal.js';
import { startRunbookRun } from '../../usecases/runbooks/start-run.js';
import { findCommandPlace } from '../../usecases/slack-inbound/command-place.js';
import { callSlack } from '../client.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { ROLE_LABEL } from '../views/assign-role-modal.js';
import { MAX_SERVICE_OPTIONS, declareModal } from '../views/declare-modal.js';
import { helpText, noIncidentText, notHereText } from './answers.js';
import { parseIncidentCommand, type IncidentCommand } from './parse-command.js';
import { setFieldFromSlack } from './set-field.js';

/**
 * `/incident` (settings.slack.commandName). Each subcommand runs its use case and answers in
 * the acknowledgement itself, ephemerally: no Web API call is made before the ack but
 * `views.open` (which needs the trigger id) and, for a person seen for the first time, one
 * `users.info`.
 */
export function registerIncidentCommand(app: App, inbound: SlackInbound): void {
  app.command(inbound.deps.settings.slack.commandName, async ({ command, ack, client }) => {
    const answer = await runCommand(inbound, command, client);
    await ack(answer === undefined ? undefined : { response_type: 'ephemeral', text: answer });
  });
}

async function runCommand(inbound: SlackInbound, command: SlashCommand, client: WebClient): Promise<string | undefined> {
  const { deps, logger } = inbound;
  const name = deps.settings.slack.commandName;
  try {
    const place = await findCommandPlace(deps, command.channel_id);
    if (!place.allowed) return notHereText(name, place.commandChannels ?? []);
    const parsed = parseIncidentCommand(command.text ?? '', deps.settings.severities);
    if (!parsed.ok) return `${parsed.problem}\n\n${helpText(name, deps.settings.severities)}`;
    const request = parsed.command;
    if (request.verb === 'help') return helpText(name, deps.settings.severities);
    const principal = await slackPrincipal(deps, client, command.user_id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
    if (request.verb === 'declare') {
      await openDeclareModal(inbound, client, command, request.title, principal);
      return undefined;
    }
    const incident = request.incident ?? place.incidentId;
    if (!incident) return noIncidentText(name, request.verb);
    return await changeIncident(inbound, client, incident, request, principal);
  } catch (error) {
    return explainError(error, logger);
  }
}

async function openDeclareModal(
  { deps }: SlackInbound,
  client: WebClient,
  command: SlashCommand,
  title: string | undefined,
  principal: Principal,
): Promise<void> {
  const services = await listServices(deps, { limit: MAX_SERVICE_OPTIONS }, principal);
  const view = declareModal({
    title,
    severities: deps.settings.severities,
    defaultSeverity: defaultSeverity(deps.settings.severities),
    services: services.items,
    channelId: command.channel_id,
  });
  await callSlack('views.open', () => client.views.open({ trigger_id: command.trigger_id, view }));
}

type IncidentChange = Exclude<IncidentCommand, { verb: 'help' } | { verb: 'declare' }>;

async function changeIncident(
  inbound: SlackInbound,
  client: WebClient,
  incident: string,
  request: IncidentChange,
  principal: Principal,
): Promise<string> {
  const { deps } = inbound;
  switch (request.verb) {
    case 'status': {
      const view = await updateIncident(deps, incident, { status: request.status }, principal);
      return `${view.reference} is now *${view.status}*.`;
    }
    case 'sev': {
      const view = await updateIncident(deps, incident, { severity: request.severity }, principal);
      return `${view.reference} is now *${view.severity}*.`;
    }
    case 'role': {
      const holder = await slackPrincipal(deps, client, request.slackUserId, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const view = await updateIncident(deps, incident, { roles: { [request.role]: holder.userId } }, principal);
      return `<@${request.slackUserId}> is now ${ROLE_LABEL[request.role].toLowerCase()} of ${view.reference}.`;
    }
    case 'update': {
      await addTimelineEntry(deps, incident, { kind: 'status_update', body: request.text }, principal);
      return 'Status update added to the timeline.';
    }
    case 'resolve': {
      const view = await resolveIncident(deps, incident, undefined, principal);
      return `${view.reference} is *${view.status}*.`;
    }
    case 'set':
      return setFieldFromSlack(inbound, client, incident, request.assignment, principal);
    case 'runbook': {
      const run = await startRunbookRun(deps, incident, request.runbookId, principal);
      return `Runbook *${run.runbook.title.en ?? run.runbook.title.ja}* started: its first step appears in the incident channel.`;
    }
  }
}
