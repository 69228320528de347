import { DateTime } from 'luxon';
import type { Totals } from '../slo/buckets.js';
import type { Span } from '../slo/types.js';
import { burndown, type BurndownStep } from './burndown.js';
import { followUps, postmortemsDue, type FollowUps, type OpenFollowUp, type PostmortemCandidate, type PostmortemDue } from './follow-ups.js';
import { pagingLoad, type PageNotice, type PagingLoad } from './paging-load.js';
import { sloRow, type SloRow, type SloWeekTotals } from './slo-rows.js';
import type { ReportScope, WorkingTime } from './types.js';
import { localDate } from './week.js';
import { attributeWeek, type AttributedIncident, type IncidentImpactRow, type WeekAttribution } from './week-attribution.js';
import { incidentBand, weekIncidents, type ReviewIncident, type WeekIncidents } from './week-incidents.js';

/** At most this many postmortems due are listed (the count says how many there are). */
export const POSTMORTEMS_DUE_LISTED = 50;

export interface WeeklyReviewInput {
  week: string;
  span: Span;
  /** The week's end, or now while the week runs. */
  end: number;
  generatedAt: number;
  scope: ReportScope;
  working: WorkingTime;
  severities: readonly string[];
  slos: readonly SloWeekTotals[];
  burndown: { step: BurndownStep; points: readonly number[]; sums: ReadonlyMap<string, { inWeek: Totals[]; leaving: Totals[] }> };
  impacts: readonly IncidentImpactRow[];
  incidents: readonly ReviewIncident[];
  notices: readonly PageNotice[];
  followUps: { opened: number; closed: number; open: readonly OpenFollowUp[] };
  postmortemCandidates: readonly PostmortemCandidate[];
}

export interface BurndownChart {
  step: BurndownStep;
  /** Epoch milliseconds of each point. */
  points: number[];
  /** Share of budget left at each point; null in the future or without data. */
  series: Array<{ sloId: string; name: string; remaining: Array<number | null> }>;
  /** Incidents' impact (start to mitigation) inside the week, epoch milliseconds. */
  bands: Array<{ incidentId: string; reference: string; start: number; end: number }>;
}

export interface WeeklyReview {
  week: string;
  scope: ReportScope;
  period: { start: string; end: string; timeZone: string };
  /** False while the week is still running: figures stop at `generatedAt`. */
  complete: boolean;
  generatedAt: string;
  slos: SloRow[];
  burndown: BurndownChart;
  attribution: Array<Omit<WeekAttribution, 'incidents'> & { incidents: Array<AttributedIncident & { reference: string }> }>;
  incidents: WeekIncidents;
  paging: PagingLoad;
  followUps: FollowUps;
  postmortemsDue: { count: number; items: PostmortemDue[] };
  /** What had nothing to show, so a quiet week is never mistaken for a perfect one. */
  noData: { slos: boolean; incidents: boolean; paging: boolean };
}

export function weeklyReview(input: WeeklyReviewInput): WeeklyReview {
  const { span, end } = input;
  const zone = input.working.timeZone;
  const slos = input.slos.map((totals) => sloRow(totals, span, end));
  const references = new Map(input.incidents.map((incident) => [incident.id, `INC-${incident.number}`]));
  const attribution = slos.map((row) => {
    const week = attributeWeek(row.sloId, row.unit, span, row.badThisWeek, row.budget, input.impacts);
    return { ...week, incidents: week.incidents.map((incident) => ({ ...incident, reference: references.get(incident.incidentId) ?? incident.incidentId })) };
  });
  const incidents = weekIncidents(input.incidents, input.impacts, span, input.severities);
  const due = postmortemsDue(input.postmortemCandidates, input.severities, end);
  const today = localDate(end, zone);
  return {
    week: input.week,
    scope: input.scope,
    period: { start: localIso(span.start, zone), end: localIso(span.end, zone), timeZone: zone },
    complete: end >= span.end,
    generatedAt: new Date(input.generatedAt).toISOString(),
    slos,
    burndown: {
      step: input.burndown.step,
      points: [...input.burndown.points],
      series: input.slos.map(({ slo, windowAtStart }) => {
        const sums = input.burndown.sums.get(slo.id) ?? { inWeek: [], leaving: [] };
        return { sloId: slo.id, name: slo.name, remaining: burndown(slo, input.burndown.points, windowAtStart, sums.inWeek, sums.leaving, end) };
      }),
      bands: input.incidents.map((incident) => incidentBand(incident, span, end)).filter((band) => band !== null).sort((a, b) => a.start - b.start),
    },
    attribution,
    incidents,
    paging: pagingLoad(input.notices, input.working),
    followUps: followUps(input.followUps.opened, input.followUps.closed, input.followUps.open, today),
    postmortemsDue: { count: due.length, items: due.slice(0, POSTMORTEMS_DUE_LISTED) },
    noData: {
      slos: slos.every((row) => row.burntThisWeek === null),
      incidents: incidents.lines.length === 0,
      paging: input.notices.length === 0,
    },
  };
}

function localIso(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true })!;
}
