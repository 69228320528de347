import { fieldValueOf } from '../../domain/fields/change.js';
import type { IncidentFields } from '../../domain/fields/definition.js';
import type { IncidentRole } from '../../domain/incidents/incident.js';
import type { IncidentStatus } from '../../domain/incidents/status.js';
import type { Executor } from '../../store/database.js';
import { findIncidentChannel, type IncidentChannel } from '../../store/repositories/slack.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { viewIncident } from '../incidents/incident-view.js';
import { readSlackFacts, type SlackFact } from './slack-facts.js';

/** A person as Slack messages show them: a mention when Hikeshi knows their Slack id. */
export interface SlackPerson {
  userId: string;
  name: string;
  slackUserId: string | null;
}

/** What the Slack channel automation renders of an incident (topic, summary, announcement). */
export interface SlackIncident {
  id: string;
  number: number;
  reference: string;
  title: string;
  summary: string;
  status: IncidentStatus;
  severity: string;
  /** The configured severities, worst first: the choices of the severity menu. */
  severities: string[];
  allowedTransitions: IncidentStatus[];
  acknowledged: boolean;
  roles: Record<IncidentRole, SlackPerson | null>;
  declaredBy: SlackPerson | null;
  services: string[];
  /** The declared custom facts (settings `fields`), shown in the summary message. */
  facts: SlackFact[];
  /** Null when inquiries are not counted; else the count, and the announcement offers "Another customer reported this". */
  inquiries: { count: number } | null;
  declaredAt: string;
  updatedAt: string;
}

export interface SlackIncidentState {
  incident: SlackIncident;
  /** Undefined until the channel exists. */
  channel: IncidentChannel | undefined;
}

export async function readSlackIncident(deps: Deps, incidentId: string): Promise<SlackIncidentState> {
  return loadSlackIncident(deps.db, deps, incidentId);
}

export async function loadSlackIncident(tx: Executor, deps: Deps, incidentId: string): Promise<SlackIncidentState> {
  const view = await viewIncident(tx, await findIncident(tx, incidentId));
  const people = [view.roles.commander, view.roles.communications, view.roles.scribe, view.declaredBy].filter(
    (ref): ref is NonNullable<typeof ref> => ref !== null,
  );
  const slackIds = await slackIdsOf(tx, people.map((p) => p.id));
  const person = (ref: { id: string; name: string } | null): SlackPerson | null =>
    ref ? { userId: ref.id, name: ref.name, slackUserId: slackIds.get(ref.id) ?? null } : null;
  return {
    incident: {
      id: view.id,
      number: view.number,
      reference: view.reference,
      title: view.title,
      summary: view.summary,
      status: view.status,
      severity: view.severity,
      severities: [...deps.settings.severities],
      allowedTransitions: view.allowedTransitions,
      acknowledged: view.acknowledgedAt !== null,
      roles: {
        commander: person(view.roles.commander),
        communications: person(view.roles.communications),
        scribe: person(view.roles.scribe),
      },
      declaredBy: person(view.declaredBy),
      services: view.services.map((s) => s.name),
      facts: await readSlackFacts(tx, deps.settings.fields, view.fields),
      inquiries: inquiryCount(deps, view.fields),
      declaredAt: view.declaredAt,
      updatedAt: view.updatedAt,
    },
    channel: await findIncidentChannel(tx, view.id),
  };
}

function inquiryCount(deps: Deps, fields: IncidentFields): { count: number } | null {
  const field = deps.settings.inquiries.field;
  if (field === null) return null;
  const count = fieldValueOf(fields, field);
  return { count: typeof count === 'number' ? count : 0 };
}

/** Hikeshi user id → Slack user id, for those who have one. */
export async function slackIdsOf(tx: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await listUsersByIds(tx, userIds);
  return new Map(users.filter((u) => u.slackUserId).map((u) => [u.id, u.slackUserId!]));
}

export async function readPeople(tx: Executor, userIds: readonly string[]): Promise<Map<string, SlackPerson>> {
  const users = await listUsersByIds(tx, userIds);
  return new Map(users.map((u) => [u.id, { userId: u.id, name: u.name, slackUserId: u.slackUserId }]));
}
