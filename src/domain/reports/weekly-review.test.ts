import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS } from '../slo/buckets.js';
import type { SloDefinition } from '../slo/definition.js';
import { HOUR_MS, MINUTE_MS } from '../slo/types.js';
import { burndownPoints } from './burndown.js';
import { weeklyReviewMarkdown } from './markdown.js';
import type { WorkingTime } from './types.js';
import { parseIsoWeek, weekSpan, type IsoWeek } from './week.js';
import type { ReviewIncident } from './week-incidents.js';
import { weeklyReview, type WeeklyReviewInput } from './weekly-review.js';

const working: WorkingTime = {
  timeZone: 'Asia/Tokyo',
  businessHours: { start: '09:00', end: '18:00', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  sleepHours: { start: '23:00', end: '07:00' },
};
const SPAN = weekSpan(parseIsoWeek('2026-W48') as IsoWeek, 'Asia/Tokyo');
const at = (hours: number) => new Date(SPAN.start + hours * HOUR_MS).toISOString();
const slo: SloDefinition = {
  id: 'checkout-availability', service: 'checkout', name: 'Checkout availability', description: '', indicator: { type: 'ratio' },
  source: { kind: 'push' }, objective: 0.999, window: { kind: 'rolling', days: 28 }, budgeting: { kind: 'occurrences' },
};

function incident(number: number, overrides: Partial<ReviewIncident> = {}): ReviewIncident {
  return {
    id: `i${number}`, number, title: `Incident ${number}`, severity: 'SEV2', status: 'resolved', services: ['checkout'],
    impactStartedAt: at(10), detectedAt: at(10.1), declaredAt: at(10.2), acknowledgedAt: at(10.3), mitigatedAt: at(11), resolvedAt: at(12),
    postmortemStatus: null, ...overrides,
  };
}

function input(overrides: Partial<WeeklyReviewInput> = {}): WeeklyReviewInput {
  const points = burndownPoints(SPAN, 'day', 'Asia/Tokyo');
  return {
    week: '2026-W48', span: SPAN, end: SPAN.end, generatedAt: SPAN.end + MINUTE_MS, scope: { kind: 'organisation' }, working,
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    slos: [{ slo, windowAtEnd: EMPTY_TOTALS, windowAtStart: EMPTY_TOTALS, thisWeek: EMPTY_TOTALS, lastWeek: EMPTY_TOTALS }],
    burndown: { step: 'day', points, sums: new Map() },
    impacts: [], incidents: [], notices: [], followUps: { opened: 0, closed: 0, open: [] }, postmortemCandidates: [],
    ...overrides,
  };
}

describe('weeklyReview', () => {
  it('a week with no data says so in every section, in English and Japanese, and never shows 100 %', () => {
    const review = weeklyReview(input());
    expect(review.noData).toEqual({ slos: true, incidents: true, paging: true });
    expect(review.slos[0]).toMatchObject({ status: 'no_data', attainment: null });
    expect(review.incidents.durations.timeToMitigate).toMatchObject({ p50: null, p90: null, n: 0 });
    const en = weeklyReviewMarkdown(review, 'en');
    expect(en).toContain('# Weekly review 2026-W48 — Organisation');
    expect(en).toContain('Period: 2026-11-23 00:00 – 2026-11-30 00:00 (Asia/Tokyo)');
    expect(en).toContain('No SLO data this week: nothing is shown as 100 %.');
    expect(en).toContain('| Checkout availability | checkout | 99.90 % | no data | no data | no data | no data | No data | — |');
    expect(en).toContain('No incidents this week.');
    expect(en).toContain('Nobody was paged this week.');
    expect(en).toContain('| Time to mitigate | impact start | mitigation | no data | no data | 0 |');
    expect(en).not.toMatch(/\| 100(\.0+)? % \|/);
    const ja = weeklyReviewMarkdown(review, 'ja');
    expect(ja).toContain('# 週次レビュー 2026-W48 — 組織全体');
    expect(ja).toContain('データなし');
    expect(ja).toContain('今週のインシデントはありません。');
  });

  it('a week with incidents: counts, p50/p90 with n over those declared in the week, carried-over marked, postmortems due', () => {
    const review = weeklyReview(
      input({
        incidents: [
          incident(1, { severity: 'SEV1', impactStartedAt: at(1), declaredAt: at(1), acknowledgedAt: at(1.05), mitigatedAt: at(2), resolvedAt: at(3) }),
          incident(2, { severity: 'SEV3', impactStartedAt: at(20), declaredAt: at(20), acknowledgedAt: at(20.25), mitigatedAt: at(20.5), resolvedAt: at(21), postmortemStatus: 'draft' }),
          incident(3, { severity: 'SEV3', impactStartedAt: null, declaredAt: at(30), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, status: 'investigating' }),
          incident(4, { declaredAt: at(-30), impactStartedAt: at(-30), acknowledgedAt: at(-29), mitigatedAt: at(5), resolvedAt: at(6), postmortemStatus: 'published' }),
        ],
        impacts: [{ incidentId: 'i2', sloId: slo.id, span: { start: Date.parse(at(20)), end: Date.parse(at(20.5)) }, bad: 300, share: 0.3, estimated: false }],
        postmortemCandidates: [
          { id: 'i1', number: 1, title: 'Incident 1', severity: 'SEV1', declaredAt: at(1), postmortemStatus: null, maxShare: 0 },
          { id: 'i2', number: 2, title: 'Incident 2', severity: 'SEV3', declaredAt: at(20), postmortemStatus: 'draft', maxShare: 0.3 },
          { id: 'i3', number: 3, title: 'Incident 3', severity: 'SEV3', declaredAt: at(30), postmortemStatus: null, maxShare: 0 },
          { id: 'i4', number: 4, title: 'Incident 4', severity: 'SEV2', declaredAt: at(-30), postmortemStatus: 'published', maxShare: 0 },
        ],
      }),
    );
    expect(review.incidents.declaredBySeverity).toEqual({ SEV1: 1, SEV2: 0, SEV3: 2, SEV4: 0 });
    expect(review.incidents.lines.map((l) => [l.reference, l.carriedOver])).toEqual([['INC-4', true], ['INC-1', false], ['INC-2', false], ['INC-3', false]]);
    // TTA over INC-1 (3 min) and INC-2 (15 min): p50 9, p90 3 + 0.9 × 12 = 13.8; INC-3 not acknowledged, INC-4 carried over.
    expect(review.incidents.durations.timeToAcknowledge).toMatchObject({ p50: 9 * MINUTE_MS, n: 2 });
    expect(review.incidents.durations.timeToAcknowledge.p90).toBeCloseTo(13.8 * MINUTE_MS, 6);
    expect(review.incidents.durations.timeToMitigate).toMatchObject({ p50: 45 * MINUTE_MS, n: 2 });
    expect(review.postmortemsDue.items.map((d) => [d.reference, d.reasons])).toEqual([['INC-1', ['severity']], ['INC-2', ['budget']]]);
    expect(review.burndown.bands.map((b) => [b.reference, b.start, b.end])).toEqual([
      ['INC-4', SPAN.start, Date.parse(at(5))],
      ['INC-1', Date.parse(at(1)), Date.parse(at(2))],
      ['INC-2', Date.parse(at(20)), Date.parse(at(20.5))],
      ['INC-3', Date.parse(at(30)), SPAN.end],
    ]);
    const md = weeklyReviewMarkdown(review);
    expect(md).toContain('Declared this week: SEV1: 1, SEV2: 0, SEV3: 2, SEV4: 0');
    expect(md).toContain('| INC-4 (carried over) | SEV2 |');
    expect(md).toContain('| Time to acknowledge | declaration | acknowledgement | 9 min | 14 min | 2 |');
    expect(md).toContain('| INC-2 | SEV3 | Incident 2 | draft | ≥ 20 % of a budget | 6 |');
  });

  it('attribution: the week’s burn split between incidents and the unattributed rest', () => {
    const review = weeklyReview(
      input({
        slos: [{ slo, windowAtEnd: { good: 999_500, total: 1_000_000, bad: 500, minutesWithData: 40_320 }, windowAtStart: { good: 999_800, total: 1_000_000, bad: 200, minutesWithData: 40_320 }, thisWeek: { good: 249_600, total: 250_000, bad: 400, minutesWithData: 10_080 }, lastWeek: EMPTY_TOTALS }],
        incidents: [incident(7)],
        impacts: [{ incidentId: 'i7', sloId: slo.id, span: { start: Date.parse(at(10)), end: Date.parse(at(11)) }, bad: 250, share: 0.25, estimated: false }],
      }),
    );
    const [row] = review.attribution;
    expect(row!.incidents.map((i) => [i.reference, i.bad, i.postmortemRequired])).toEqual([['INC-7', 250, true]]);
    expect(row!.unattributed.bad).toBe(150);
    expect(row!.unattributed.share).toBeCloseTo(0.15, 9);
    const md = weeklyReviewMarkdown(review);
    expect(md).toContain('| Checkout availability | INC-7 **postmortem required** | 250 events | 25.0 % |');
    expect(md).toContain('| Checkout availability | Unattributed (no incident) | 150 events | 15.0 % |');
    expect(md).toContain('| Checkout availability | checkout | 99.90 % | 99.950 % | 50.0 % | 40.0 % | −30.0 pt | Healthy |');
  });

  it('a running week says where its figures stop', () => {
    const review = weeklyReview(input({ end: SPAN.start + 50 * HOUR_MS, generatedAt: SPAN.start + 50 * HOUR_MS }));
    expect(review.complete).toBe(false);
    expect(weeklyReviewMarkdown(review)).toContain('_The week is still running: figures up to 2026-11-25 02:00._');
  });
});
