import type { WebClient } from '@slack/web-api';
import { readFieldAssignment } from '../../domain/fields/assignment.js';
import { formatFieldValue } from '../../domain/fields/coerce.js';
import { fieldValueOf } from '../../domain/fields/change.js';
import { pickText } from '../../domain/runbooks/text.js';
import { updateIncident } from '../../usecases/incidents/update-incident.js';
import type { Principal } from '../../usecases/principal.js';
import { escapeText } from '../blocks/text.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { fieldUsageText, unknownFieldText } from './answers.js';

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * `/incident set <field> <value>`: a fact typed as people type it ("1,200", "はい", a choice's
 * label, an @mention). A refused value is answered naming the field and what it takes.
 */
export async function setFieldFromSlack(
  { deps }: SlackInbound,
  client: WebClient,
  incident: string,
  assignment: string,
  principal: Principal,
): Promise<string> {
  const name = deps.settings.slack.commandName;
  const read = readFieldAssignment(deps.settings.fields, assignment);
  if (!read) return unknownFieldText(name, deps.settings.fields, assignment);
  const { definition } = read;
  if (!read.value) return fieldUsageText(name, definition);
  // A person mentioned for the first time becomes a Hikeshi user, as for `role`.
  const mentioned = definition.type === 'user' ? MENTION.exec(read.value)?.[1] : undefined;
  const value = mentioned ? ((await slackPrincipal(deps, client, mentioned, { deadlineMs: ACK_PROFILE_DEADLINE_MS })).userId ?? read.value) : read.value;
  const view = await updateIncident(deps, incident, { fields: { [definition.key]: value } }, principal, { fieldsFrom: 'slack' });
  const shown = mentioned ? `<@${mentioned}>` : escapeText(formatFieldValue(definition, fieldValueOf(view.fields, definition.key), 'en'));
  return `${view.reference}: *${escapeText(pickText(definition.label, 'en'))}* is now *${shown}*.`;
}
