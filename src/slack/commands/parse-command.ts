import { INCIDENT_STATUSES, isIncidentStatus, type IncidentStatus } from '../../domain/incidents/status.js';
import type { IncidentRole } from '../../domain/incidents/incident.js';

/** What `/incident <text>` asks for. `incident` is an `INC-<n>` named in the text, if any. */
export type IncidentCommand =
  | { verb: 'help' }
  | { verb: 'declare'; title: string | undefined }
  | { verb: 'status'; incident: string | undefined; status: IncidentStatus }
  | { verb: 'sev'; incident: string | undefined; severity: string }
  | { verb: 'role'; incident: string | undefined; role: IncidentRole; slackUserId: string }
  | { verb: 'update'; incident: string | undefined; text: string }
  | { verb: 'resolve'; incident: string | undefined }
  | { verb: 'runbook'; incident: string | undefined; runbookId: string }
  /** `assignment`: `<field> <value>` as typed; the field is found among the declared ones by the handler. */
  | { verb: 'set'; incident: string | undefined; assignment: string };

export type ParsedCommand = { ok: true; command: IncidentCommand } | { ok: false; problem: string };

const ROLES: Record<string, IncidentRole> = {
  commander: 'commander',
  ic: 'commander',
  comms: 'communications',
  communications: 'communications',
  scribe: 'scribe',
};

/**
 * Parses the text after the command name. Severities are matched without regard to case
 * against the configured ones (`sev2` → `SEV2`). A person is named by a mention, which Slack
 * sends as `<@U123|name>` when the command escapes users.
 */
export function parseIncidentCommand(text: string, severities: readonly string[]): ParsedCommand {
  const trimmed = text.trim();
  if (!trimmed) return ok({ verb: 'help' });
  const [first, ...rest] = trimmed.split(/\s+/);
  const verb = first!.toLowerCase();
  const afterVerb = trimmed.slice(first!.length).trim();
  const named = rest[0] !== undefined && /^INC-\d+$/i.test(rest[0]);
  const incident = named ? rest[0]!.toUpperCase() : undefined;
  const args = named ? rest.slice(1) : rest;
  /** The free text after the verb and the incident, line breaks kept. */
  const freeText = named ? afterVerb.slice(rest[0]!.length).trim() : afterVerb;

  switch (verb) {
    case 'help':
      return ok({ verb: 'help' });
    case 'declare': {
      return ok({ verb: 'declare', title: afterVerb || undefined });
    }
    case 'status': {
      const status = args[0]?.toLowerCase();
      if (!status || args.length > 1 || !isIncidentStatus(status)) {
        return fail(`Usage: \`status <${INCIDENT_STATUSES.join('|')}>\``);
      }
      return ok({ verb: 'status', incident, status });
    }
    case 'sev':
    case 'severity': {
      const severity = severities.find((s) => s.toLowerCase() === args[0]?.toLowerCase());
      if (!severity || args.length > 1) return fail(`Usage: \`sev <${severities.join('|')}>\``);
      return ok({ verb: 'sev', incident, severity });
    }
    case 'role': {
      const role = ROLES[args[0]?.toLowerCase() ?? ''];
      const slackUserId = args.length === 2 ? mentionedUser(args[1]!) : undefined;
      if (!role || !slackUserId) {
        const hint = args.length === 2 && role && args[1]!.startsWith('@')
          ? ' Mention the person so Slack sends who they are (in the app settings, turn on "Escape channels, users, and links" for the command).'
          : '';
        return fail(`Usage: \`role <commander|comms|scribe> @person\`.${hint}`);
      }
      return ok({ verb: 'role', incident, role, slackUserId });
    }
    case 'update': {
      if (!freeText) return fail('Usage: `update <what changed, for the people following the incident>`');
      return ok({ verb: 'update', incident, text: freeText });
    }
    case 'resolve':
      if (args.length) return fail('Usage: `resolve` (in the incident channel) or `resolve INC-<number>`');
      return ok({ verb: 'resolve', incident });
    case 'set':
      if (!freeText) return fail('Usage: `set <field> <value>`, e.g. `set affected_users 1,200` or `set personal_data_exposed yes`');
      return ok({ verb: 'set', incident, assignment: freeText });
    case 'runbook':
      if (args.length !== 1) return fail('Usage: `runbook <runbook id>` (in the incident channel) or `runbook INC-<number> <runbook id>`');
      return ok({ verb: 'runbook', incident, runbookId: args[0]! });
    default:
      return fail(`Unknown command \`${first}\`.`);
  }
}

/** `<@U123>`, `<@U123|name>` or a bare user id. */
function mentionedUser(token: string): string | undefined {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token);
  if (mention) return mention[1];
  return /^[UW][A-Z0-9]{2,}$/.test(token) ? token : undefined;
}

function ok(command: IncidentCommand): ParsedCommand {
  return { ok: true, command };
}

function fail(problem: string): ParsedCommand {
  return { ok: false, problem };
}
