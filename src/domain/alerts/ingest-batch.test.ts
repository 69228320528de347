import { describe, expect, it } from 'vitest';
import type { AlertEvent } from './alert.js';
import { planIngestBatch, type IngestItem, type OpenAlert } from './ingest-batch.js';

function item(dedupKey: string, action: AlertEvent['action'], n: number, integrationId = 'int-1'): IngestItem {
  return {
    integrationId,
    source: 'generic',
    receivedAt: `2026-11-20T09:00:0${n}.000Z`,
    event: {
      dedupKey,
      action,
      occurredAt: `2026-11-20T08:59:0${n}.000Z`,
      title: `title ${dedupKey}`,
      summary: '',
      severity: 'error',
      sourceSeverity: 'error',
      labels: {},
      annotations: {},
      groupKey: null,
      links: [],
      payload: { n },
    },
  };
}

function ids() {
  let next = 0;
  return () => `id-${String(++next).padStart(3, '0')}`;
}

const openDisk = new Map<string, OpenAlert>([['int-1:disk', { id: 'old-disk', status: 'firing' }]]);

describe('planIngestBatch', () => {
  it('opens one alert for the same firing alert delivered twice (Alertmanager HA duplicates)', () => {
    const plan = planIngestBatch([item('cpu', 'trigger', 1), item('cpu', 'trigger', 2)], new Map(), ids());
    expect(plan.inserts).toHaveLength(1);
    expect(plan.inserts[0]).toMatchObject({ id: 'id-001', status: 'firing', occurrences: 2, lastSeenAt: '2026-11-20T09:00:02.000Z', lastPayload: { n: 2 } });
    expect(plan.events.map((e) => [e.kind, e.count])).toEqual([['triggered', 1], ['repeated', 1]]);
    expect(plan.outcomes.map((o) => [o.alertId, o.status])).toEqual([['id-001', 'firing'], ['id-001', 'firing']]);
    expect(plan.routeAlertIds).toEqual(['id-001']);
  });

  it('folds repeats of an already open alert into one repeated event with the count, and routes nothing', () => {
    const plan = planIngestBatch([item('disk', 'trigger', 1), item('disk', 'trigger', 2), item('disk', 'trigger', 3)], openDisk, ids());
    expect(plan.inserts).toEqual([]);
    expect(plan.changes).toEqual([
      { id: 'old-disk', status: 'firing', occurrencesAdded: 3, lastSeenAt: '2026-11-20T09:00:03.000Z', lastPayload: { n: 3 }, acknowledgedAt: null, resolvedAt: null },
    ]);
    expect(plan.events.map((e) => [e.alertId, e.kind, e.count])).toEqual([['old-disk', 'repeated', 3]]);
    expect(plan.routeAlertIds).toEqual([]);
  });

  it('keeps order within a key: repeats before a resolve are written before it, and a trigger after it opens a new alert', () => {
    const plan = planIngestBatch(
      [item('disk', 'trigger', 1), item('disk', 'resolve', 2), item('disk', 'trigger', 3)],
      openDisk,
      ids(),
    );
    expect(plan.changes).toMatchObject([{ id: 'old-disk', status: 'resolved', occurrencesAdded: 1, resolvedAt: '2026-11-20T09:00:02.000Z' }]);
    expect(plan.inserts).toMatchObject([{ id: 'id-003', dedupKey: 'disk', status: 'firing', occurrences: 1 }]);
    expect(plan.events.map((e) => [e.id, e.alertId, e.kind])).toEqual([
      ['id-001', 'old-disk', 'repeated'],
      ['id-002', 'old-disk', 'resolved'],
      ['id-004', 'id-003', 'triggered'],
    ]);
    expect(plan.routeAlertIds).toEqual(['old-disk', 'id-003']);
  });

  it('ignores acknowledge and resolve when nothing is open (they never open an alert)', () => {
    const plan = planIngestBatch([item('gone', 'acknowledge', 1), item('gone', 'resolve', 2)], new Map(), ids());
    expect(plan).toMatchObject({ inserts: [], changes: [], events: [], routeAlertIds: [] });
    expect(plan.outcomes).toEqual([
      { alertId: null, dedupKey: 'gone', status: 'ignored' },
      { alertId: null, dedupKey: 'gone', status: 'ignored' },
    ]);
  });

  it('acknowledges once; a second acknowledge leaves the alert as it is; a trigger while acknowledged is a repeat', () => {
    const plan = planIngestBatch([item('disk', 'acknowledge', 1), item('disk', 'acknowledge', 2), item('disk', 'trigger', 3)], openDisk, ids());
    expect(plan.changes).toMatchObject([{ id: 'old-disk', status: 'acknowledged', acknowledgedAt: '2026-11-20T09:00:01.000Z', occurrencesAdded: 1 }]);
    expect(plan.events.map((e) => e.kind)).toEqual(['acknowledged', 'repeated']);
    expect(plan.outcomes.map((o) => o.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(plan.routeAlertIds).toEqual(['old-disk']);
  });

  it('an alert opened and resolved in the same batch is inserted resolved', () => {
    const plan = planIngestBatch([item('blip', 'trigger', 1), item('blip', 'resolve', 2)], new Map(), ids());
    expect(plan.inserts).toMatchObject([{ id: 'id-001', status: 'resolved', resolvedAt: '2026-11-20T09:00:02.000Z', occurrences: 1 }]);
    expect(plan.events.map((e) => e.kind)).toEqual(['triggered', 'resolved']);
  });

  it('the same dedup key under two integrations is two alerts', () => {
    const plan = planIngestBatch([item('cpu', 'trigger', 1, 'int-1'), item('cpu', 'trigger', 2, 'int-2')], new Map(), ids());
    expect(plan.inserts.map((a) => a.integrationId)).toEqual(['int-1', 'int-2']);
  });

  it('an ignored acknowledge on an already acknowledged alert writes nothing', () => {
    const plan = planIngestBatch([item('disk', 'acknowledge', 1)], new Map([['int-1:disk', { id: 'old-disk', status: 'acknowledged' }]]), ids());
    expect(plan).toMatchObject({ changes: [], events: [], routeAlertIds: [] });
    expect(plan.outcomes).toEqual([{ alertId: 'old-disk', dedupKey: 'disk', status: 'acknowledged' }]);
  });
});
