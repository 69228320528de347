import type { ExpressionBuilder } from 'kysely';
import type { OpenFollowUp, PostmortemCandidate } from '../../domain/reports/follow-ups.js';
import type { PageNotice } from '../../domain/reports/paging-load.js';
import type { IncidentImpactRow } from '../../domain/reports/week-attribution.js';
import type { ReviewIncident } from '../../domain/reports/week-incidents.js';
import type { PostmortemStatus } from '../../domain/postmortems/types.js';
import { EMPTY_TOTALS, type Totals } from '../../domain/slo/buckets.js';
import type { Executor } from '../database.js';
import type { Database } from '../schema.js';

/** The weekly review's aggregate reads: one week of incidents, pages and follow-ups by index, SLO sums from roll-ups. */

/** Ids per `in (...)` list: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 900;

export interface ScopeServices {
  /** null: the whole organisation (every incident, page and follow-up, with or without a service). */
  serviceIds: string[] | null;
  /** Team members, for a team's paging load; null outside a team scope. */
  memberIds: string[] | null;
  /** The escalation policies of the scope's services, whose pages count for a service scope. */
  policyIds: string[];
}

export async function findTeamIdByName(db: Executor, name: string): Promise<string | undefined> {
  return (await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst())?.id;
}

export async function findServiceByName(db: Executor, name: string): Promise<{ id: string; escalationPolicyId: string | null } | undefined> {
  const row = await db.selectFrom('services').select(['id', 'escalation_policy_id']).where('name', '=', name).executeTakeFirst();
  return row && { id: row.id, escalationPolicyId: row.escalation_policy_id };
}

export async function listTeamScope(db: Executor, teamId: string): Promise<ScopeServices> {
  const services = await db.selectFrom('services').select(['id', 'escalation_policy_id']).where('team_id', '=', teamId).execute();
  const members = await db.selectFrom('team_members').select('user_id').where('team_id', '=', teamId).execute();
  return {
    serviceIds: services.map((s) => s.id),
    memberIds: members.map((m) => m.user_id),
    policyIds: services.flatMap((s) => (s.escalation_policy_id ? [s.escalation_policy_id] : [])),
  };
}

/** Service ids to names, for SLO rows. */
export async function serviceNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks(ids)) {
    for (const row of await db.selectFrom('services').select(['id', 'name']).where('id', 'in', chunk).execute()) out.set(row.id, row.name);
  }
  return out;
}

function withServices(serviceIds: string[] | null) {
  return (eb: ExpressionBuilder<Database, 'incidents'>) =>
    serviceIds === null
      ? eb.lit(true)
      : eb.exists(eb.selectFrom('incident_services').select('incident_services.incident_id').whereRef('incident_services.incident_id', '=', 'incidents.id').where('incident_services.service_id', 'in', serviceIds.length ? serviceIds : ['']));
}

/**
 * Incidents whose impact (start, or declaration, to resolution) overlaps [from, to): found by
 * the declaration index between `declaredFrom` (a look-back) and a day past the week, since
 * impact may start before an incident is declared.
 */
export async function listWeekIncidents(db: Executor, week: { from: string; to: string }, declared: { from: string; to: string }, serviceIds: string[] | null): Promise<ReviewIncident[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'number', 'title', 'severity', 'status', 'impact_started_at', 'detected_at', 'declared_at', 'acknowledged_at', 'mitigated_at', 'resolved_at'])
    .where('declared_at', '>=', declared.from)
    .where('declared_at', '<', declared.to)
    .where((eb) => eb(eb.fn.coalesce('impact_started_at', 'declared_at'), '<', week.to))
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', week.from)]))
    .where(withServices(serviceIds))
    .execute();
  const ids = rows.map((row) => row.id);
  const services = await incidentServiceNames(db, ids);
  const postmortems = await postmortemStatuses(db, ids);
  return rows.map((row) => ({
    id: row.id,
    number: Number(row.number),
    title: row.title,
    severity: row.severity,
    status: row.status,
    services: (services.get(row.id) ?? []).sort(),
    impactStartedAt: row.impact_started_at,
    detectedAt: row.detected_at,
    declaredAt: row.declared_at,
    acknowledgedAt: row.acknowledged_at,
    mitigatedAt: row.mitigated_at,
    resolvedAt: row.resolved_at,
    postmortemStatus: postmortems.get(row.id) ?? null,
  }));
}

async function incidentServiceNames(db: Executor, incidentIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const chunk of chunks(incidentIds)) {
    const rows = await db
      .selectFrom('incident_services')
      .innerJoin('services', 'services.id', 'incident_services.service_id')
      .select(['incident_services.incident_id', 'services.name'])
      .where('incident_services.incident_id', 'in', chunk)
      .execute();
    for (const row of rows) out.set(row.incident_id, [...(out.get(row.incident_id) ?? []), row.name]);
  }
  return out;
}

async function postmortemStatuses(db: Executor, incidentIds: readonly string[]): Promise<Map<string, PostmortemStatus>> {
  const out = new Map<string, PostmortemStatus>();
  for (const chunk of chunks(incidentIds)) {
    const rows = await db.selectFrom('postmortems').select(['incident_id', 'status']).where('incident_id', 'in', chunk).execute();
    for (const row of rows) out.set(row.incident_id, row.status as PostmortemStatus);
  }
  return out;
}

/** The per-incident budget rows (incident_slo_impacts) of these incidents. */
export async function listImpactsOfIncidents(db: Executor, incidentIds: readonly string[]): Promise<IncidentImpactRow[]> {
  const out: IncidentImpactRow[] = [];
  for (const chunk of chunks(incidentIds)) {
    const rows = await db
      .selectFrom('incident_slo_impacts')
      .select(['incident_id', 'slo_id', 'span_start', 'span_end', 'bad', 'share', 'estimated'])
      .where('incident_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      out.push({ incidentId: row.incident_id, sloId: row.slo_id, span: { start: Number(row.span_start), end: Number(row.span_end) }, bad: Number(row.bad), share: Number(row.share), estimated: Number(row.estimated) === 1 });
    }
  }
  return out;
}

/**
 * Hour roll-ups summed between consecutive `points` per SLO: result[i] covers
 * [points[i], points[i+1]). One grouped query; an hour belongs to the interval its start is in.
 */
export async function sumHoursBetween(db: Executor, sloIds: readonly string[], points: readonly number[]): Promise<Map<string, Totals[]>> {
  const out = new Map<string, Totals[]>(sloIds.map((id) => [id, points.slice(1).map(() => ({ ...EMPTY_TOTALS }))]));
  if (points.length < 2) return out;
  // Evenly spaced points (hours) are a division cast to integer (SQLite binds JS numbers as reals); uneven ones (local midnights across a DST change) a CASE.
  const step = points.every((point, i) => i === 0 || point - points[i - 1]! === points[1]! - points[0]!) ? points[1]! - points[0]! : null;
  for (const chunk of chunks(sloIds)) {
    const rows = await db
      .selectFrom('sli_rollups')
      .select((eb) => {
        const interval = step ? eb.cast<number>(eb(eb.parens('start', '-', points[0]!), '/', step), 'integer') : intervalCase(eb, points);
        return [
          'slo_id',
          interval.as('interval'),
          eb.fn.sum<number>('good').as('good'),
          eb.fn.sum<number>('total').as('total'),
          eb.fn.sum<number>('bad').as('bad'),
          eb.fn.sum<number>('minutes_with_data').as('minutes'),
        ];
      })
      .where('slo_id', 'in', chunk)
      .where('unit', '=', 'hour')
      .where('start', '>=', points[0]!)
      .where('start', '<', points[points.length - 1]!)
      .groupBy(['slo_id', 'interval'])
      .execute();
    for (const row of rows) {
      const sums = out.get(row.slo_id)![Number(row.interval)]!;
      sums.good += Number(row.good);
      sums.total += Number(row.total);
      sums.bad += Number(row.bad);
      sums.minutesWithData += Number(row.minutes);
    }
  }
  return out;
}

function intervalCase(eb: ExpressionBuilder<Database, 'sli_rollups'>, points: readonly number[]) {
  let bucket = eb.case().when('start', '<', points[1]!).then(0);
  for (let i = 2; i < points.length - 1; i++) bucket = bucket.when('start', '<', points[i]!).then(i - 1);
  return bucket.else(points.length - 2).end();
}

/**
 * Interruptions of the week: notifications sent to people (not webhooks), with the person's
 * zone. Scoped to a team's members, or to pages of a service's incidents or escalation policy.
 */
export async function listPageNotices(
  db: Executor,
  week: { from: string; to: string },
  scope: { memberIds: string[] | null; serviceIds: string[] | null; policyIds: string[] },
): Promise<PageNotice[]> {
  let query = db
    .selectFrom('page_notifications')
    .innerJoin('pages', 'pages.id', 'page_notifications.page_id')
    .leftJoin('users', 'users.id', 'page_notifications.recipient_id')
    .select([
      'page_notifications.page_id',
      'page_notifications.cycle',
      'page_notifications.level',
      'page_notifications.recipient_id',
      'page_notifications.recipient_name',
      'page_notifications.created_at',
      'page_notifications.sent_at',
      'users.time_zone',
    ])
    .where('page_notifications.created_at', '>=', week.from)
    .where('page_notifications.created_at', '<', week.to)
    .where('page_notifications.recipient_type', '=', 'user')
    .where('page_notifications.status', '=', 'sent');
  if (scope.memberIds) query = query.where('page_notifications.recipient_id', 'in', scope.memberIds.length ? scope.memberIds : ['']);
  else if (scope.serviceIds) {
    const serviceIds = scope.serviceIds.length ? scope.serviceIds : [''];
    query = query.where((eb) =>
      eb.or([
        eb('pages.escalation_policy_id', 'in', scope.policyIds.length ? scope.policyIds : ['']),
        eb.exists(eb.selectFrom('incident_services').select('incident_services.incident_id').whereRef('incident_services.incident_id', '=', 'pages.incident_id').where('incident_services.service_id', 'in', serviceIds)),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    pageId: row.page_id,
    cycle: Number(row.cycle),
    level: Number(row.level),
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    recipientZone: row.time_zone,
    at: Date.parse(row.sent_at ?? row.created_at),
  }));
}

function actionItemsInScope(serviceIds: string[] | null) {
  return (eb: ExpressionBuilder<Database, 'action_items'>) =>
    serviceIds === null
      ? eb.lit(true)
      : eb.exists(eb.selectFrom('incident_services').select('incident_services.incident_id').whereRef('incident_services.incident_id', '=', 'action_items.incident_id').where('incident_services.service_id', 'in', serviceIds.length ? serviceIds : ['']));
}

/** Follow-ups created, and closed (done or won't do, by their last change), during the week. */
export async function countFollowUps(db: Executor, week: { from: string; to: string }, serviceIds: string[] | null): Promise<{ opened: number; closed: number }> {
  const opened = await db
    .selectFrom('action_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', week.from)
    .where('created_at', '<', week.to)
    .where(actionItemsInScope(serviceIds))
    .executeTakeFirstOrThrow();
  const closed = await db
    .selectFrom('action_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('updated_at', '>=', week.from)
    .where('updated_at', '<', week.to)
    .where('status', '!=', 'open')
    .where(actionItemsInScope(serviceIds))
    .executeTakeFirstOrThrow();
  return { opened: Number(opened.n), closed: Number(closed.n) };
}

/** Follow-ups due before `dueBefore` (YYYY-MM-DD) and still open at `openAt` (closed later counts as open then). */
export async function listFollowUpsDue(db: Executor, dueBefore: string, openAt: string, serviceIds: string[] | null): Promise<OpenFollowUp[]> {
  const rows = await db
    .selectFrom('action_items')
    .innerJoin('incidents', 'incidents.id', 'action_items.incident_id')
    .leftJoin('users', 'users.id', 'action_items.owner_id')
    .select(['action_items.id', 'action_items.incident_id', 'incidents.number', 'action_items.title', 'users.name as owner_name', 'action_items.due_date'])
    .where('action_items.due_date', 'is not', null)
    .where('action_items.due_date', '<', dueBefore)
    .where('action_items.created_at', '<', openAt)
    .where((eb) => eb.or([eb('action_items.status', '=', 'open'), eb('action_items.updated_at', '>=', openAt)]))
    .where(actionItemsInScope(serviceIds))
    .execute();
  return rows.map((row) => ({ id: row.id, incidentId: row.incident_id, incidentNumber: Number(row.number), title: row.title, ownerName: row.owner_name, dueDate: row.due_date! }));
}

/**
 * Incidents declared in [from, to) that the postmortem policy may ask a postmortem for (one of
 * `severities`, or an SLO impact ≥ `minShare`) and whose postmortem is not published.
 */
export async function listPostmortemCandidates(
  db: Executor,
  declared: { from: string; to: string },
  severities: readonly string[],
  minShare: number,
  serviceIds: string[] | null,
): Promise<PostmortemCandidate[]> {
  const rows = await db
    .selectFrom('incidents')
    .leftJoin('postmortems', 'postmortems.incident_id', 'incidents.id')
    .select((eb) => [
      'incidents.id',
      'incidents.number',
      'incidents.title',
      'incidents.severity',
      'incidents.declared_at',
      'postmortems.status',
      eb.selectFrom('incident_slo_impacts').select((sub) => sub.fn.max<number>('share').as('share')).whereRef('incident_slo_impacts.incident_id', '=', 'incidents.id').as('max_share'),
    ])
    .where('incidents.declared_at', '>=', declared.from)
    .where('incidents.declared_at', '<', declared.to)
    .where((eb) => eb.or([eb('postmortems.status', 'is', null), eb('postmortems.status', '!=', 'published')]))
    .where((eb) =>
      eb.or([
        eb('incidents.severity', 'in', severities.length ? [...severities] : ['']),
        eb.exists(eb.selectFrom('incident_slo_impacts').select('incident_slo_impacts.incident_id').whereRef('incident_slo_impacts.incident_id', '=', 'incidents.id').where('incident_slo_impacts.share', '>=', minShare)),
      ]),
    )
    .where(withServices(serviceIds))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: Number(row.number),
    title: row.title,
    severity: row.severity,
    declaredAt: row.declared_at,
    postmortemStatus: (row.status as PostmortemStatus | null) ?? null,
    maxShare: Number(row.max_share ?? 0),
  }));
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}
