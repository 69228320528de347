import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/config/settings.js';
import type { SloDefinition } from '../../src/domain/slo/definition.js';
import { MINUTE_MS } from '../../src/domain/slo/types.js';
import { replaceIncidentSloImpacts } from '../../src/store/repositories/incident-slo-impacts.js';
import { writeMinutes } from '../../src/store/repositories/sli-data.js';
import { upsertSlo } from '../../src/store/repositories/slos.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  reports: { timeZone: 'Asia/Tokyo', businessHours: { start: '09:00', end: '18:00', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }, sleepHours: { start: '23:00', end: '07:00' } },
};

const slo: SloDefinition = {
  id: 'checkout-availability', service: 'checkout', name: 'Checkout availability', description: '', indicator: { type: 'ratio' },
  source: { kind: 'push' }, objective: 0.99, window: { kind: 'rolling', days: 7 }, budgeting: { kind: 'occurrences' },
};

/** An hour of minutes from `start`, 100 events each; `bad` minutes from the 10th have one bad event. */
function hour(start: string, badMinutes: number) {
  const from = Date.parse(start);
  return Array.from({ length: 60 }, (_, i) => ({ start: from + i * MINUTE_MS, good: i >= 10 && i < 10 + badMinutes ? 99 : 100, total: 100 }));
}

describe.each(engines)('weekly review on %s', (engine) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(engine, { settings });
    const alice = await addUser(app.deps, 'Alice');
    expect((await app.api('POST', '/api/v1/teams', { name: 'SRE', memberIds: [alice.id] })).statusCode).toBe(201);
    const checkout = (await app.api('POST', '/api/v1/services', { name: 'checkout', teamId: undefined })).json();
    await app.api('POST', '/api/v1/services', { name: 'search' });
    const team = (await app.api('GET', '/api/v1/teams')).json().items[0];
    expect((await app.api('PATCH', `/api/v1/services/${checkout.id}`, { teamId: team.id })).statusCode).toBe(200);

    const db = app.database.db;
    await upsertSlo(db, { definition: slo, serviceId: checkout.id, origin: 'api', file: null, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    // Last week (W47): an hour, all good. This week (W48, Tokyo): an hour from Tue 10:00 JST with 10 bad events.
    await writeMinutes(db, slo, hour('2026-11-17T01:00:00Z', 0), 'push', '2026-11-17T02:00:00.000Z');
    await writeMinutes(db, slo, hour('2026-11-24T01:00:00Z', 10), 'push', '2026-11-24T02:00:00.000Z');

    // INC-1 (checkout, SEV2): impact 01:10–01:16 UTC, declared 01:08, acknowledged 01:10, resolved 01:30.
    app.clock.set('2026-11-24T01:08:00Z');
    const one = (await app.api('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] })).json();
    app.clock.set('2026-11-24T01:30:00Z');
    expect((await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved', impactStartedAt: '2026-11-24T01:10:00Z', acknowledgedAt: '2026-11-24T01:10:00Z', mitigatedAt: '2026-11-24T01:16:00Z' })).statusCode).toBe(200);
    // INC-2 (search, SEV4): declared Wed 23:00 JST, acknowledged after 30 min, mitigated after 60, resolved after 120; no impact start.
    app.clock.set('2026-11-25T14:00:00Z');
    await app.api('POST', '/api/v1/incidents', { title: 'Search slow', severity: 'SEV4', services: ['search'] });
    app.clock.set('2026-11-25T16:00:00Z');
    await app.api('PATCH', '/api/v1/incidents/INC-2', { status: 'resolved', acknowledgedAt: '2026-11-25T14:30:00Z', mitigatedAt: '2026-11-25T15:00:00Z' });
    // The budget INC-1 burnt, as the incident-budget job records it: 6 of the 10 bad events.
    await replaceIncidentSloImpacts(db, one.id, [
      { incidentId: one.id, sloId: slo.id, sloName: slo.name, serviceId: checkout.id, window: slo.window, span: { start: Date.parse('2026-11-24T01:10:00Z'), end: Date.parse('2026-11-24T01:16:00Z') }, fallback: false, bad: 6, budget: 60, share: 0.1, unit: 'events', estimated: false, computedAt: '2026-11-24T01:30:00.000Z' },
    ]);
    await app.api('POST', `/api/v1/incidents/INC-1/action-items`, { title: 'Alert on checkout 5xx', dueDate: '2026-11-26' });
    app.clock.set('2026-12-01T03:00:00Z');
  });
  afterAll(async () => app?.close());

  it('answers the week’s figures, hand-checked', async () => {
    const res = await app.api('GET', '/api/v1/reports/weekly?week=2026-W48');
    expect(res.statusCode).toBe(200);
    const review = res.json();
    expect(review.period).toEqual({ start: '2026-11-23T00:00:00+09:00', end: '2026-11-30T00:00:00+09:00', timeZone: 'Asia/Tokyo' });
    expect(review.complete).toBe(true);
    // 6,000 events, 10 bad; budget 1 % of 6,000 = 60; 50 left; last week's window had no bad events.
    const [row] = review.slos;
    expect(row).toMatchObject({ sloId: 'checkout-availability', status: 'healthy', unit: 'events', badThisWeek: 10, burntLastWeek: 0 });
    expect(row.attainment).toBeCloseTo(5990 / 6000, 12);
    expect(row.budget).toBeCloseTo(60, 9);
    expect(row.budgetRemaining).toBeCloseTo(50 / 60, 9);
    expect(row.burntThisWeek).toBeCloseTo(10 / 60, 9);
    expect(row.budgetRemainingChange).toBeCloseTo(50 / 60 - 1, 9);
    // INC-1 burnt 6 (10 % of the budget); 4 are nobody's.
    const [attribution] = review.attribution;
    expect(attribution.incidents.map((i: { reference: string; bad: number }) => [i.reference, i.bad])).toEqual([['INC-1', 6]]);
    expect(attribution.unattributed.bad).toBeCloseTo(4, 9);
    expect(attribution.unattributed.share).toBeCloseTo(4 / 60, 9);
    // TTA 2 and 30 min; TTM 6 (impact start) and 60 (declared) min.
    expect(review.incidents.declaredBySeverity).toEqual({ SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 1 });
    expect(review.incidents.durations.timeToAcknowledge).toMatchObject({ p50: 16 * MINUTE_MS, n: 2 });
    expect(review.incidents.durations.timeToAcknowledge.p90).toBeCloseTo(27.2 * MINUTE_MS, 3);
    expect(review.incidents.durations.timeToMitigate).toMatchObject({ p50: 33 * MINUTE_MS, n: 2 });
    expect(review.incidents.lines.map((l: { reference: string; services: string[]; postmortem: object }) => [l.reference, l.services, l.postmortem])).toEqual([
      ['INC-1', ['checkout'], { status: 'none', required: true }],
      ['INC-2', ['search'], { status: 'none', required: false }],
    ]);
    expect(review.burndown.step).toBe('hour');
    expect(review.burndown.points).toHaveLength(169);
    expect(review.burndown.series[0].remaining[0]).toBeCloseTo(1, 9);
    expect(review.burndown.series[0].remaining[168]).toBeCloseTo(50 / 60, 9);
    expect(review.burndown.bands.map((b: { reference: string }) => b.reference)).toEqual(['INC-1', 'INC-2']);
    expect(review.followUps).toMatchObject({ opened: 1, closed: 0, overdue: 1 });
    expect(review.followUps.overdueItems[0]).toMatchObject({ reference: 'INC-1', dueDate: '2026-11-26', daysOverdue: 4 });
    expect(review.postmortemsDue.items.map((d: { reference: string }) => d.reference)).toEqual(['INC-1']);
  });

  it('scopes to a team: its services’ SLOs and incidents only', async () => {
    const review = (await app.api('GET', '/api/v1/reports/weekly?week=2026-W48&team=SRE')).json();
    expect(review.scope).toEqual({ kind: 'team', team: 'SRE' });
    expect(review.slos.map((s: { sloId: string }) => s.sloId)).toEqual(['checkout-availability']);
    expect(review.incidents.lines.map((l: { reference: string }) => l.reference)).toEqual(['INC-1']);
    const search = (await app.api('GET', '/api/v1/reports/weekly?week=2026-W48&service=search')).json();
    expect(search.slos).toEqual([]);
    expect(search.incidents.lines.map((l: { reference: string }) => l.reference)).toEqual(['INC-2']);
  });

  it('exports Markdown (format=markdown or Accept: text/markdown), in Japanese too', async () => {
    const res = await app.api('GET', '/api/v1/reports/weekly?week=2026-W48&format=markdown');
    expect(res.headers['content-type']).toContain('text/markdown');
    expect(res.body).toContain('# Weekly review 2026-W48 — Organisation');
    expect(res.body).toContain('| Checkout availability | checkout | 99.00 % | 99.833 % | 83.3 % | 16.7 % | −16.7 pt | Healthy |');
    expect(res.body).toContain('| Checkout availability | INC-1 | 6 events | 10.0 % |');
    expect(res.body).toContain('| Time to acknowledge | declaration | acknowledgement | 16 min | 27 min | 2 |');
    const accepted = await app.server.inject({ method: 'GET', url: '/api/v1/reports/weekly?week=2026-W48&lang=ja', headers: { authorization: 'Bearer test-admin-token-0123456789abcdef', accept: 'text/markdown' } });
    expect(accepted.body).toContain('# 週次レビュー 2026-W48 — 組織全体');
  });

  it('a week with no data says so instead of 100 %', async () => {
    const review = (await app.api('GET', '/api/v1/reports/weekly?week=2026-W40')).json();
    expect(review.noData).toEqual({ slos: true, incidents: true, paging: true });
    expect(review.slos[0]).toMatchObject({ status: 'no_data', attainment: null, budgetRemaining: null });
    const md = (await app.api('GET', '/api/v1/reports/weekly?week=2026-W40&format=md')).body;
    expect(md).toContain('No SLO data this week: nothing is shown as 100 %.');
    expect(md).toContain('No incidents this week.');
  });

  it.each([
    ['a malformed week', 'week=2026-48', 'week'],
    ['week 53 of a 52-week year', 'week=2025-W53', 'week'],
    ['a week not started yet', 'week=2027-W10', 'week'],
    ['an unknown team', 'week=2026-W48&team=Nobody', 'team'],
    ['a team and a service', 'week=2026-W48&team=SRE&service=search', 'service'],
  ])('refuses %s with 422 naming the field', async (_title, query, field) => {
    const res = await app.api('GET', `/api/v1/reports/weekly?${query}`);
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain(field);
  });

  it('lets viewers read it', async () => {
    const res = await app.api('GET', '/api/v1/reports/weekly?week=2026-W48', undefined, await app.tokenFor('viewer'));
    expect(res.statusCode).toBe(200);
  });
});
