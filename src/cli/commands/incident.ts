import { INCIDENT_STATUSES } from '../../domain/incidents/status.js';
import { declareIncident } from '../../usecases/incidents/declare-incident.js';
import { getIncident, listIncidents, listTimeline } from '../../usecases/incidents/read-incidents.js';
import { resolveIncident, updateIncident, type UpdateInput } from '../../usecases/incidents/update-incident.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, listOption, oneOf, UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { incidentDetails, incidentLine, incidentTable } from '../present/incident.js';
import { withDeps } from '../session.js';

const INCIDENT = 'INCIDENT';
const incidentNote = `${INCIDENT} is a reference (INC-12), a number (12) or an id.`;

export const incidentDeclare = defineCommand({
  name: 'incident declare',
  summary: 'Declare an incident; it starts in triage',
  arguments: ['TITLE'],
  options: {
    severity: { type: 'string', placeholder: 'SEVERITY', description: 'e.g. SEV2 (default: the mildest configured)' },
    summary: { type: 'string', placeholder: 'TEXT', description: 'What is known so far' },
    service: { type: 'string', multiple: true, placeholder: 'SERVICE', description: 'An affected service, by name or id' },
    tag: { type: 'string', multiple: true, placeholder: 'TAG', description: 'A tag' },
  },
  fields: { services: 'service', tags: 'tag' },
  notes: ['Example: hikeshi incident declare "決済APIの遅延" --severity SEV2 --service payments'],
  async run({ args, options, json, io }) {
    const incident = await withDeps((deps) =>
      declareIncident(
        deps,
        {
          title: args[0]!,
          ...(options.severity !== undefined && { severity: options.severity }),
          ...(options.summary !== undefined && { summary: options.summary }),
          ...(options.service && { services: options.service }),
          ...(options.tag && { tags: options.tag }),
        },
        SYSTEM_PRINCIPAL,
      ),
    );
    io.out(json ? toJson(incident) : incidentLine('Declared', incident));
  },
});

export const incidentList = defineCommand({
  name: 'incident list',
  summary: 'List incidents, newest first',
  options: {
    status: { type: 'string', multiple: true, placeholder: 'STATUS,...', description: `Only these: ${INCIDENT_STATUSES.join(', ')}` },
    severity: { type: 'string', multiple: true, placeholder: 'SEVERITY,...', description: 'Only these severities' },
    service: { type: 'string', multiple: true, placeholder: 'SERVICE', description: 'Only incidents affecting this service' },
    limit: { type: 'string', placeholder: 'N', description: 'At most N incidents (1-200, default 50)' },
    cursor: { type: 'string', placeholder: 'CURSOR', description: 'Continue after a previous page' },
  },
  fields: { statuses: 'status', severities: 'severity', services: 'service' },
  async run({ options, json, io }) {
    const limit = integerOption(options.limit, 'limit', 1, 200);
    const page = await withDeps((deps) =>
      listIncidents(
        deps,
        {
          statuses: listOption(options.status),
          severities: listOption(options.severity),
          services: options.service,
          ...(limit !== undefined && { limit }),
          ...(options.cursor !== undefined && { cursor: options.cursor }),
        },
        SYSTEM_PRINCIPAL,
      ),
    );
    if (json) return io.out(toJson(page));
    io.out(incidentTable(page.items));
    if (page.nextCursor) io.err(`More: hikeshi incident list --cursor ${page.nextCursor}\n`);
  },
});

export const incidentShow = defineCommand({
  name: 'incident show',
  summary: 'Show an incident and its timeline',
  arguments: [INCIDENT],
  options: {},
  notes: [incidentNote],
  async run({ args, json, io }) {
    const [incident, timeline] = await withDeps(async (deps) => [
      await getIncident(deps, args[0]!, SYSTEM_PRINCIPAL),
      await listTimeline(deps, args[0]!, SYSTEM_PRINCIPAL),
    ] as const);
    io.out(json ? toJson({ incident, timeline }) : incidentDetails(incident, timeline));
  },
});

const ROLE_OPTION = { type: 'string', placeholder: 'USER_ID', description: 'Assign this role to a user ("" to clear)' } as const;

export const incidentUpdate = defineCommand({
  name: 'incident update',
  summary: "Change an incident's status, severity, title, summary or roles",
  arguments: [INCIDENT],
  options: {
    status: { type: 'string', placeholder: 'STATUS', description: INCIDENT_STATUSES.join(', ') },
    severity: { type: 'string', placeholder: 'SEVERITY', description: 'e.g. SEV1' },
    title: { type: 'string', placeholder: 'TITLE', description: 'A new title' },
    summary: { type: 'string', placeholder: 'TEXT', description: 'A new summary (replaces the old one)' },
    commander: ROLE_OPTION,
    communications: ROLE_OPTION,
    scribe: ROLE_OPTION,
  },
  fields: { 'roles.commander': 'commander', 'roles.communications': 'communications', 'roles.scribe': 'scribe' },
  notes: [incidentNote, 'Each change is written to the timeline; an invalid status move names the allowed ones.'],
  async run({ args, options, json, io }) {
    const { status, severity, title, summary, commander, communications, scribe } = options;
    const roles = Object.fromEntries(
      Object.entries({ commander, communications, scribe })
        .filter(([, id]) => id !== undefined)
        .map(([role, id]) => [role, id === '' ? null : id]),
    );
    const change: UpdateInput = {
      ...(status !== undefined && { status: oneOf(status, 'status', INCIDENT_STATUSES) }),
      ...(severity !== undefined && { severity }),
      ...(title !== undefined && { title }),
      ...(summary !== undefined && { summary }),
      ...(Object.keys(roles).length && { roles }),
    };
    if (!Object.keys(change).length) {
      throw new UsageError('nothing to change: give --status, --severity, --title, --summary or a role');
    }
    const incident = await withDeps((deps) => updateIncident(deps, args[0]!, change, SYSTEM_PRINCIPAL));
    io.out(json ? toJson(incident) : incidentLine('Updated', incident));
  },
});

export const incidentResolve = defineCommand({
  name: 'incident resolve',
  summary: 'Resolve an incident',
  arguments: [INCIDENT],
  options: {
    summary: { type: 'string', placeholder: 'TEXT', description: 'The summary to record with the resolution' },
  },
  notes: [incidentNote],
  async run({ args, options, json, io }) {
    const incident = await withDeps((deps) => resolveIncident(deps, args[0]!, options.summary, SYSTEM_PRINCIPAL));
    io.out(json ? toJson(incident) : incidentLine('Resolved', incident));
  },
});
