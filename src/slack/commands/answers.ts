import { acceptedValues } from '../../domain/fields/assignment.js';
import type { FieldDefinition } from '../../domain/fields/definition.js';
import { INCIDENT_STATUSES } from '../../domain/incidents/status.js';

export function helpText(commandName: string, severities: readonly string[]): string {
  const c = commandName;
  return [
    `*${c}*: run an incident from Slack`,
    `• \`${c} declare [title]\`: declare an incident (opens a form)`,
    `• \`${c} status <${INCIDENT_STATUSES.join('|')}>\``,
    `• \`${c} sev <${severities.join('|')}>\``,
    `• \`${c} role <commander|comms|scribe> @person\``,
    `• \`${c} update <text>\`: a status update for everyone following the incident`,
    `• \`${c} resolve\``,
    `• \`${c} runbook <runbook id>\`: start a runbook; its steps appear in the incident channel one at a time`,
    `• \`${c} set <field> <value>\`: record a fact (\`set affected_users 1,200\`, \`set personal_data_exposed yes\`); the field by its key or label`,
    `• \`${c} help\``,
    `In an incident's channel these act on its incident; elsewhere name it: \`${c} status INC-12 monitoring\`.`,
  ].join('\n');
}

/** Slack's own answer here would be a generic failure; this one says where the command works. */
export function notHereText(commandName: string, commandChannels: readonly string[]): string {
  const places = [...commandChannels.map((id) => `<#${id}>`), "an incident's own channel"];
  const where = places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} or ${places.at(-1)}`;
  return `:no_entry: \`${commandName}\` does not work in this channel. Use it in ${where}.`;
}

export function noIncidentText(commandName: string, verb: string): string {
  return `Run \`${commandName} ${verb}\` in an incident's channel, or name the incident: \`${commandName} ${verb} INC-12 …\`.`;
}

/** `set` named no declared field: the fields there are, by key and label. */
export function unknownFieldText(commandName: string, definitions: readonly FieldDefinition[], typed: string): string {
  if (!definitions.length) return ':warning: No incident fields are declared in the settings file (`fields:`).';
  const known = definitions.map((d) => `• \`${d.key}\` ${[d.label.en, d.label.ja].filter(Boolean).join(' / ')}: ${acceptedValues(d)}`);
  return [`:warning: No field named "${typed.split(/\s+/)[0]}". Usage: \`${commandName} set <field> <value>\` with one of:`, ...known].join('\n');
}

/** `set <field>` without a value: what the field takes. */
export function fieldUsageText(commandName: string, definition: FieldDefinition): string {
  return `Usage: \`${commandName} set ${definition.key} <value>\`: *${definition.label.en ?? definition.label.ja}* takes ${acceptedValues(definition)}.`;
}
