import { reportSettings } from '../../config/report-settings.js';
import { burndownPoints, type BurndownStep } from '../../domain/reports/burndown.js';
import type { SloWeekTotals } from '../../domain/reports/slo-rows.js';
import type { ReportScope } from '../../domain/reports/types.js';
import { formatIsoWeek, localDate, parseIsoWeek, previousWeek, weekContaining, weekSpan, type IsoWeek } from '../../domain/reports/week.js';
import { weeklyReview, type WeeklyReview } from '../../domain/reports/weekly-review.js';
import { POSTMORTEM_REQUIRED_SHARE } from '../../domain/slo/attribution.js';
import { EMPTY_TOTALS, type Totals } from '../../domain/slo/buckets.js';
import { elapsedWindow } from '../../domain/slo/budget.js';
import type { SloDefinition } from '../../domain/slo/definition.js';
import { DAY_MS, type Span } from '../../domain/slo/types.js';
import { ValidationError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import {
  countFollowUps,
  findServiceByName,
  findTeamIdByName,
  listFollowUpsDue,
  listImpactsOfIncidents,
  listPageNotices,
  listPostmortemCandidates,
  listTeamScope,
  listWeekIncidents,
  sumHoursBetween,
  type ScopeServices,
} from '../../store/repositories/reports.js';
import { sumRollups } from '../../store/repositories/sli-data.js';
import { listSlos } from '../../store/repositories/slos.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';

export interface WeeklyReviewRequest {
  /** ISO week, e.g. 2026-W48; the last complete week when absent. */
  week?: string;
  team?: string;
  service?: string;
}

/** Incidents declared this long before the week are still looked at, in case they were open during it. */
const CARRY_OVER_LOOKBACK_MS = 90 * DAY_MS;
/** Impact may start before the declaration: incidents declared this long after the week may have impact in it. */
const LATE_DECLARATION_MS = DAY_MS;
/** Postmortems due are looked for among the incidents of the last four weeks. */
const POSTMORTEM_LOOKBACK_MS = 28 * DAY_MS;
/** Up to this many SLOs the burndown has hourly points; more lines than that are drawn per day. */
const HOURLY_BURNDOWN_MAX_SLOS = 20;

export async function getWeeklyReview(deps: Deps, principal: Principal, request: WeeklyReviewRequest): Promise<WeeklyReview> {
  authorize(principal, 'viewer');
  return deps.db.transaction().execute((tx) => readWeeklyReview(tx, deps, request));
}

/** The review read inside the caller's transaction (the weekly Slack post reads it this way too). */
export async function readWeeklyReview(tx: Executor, deps: Deps, request: WeeklyReviewRequest): Promise<WeeklyReview> {
  const { working } = reportSettings(deps.settings);
  const zone = working.timeZone;
  const now = deps.clock.now().getTime();
  const week = request.week === undefined ? previousWeek(weekContaining(now, zone)) : parseWeek(request.week);
  const span = weekSpan(week, zone);
  if (span.start > now) throw new ValidationError('week', `${formatIsoWeek(week)} has not started yet`);
  const end = Math.min(span.end, now);
  const { scope, services } = await resolveScope(tx, request);
  const from = iso(span.start);
  const to = iso(end);

  const slos = (await listSlos(tx, services.serviceIds ? { serviceIds: services.serviceIds } : {})).map((record) => record.definition);
  const ids = slos.map((slo) => slo.id);
  const lastWeek: Span = { start: weekSpan(previousWeek(week), zone).start, end: span.start };
  const thisWeekSums = await sumRollups(tx, ids, { start: span.start, end });
  const lastWeekSums = await sumRollups(tx, ids, lastWeek);
  const atEnd = await windowSums(tx, slos, end);
  const atStart = await windowSums(tx, slos, span.start);
  const totals: SloWeekTotals[] = slos.map((slo) => ({
    slo,
    windowAtEnd: atEnd.get(slo.id) ?? EMPTY_TOTALS,
    windowAtStart: atStart.get(slo.id) ?? EMPTY_TOTALS,
    thisWeek: thisWeekSums.get(slo.id) ?? EMPTY_TOTALS,
    lastWeek: lastWeekSums.get(slo.id) ?? EMPTY_TOTALS,
  }));

  const step: BurndownStep = slos.length <= HOURLY_BURNDOWN_MAX_SLOS ? 'hour' : 'day';
  const points = burndownPoints(span, step, zone);
  const inWeek = await sumHoursBetween(tx, ids, points);
  const leaving = await leavingSums(tx, slos, points);

  const incidents = await listWeekIncidents(tx, { from, to: iso(span.end) }, { from: iso(span.start - CARRY_OVER_LOOKBACK_MS), to: iso(span.end + LATE_DECLARATION_MS) }, services.serviceIds);
  const impacts = await listImpactsOfIncidents(tx, incidents.map((incident) => incident.id));
  const notices = await listPageNotices(tx, { from, to }, services);
  const counts = await countFollowUps(tx, { from, to }, services.serviceIds);
  const open = await listFollowUpsDue(tx, localDate(end, zone), to, services.serviceIds);
  const candidates = await listPostmortemCandidates(tx, { from: iso(end - POSTMORTEM_LOOKBACK_MS), to }, deps.settings.severities.slice(0, 2), POSTMORTEM_REQUIRED_SHARE, services.serviceIds);

  return weeklyReview({
    week: formatIsoWeek(week),
    span,
    end,
    generatedAt: now,
    scope,
    working,
    severities: deps.settings.severities,
    slos: totals,
    burndown: { step, points, sums: new Map(ids.map((id) => [id, { inWeek: inWeek.get(id) ?? [], leaving: leaving.get(id) ?? [] }])) },
    impacts,
    incidents,
    notices,
    followUps: { ...counts, open },
    postmortemCandidates: candidates,
  });
}

function parseWeek(text: string): IsoWeek {
  const parsed = parseIsoWeek(text);
  if ('problem' in parsed) throw new ValidationError('week', parsed.problem);
  return parsed;
}

async function resolveScope(tx: Executor, request: WeeklyReviewRequest): Promise<{ scope: ReportScope; services: ScopeServices }> {
  if (request.team !== undefined && request.service !== undefined) throw new ValidationError('service', 'give a team or a service, not both');
  if (request.team !== undefined) {
    const teamId = await findTeamIdByName(tx, request.team);
    if (!teamId) throw new ValidationError('team', `no team is named "${request.team}"`);
    return { scope: { kind: 'team', team: request.team }, services: await listTeamScope(tx, teamId) };
  }
  if (request.service !== undefined) {
    const service = await findServiceByName(tx, request.service);
    if (!service) throw new ValidationError('service', `no service is named "${request.service}"`);
    return { scope: { kind: 'service', service: request.service }, services: { serviceIds: [service.id], memberIds: null, policyIds: service.escalationPolicyId ? [service.escalationPolicyId] : [] } };
  }
  return { scope: { kind: 'organisation' }, services: { serviceIds: null, memberIds: null, policyIds: [] } };
}

/** Each SLO's elapsed window at `at`, summed from roll-ups: one query set per distinct window span. */
async function windowSums(tx: Executor, slos: readonly SloDefinition[], at: number): Promise<Map<string, Totals>> {
  const groups = new Map<string, { span: Span; ids: string[] }>();
  for (const slo of slos) {
    const span = elapsedWindow(slo, at);
    const key = `${span.start}:${span.end}`;
    const group = groups.get(key) ?? { span, ids: [] };
    group.ids.push(slo.id);
    groups.set(key, group);
  }
  const out = new Map<string, Totals>();
  for (const { span, ids } of groups.values()) for (const [id, sums] of await sumRollups(tx, ids, span)) out.set(id, sums);
  return out;
}

/** For rolling windows: what slides out of the window between points (the same intervals one window earlier). */
async function leavingSums(tx: Executor, slos: readonly SloDefinition[], points: readonly number[]): Promise<Map<string, Totals[]>> {
  const byDays = new Map<number, string[]>();
  for (const slo of slos) if (slo.window.kind === 'rolling') byDays.set(slo.window.days, [...(byDays.get(slo.window.days) ?? []), slo.id]);
  const out = new Map<string, Totals[]>();
  for (const [days, ids] of byDays) {
    const shifted = points.map((point) => point - days * DAY_MS);
    for (const [id, sums] of await sumHoursBetween(tx, ids, shifted)) out.set(id, sums);
  }
  return out;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
