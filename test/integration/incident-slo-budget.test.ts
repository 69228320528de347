import { afterEach, describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../src/domain/slo/definition.js';
import type { MinuteBucket } from '../../src/domain/slo/types.js';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findIncidentChannel } from '../../src/store/repositories/slack.js';
import { listMinutes, writeMinutes } from '../../src/store/repositories/sli-data.js';
import { upsertSlo } from '../../src/store/repositories/slos.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

type TimelineItem = { kind: string; payload: Record<string, unknown> };
interface ImpactAnswer {
  impacts: Array<{ sloId: string; bad: number; budget: number; share: number; unit: string; fallback: boolean; estimated: boolean; spanStart: string; spanEnd: string; sentence: { en: string; ja: string } }>;
  postmortemRequired: boolean;
  threshold: number;
}

const MIN = 60_000;
const at = (time: string) => Date.parse(`2026-11-20T${time}:00Z`);
/** `count` minutes from `from`, each 100,000 requests with `bad` failed. */
const minutes = (from: string, count: number, bad: number): MinuteBucket[] =>
  Array.from({ length: count }, (_, i) => ({ start: at(from) + i * MIN, good: 100_000 - bad, total: 100_000 }));

const SLO: SloDefinition = {
  id: 'checkout-availability',
  service: 'checkout',
  name: 'checkout-availability',
  description: 'Checkout requests that succeed',
  objective: 0.999,
  window: { kind: 'rolling', days: 28 },
  budgeting: { kind: 'occurrences' },
  indicator: { type: 'ratio' },
  source: { kind: 'push' },
};

/**
 * The data, by hand. In the 28 days before 09:10 the SLO saw 120,000,000 requests (a quiet
 * 116,900,000 on 10 November, a stray 100,000 with 5,000 errors at 07:00 that no incident
 * covers, and INC-1's 30 minutes from 08:40 with 1,020 errors each): a 120,000-error budget.
 * INC-1 alone burns 30,600 = 25.5 %. INC-2 (impact 09:05 → mitigated 09:25) shares INC-1's
 * last 5 minutes (5,100 errors, split 2,550 each) and has 15 minutes of 200 errors of its own:
 * INC-1 28,050 = 23.4 %, INC-2 5,550 of a 121,500 budget (1,500,000 more requests) = 4.6 %.
 */
const DATA: MinuteBucket[] = [
  { start: Date.parse('2026-11-10T00:00:00Z'), good: 116_900_000, total: 116_900_000 },
  ...minutes('07:00', 1, 5_000),
  ...minutes('08:40', 30, 1_020),
  ...minutes('09:10', 15, 200),
];

describe.each(engines)('the error budget each incident burnt on %s', (engine) => {
  let app: SlackTestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const start = async () => {
    app = await startSlackTestApp(engine);
    app.clock.set('2026-11-20T08:45:00Z');
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout' })).statusCode).toBe(201);
    const service = (await app.api('GET', '/api/v1/services')).json().items.find((s: { name: string }) => s.name === 'checkout');
    const now = app.clock.now().toISOString();
    await app.deps.db.transaction().execute(async (tx) => {
      await upsertSlo(tx, { definition: SLO, serviceId: service.id, origin: 'api', file: null, createdAt: now, updatedAt: now });
      await writeMinutes(tx, { id: SLO.id, budgeting: SLO.budgeting }, DATA, 'push', now);
    });
    return app;
  };
  const runUntilIdle = async () => {
    await app!.runJobs();
    for (let i = 0; i < 20 && (await listJobs(app!.deps.db, { status: 'pending' })).length > 0; i++) {
      app!.clock.advance(2_000);
      await app!.runJobs();
    }
    expect(await listJobs(app!.deps.db, { status: 'pending' })).toEqual([]);
  };
  const declare = async (title: string, impactStartedAt: string) => {
    const answer = await app!.api('POST', '/api/v1/incidents', { title, severity: 'SEV2', services: ['checkout'] });
    expect(answer.statusCode).toBe(201);
    const { id, reference } = answer.json() as { id: string; reference: string };
    expect((await app!.api('PATCH', `/api/v1/incidents/${reference}`, { impactStartedAt })).statusCode).toBe(200);
    return { id, reference };
  };
  const mitigate = async (reference: string, time: string) => {
    app!.clock.set(`2026-11-20T${time}:00Z`);
    expect((await app!.api('PATCH', `/api/v1/incidents/${reference}`, { status: 'monitoring' })).statusCode).toBe(200);
    await runUntilIdle();
  };
  const impact = async (reference: string) => (await app!.api('GET', `/api/v1/incidents/${reference}/slo-impact`)).json() as ImpactAnswer;
  const timeline = async (reference: string): Promise<TimelineItem[]> => (await app!.api('GET', `/api/v1/incidents/${reference}/timeline`)).json().items;
  const channelMessages = async (incidentId: string) => {
    const channel = await findIncidentChannel(app!.deps.db, incidentId);
    expect(channel, 'the incident channel exists').toBeDefined();
    return app!.emulator.workspace.messages.filter((m) => m.channel === channel!.channelId).map((m) => m.text);
  };

  it('mitigation computes 25.5 %, says so once in the channel and on the timeline, flags the postmortem and fills its draft', async () => {
    await start();
    const inc1 = await declare('Checkout errors', '2026-11-20T08:40:00Z');
    await runUntilIdle();
    expect((await impact(inc1.reference)).impacts, 'nothing before mitigation').toEqual([]);

    await mitigate(inc1.reference, '09:10');
    const first = await impact(inc1.reference);
    expect(first.postmortemRequired).toBe(true);
    expect(first.threshold).toBe(0.2);
    expect(first.impacts).toHaveLength(1);
    const [row] = first.impacts;
    expect(row).toMatchObject({ sloId: 'checkout-availability', bad: 30_600, unit: 'events', fallback: false, estimated: false, spanStart: '2026-11-20T08:40:00.000Z', spanEnd: '2026-11-20T09:10:00.000Z' });
    expect(row!.budget).toBeCloseTo(120_000, 6);
    expect(row!.share).toBeCloseTo(0.255, 9);
    const sentence = "INC-1 burnt 25.5 % of checkout-availability's 28-day budget (30,600 of 120,000 errors)";
    expect(row!.sentence.en).toBe(sentence);
    expect(row!.sentence.ja).toBe('INC-1 は checkout-availability の28日間エラーバジェットの 25.5 % を消費しました（エラー 120,000 件中 30,600 件）');

    const entries = (await timeline(inc1.reference)).filter((e) => e.kind === 'slo.budget_burnt' || e.kind === 'postmortem.required');
    expect(entries.map((e) => e.kind)).toEqual(['slo.budget_burnt', 'postmortem.required']);
    expect(entries[0]!.payload).toMatchObject({ sloId: 'checkout-availability', sloName: 'checkout-availability', bad: 30_600, unit: 'events' });
    expect(entries[1]!.payload).toMatchObject({ sloId: 'checkout-availability', threshold: 0.2 });

    const budgetMessages = (await channelMessages(inc1.id)).filter((text) => text.includes('Error budget') || text.includes('Postmortem required'));
    expect(budgetMessages).toHaveLength(1);
    expect(budgetMessages[0]).toContain(`*Error budget*: ${sentence}`);
    expect(budgetMessages[0]).toContain(':rotating_light: *Postmortem required*: INC-1 took 25.5 % of checkout-availability');

    // Resolving recomputes the same figures and says nothing new.
    app!.clock.set('2026-11-20T10:00:00Z');
    expect((await app!.api('PATCH', `/api/v1/incidents/${inc1.reference}`, { status: 'resolved' })).statusCode).toBe(200);
    await runUntilIdle();
    expect((await impact(inc1.reference)).impacts[0]!.bad).toBe(30_600);
    expect((await timeline(inc1.reference)).filter((e) => e.kind === 'slo.budget_burnt')).toHaveLength(1);
    expect((await channelMessages(inc1.id)).filter((text) => text.includes('Error budget'))).toHaveLength(1);

    // The postmortem draft carries the figures; the SLO checklist item is ticked, the policy's is not (no action item).
    const created = await app!.api('POST', `/api/v1/incidents/${inc1.reference}/postmortem`);
    expect(created.statusCode).toBe(201);
    const view = created.json() as { sections: Array<{ id: string; text: string }>; readiness: { items: Array<{ id: string; done: boolean }>; missing: Array<{ id: string; reason: { en: string } }> } };
    const section = view.sections.find((s) => s.id === 'slo-impact')!.text;
    expect(section).toContain(`- ${sentence}`);
    expect(section).toContain('**Postmortem required**');
    expect(view.readiness.items.find((i) => i.id === 'slo-impact-recorded')).toMatchObject({ done: true });
    expect(view.readiness.missing.find((i) => i.id === 'error-budget-policy')).toMatchObject({
      reason: { en: 'postmortem required: checkout-availability lost 25.5 % of its error budget, and there is no action item yet' },
    });
  });

  it('a second overlapping incident splits the shared minutes, refreshes the first, and leaves only the stray burn unattributed', async () => {
    await start();
    const inc1 = await declare('Checkout errors', '2026-11-20T08:40:00Z');
    await runUntilIdle();
    await mitigate(inc1.reference, '09:10');
    app!.clock.set('2026-11-20T09:20:00Z');
    const inc2 = await declare('Payment provider timeouts', '2026-11-20T09:05:00Z');
    await runUntilIdle();
    await mitigate(inc2.reference, '09:25');

    const one = await impact(inc1.reference);
    const two = await impact(inc2.reference);
    expect(one.impacts[0]!.bad).toBeCloseTo(28_050, 6);
    expect(one.impacts[0]!.share).toBeCloseTo(28_050 / 120_000, 9);
    expect(one.postmortemRequired).toBe(true);
    expect(two.impacts[0]!.bad).toBeCloseTo(5_550, 6);
    expect(two.impacts[0]!.budget).toBeCloseTo(121_500, 6);
    expect(two.impacts[0]!.sentence.en).toBe("INC-2 burnt 4.6 % of checkout-availability's 28-day budget (5,550 of 121,500 errors)");
    expect(two.postmortemRequired).toBe(false);

    // Nothing is counted twice: all the bad that day minus what the incidents took is the stray 07:00 minute.
    const day = await listMinutes(app!.deps.db, SLO.id, { start: at('00:00'), end: at('23:59') });
    const totalBad = day.reduce((sum, m) => sum + (m.total - m.good), 0);
    expect(totalBad).toBe(38_600);
    expect(totalBad - one.impacts[0]!.bad - two.impacts[0]!.bad).toBeCloseTo(5_000, 6);

    // INC-1's refresh wrote nothing new; INC-2 under 20 % has figures but no flag.
    expect((await timeline(inc1.reference)).filter((e) => e.kind === 'slo.budget_burnt')).toHaveLength(1);
    expect((await timeline(inc2.reference)).map((e) => e.kind).filter((k) => k === 'slo.budget_burnt' || k === 'postmortem.required')).toEqual(['slo.budget_burnt']);
    expect((await channelMessages(inc2.id)).filter((text) => text.includes('Error budget'))).toEqual([
      expect.stringContaining('INC-2 burnt 4.6 %'),
    ]);
  });

  it('an incident without impact start or mitigation falls back to declared → resolved and says so', async () => {
    await start();
    app!.clock.set('2026-11-20T08:50:00Z');
    const answer = await app!.api('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    const { reference } = answer.json() as { reference: string };
    await runUntilIdle();
    app!.clock.set('2026-11-20T09:00:00Z');
    expect((await app!.api('PATCH', `/api/v1/incidents/${reference}`, { status: 'resolved' })).statusCode).toBe(200);
    // A person clears the mitigation time Hikeshi set: resolved stands in.
    expect((await app!.api('PATCH', `/api/v1/incidents/${reference}`, { mitigatedAt: null })).statusCode).toBe(200);
    await runUntilIdle();
    const [row] = (await impact(reference)).impacts;
    // 08:50–09:00: ten minutes of 1,020 errors.
    expect(row).toMatchObject({ fallback: true, bad: 10_200, spanStart: '2026-11-20T08:50:00.000Z', spanEnd: '2026-11-20T09:00:00.000Z' });
    const text = (await timeline(reference)).find((e) => e.kind === 'slo.budget_burnt')!;
    expect(text.payload.fallback).toBe(true);
  });

  it('an SLO estimated from incidents is computed in minutes and marked estimated', async () => {
    await start();
    const estimated: SloDefinition = { ...SLO, id: 'checkout-estimated', name: 'checkout-estimated', window: { kind: 'rolling', days: 30 }, budgeting: { kind: 'timeslices', sliceTarget: 0.99 }, source: { kind: 'incidents' } };
    const serviceId = (await app!.api('GET', '/api/v1/services')).json().items[0].id as string;
    const now = app!.clock.now().toISOString();
    await app!.deps.db.transaction().execute(async (tx) => {
      await upsertSlo(tx, { definition: estimated, serviceId, origin: 'api', file: null, createdAt: now, updatedAt: now });
      // The estimate marks the incident's minutes bad: 30 of a 43.2-minute budget.
      const down = Array.from({ length: 30 }, (_, i) => ({ start: at('08:40') + i * MIN, good: 0, total: 1 }));
      await writeMinutes(tx, { id: estimated.id, budgeting: estimated.budgeting }, down, 'estimate', now);
    });
    const inc1 = await declare('Checkout errors', '2026-11-20T08:40:00Z');
    await runUntilIdle();
    await mitigate(inc1.reference, '09:10');
    const { impacts } = await impact(inc1.reference);
    expect(impacts.map((row) => [row.sloId, row.unit, row.estimated])).toEqual([
      ['checkout-estimated', 'minutes', true],
      ['checkout-availability', 'events', false],
    ]);
    expect(impacts[0]!.sentence.en).toBe("INC-1 burnt 69.4 % of checkout-estimated's 30-day budget (30 of 43.2 bad minutes)");
    const message = (await channelMessages(inc1.id)).find((text) => text.includes('checkout-estimated'));
    expect(message).toContain('_(estimated from incidents)_');
  });

  it('a correction after mitigation recomputes: a later impact start adds nothing before it, removing the service drops the figures', async () => {
    await start();
    const inc1 = await declare('Checkout errors', '2026-11-20T08:40:00Z');
    await runUntilIdle();
    await mitigate(inc1.reference, '09:10');
    expect((await app!.api('PATCH', `/api/v1/incidents/${inc1.reference}`, { impactStartedAt: '2026-11-20T09:00:00Z' })).statusCode).toBe(200);
    await runUntilIdle();
    expect((await impact(inc1.reference)).impacts[0]).toMatchObject({ bad: 10_200, spanStart: '2026-11-20T09:00:00.000Z' });
    expect((await app!.api('PATCH', `/api/v1/incidents/${inc1.reference}`, { services: [] })).statusCode).toBe(200);
    await runUntilIdle();
    expect(await impact(inc1.reference)).toMatchObject({ impacts: [], postmortemRequired: false });
  });

  it('answers 404 for an unknown incident', async () => {
    await start();
    expect((await app!.api('GET', '/api/v1/incidents/INC-99/slo-impact')).statusCode).toBe(404);
  });
});
