import type { Alert, AlertEvent, AlertStatus, AlertTimelineEvent, IntegrationKind } from './alert.js';
import { openKeyOf } from './alert.js';

/** One parsed alert event, as it arrived, waiting for its batch. */
export interface IngestItem {
  integrationId: string;
  source: IntegrationKind;
  event: AlertEvent;
  receivedAt: string;
}

/** An alert that is open now (the unique open_key holds at most one per key). */
export interface OpenAlert {
  id: string;
  status: 'firing' | 'acknowledged';
}

/** A new alert; its number is given when the batch is written. */
export type NewAlert = Omit<Alert, 'number'>;

/** What a batch changes on an alert that was already open. */
export interface AlertChange {
  id: string;
  status: AlertStatus;
  occurrencesAdded: number;
  lastSeenAt: string;
  lastPayload: unknown;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

/** What became of one item: the alert it landed on, or `ignored` (acknowledge/resolve with nothing open). */
export interface ItemOutcome {
  alertId: string | null;
  dedupKey: string;
  status: AlertStatus | 'ignored';
}

export interface BatchPlan {
  /** Written after `changes`: a key resolved and triggered again in one batch frees its open_key first. */
  inserts: NewAlert[];
  changes: AlertChange[];
  events: AlertTimelineEvent[];
  /** One per item, in the items' order. */
  outcomes: ItemOutcome[];
  /** Alerts opened, acknowledged or resolved by this batch: routing has work to do. Repeats alone never count. */
  routeAlertIds: string[];
}

interface Tracked {
  id: string;
  status: AlertStatus;
  /** A new alert of this batch (its row is in `inserts`), or a change to an open one. */
  row: NewAlert | AlertChange;
  pendingRepeats: number;
  lastRepeatAt: string;
  /** Something happened to it in this batch (an ignored acknowledge leaves it untouched). */
  changed: boolean;
}

/**
 * Folds a batch of alert events, in arrival order, into the rows to write. Per key
 * (integration, dedup key): a trigger opens an alert when none is open and is a repeat
 * otherwise (repeats fold into one `repeated` event with a count); acknowledge and resolve
 * act on the open alert and are ignored without one (PagerDuty's rule); after a resolve the
 * key is free, and a later trigger opens a new alert. The same delivery twice is a repeat,
 * never a second alert. `newId` must return increasing ids (event order is id order).
 */
export function planIngestBatch(items: readonly IngestItem[], open: ReadonlyMap<string, OpenAlert>, newId: () => string): BatchPlan {
  const plan: BatchPlan = { inserts: [], changes: [], events: [], outcomes: [], routeAlertIds: [] };
  const current = new Map<string, Tracked | null>();
  const touched: Tracked[] = [];
  const routed = new Set<string>();
  const route = (id: string) => {
    if (routed.has(id)) return;
    routed.add(id);
    plan.routeAlertIds.push(id);
  };
  const flushRepeats = (alert: Tracked) => {
    if (alert.pendingRepeats === 0) return;
    plan.events.push(event(newId(), alert.id, 'repeated', alert.pendingRepeats, alert.lastRepeatAt, null));
    alert.pendingRepeats = 0;
  };

  for (const item of items) {
    const key = openKeyOf(item.integrationId, item.event.dedupKey);
    let alert = current.get(key);
    if (alert === undefined) {
      const known = open.get(key);
      alert = known ? track(known, item) : null;
      if (alert) touched.push(alert);
      current.set(key, alert);
    }
    const { event: e, receivedAt: at } = item;

    if (e.action === 'trigger') {
      if (alert) {
        alert.pendingRepeats += 1;
        alert.lastRepeatAt = at;
        bump(alert, at, e.payload, true);
      } else {
        alert = openAlert(newId(), item);
        touched.push(alert);
        current.set(key, alert);
        plan.inserts.push(alert.row as NewAlert);
        plan.events.push(event(newId(), alert.id, 'triggered', 1, at, { occurredAt: e.occurredAt, severity: e.severity }));
        route(alert.id);
      }
      plan.outcomes.push({ alertId: alert.id, dedupKey: e.dedupKey, status: alert.status });
      continue;
    }

    if (!alert || (e.action === 'acknowledge' && alert.status !== 'firing')) {
      plan.outcomes.push(alert ? { alertId: alert.id, dedupKey: e.dedupKey, status: alert.status } : { alertId: null, dedupKey: e.dedupKey, status: 'ignored' });
      continue;
    }
    flushRepeats(alert);
    bump(alert, at, e.payload, false);
    if (e.action === 'acknowledge') {
      alert.status = 'acknowledged';
      alert.row.status = 'acknowledged';
      alert.row.acknowledgedAt = at;
      plan.events.push(event(newId(), alert.id, 'acknowledged', 1, at, null));
    } else {
      alert.status = 'resolved';
      alert.row.status = 'resolved';
      alert.row.resolvedAt = at;
      plan.events.push(event(newId(), alert.id, 'resolved', 1, at, { occurredAt: e.occurredAt }));
      current.set(key, null);
    }
    route(alert.id);
    plan.outcomes.push({ alertId: alert.id, dedupKey: e.dedupKey, status: alert.status });
  }

  for (const alert of touched) {
    flushRepeats(alert);
    if (alert.changed && 'occurrencesAdded' in alert.row) plan.changes.push(alert.row);
  }
  return plan;
}

function track(known: OpenAlert, item: IngestItem): Tracked {
  const change: AlertChange = {
    id: known.id,
    status: known.status,
    occurrencesAdded: 0,
    lastSeenAt: item.receivedAt,
    lastPayload: null,
    acknowledgedAt: null,
    resolvedAt: null,
  };
  return { id: known.id, status: known.status, row: change, pendingRepeats: 0, lastRepeatAt: item.receivedAt, changed: false };
}

function openAlert(id: string, item: IngestItem): Tracked {
  const { event: e, receivedAt: at } = item;
  const row: NewAlert = {
    id,
    integrationId: item.integrationId,
    source: item.source,
    dedupKey: e.dedupKey,
    status: 'firing',
    title: e.title,
    summary: e.summary,
    severity: e.severity,
    sourceSeverity: e.sourceSeverity,
    labels: e.labels,
    annotations: e.annotations,
    groupKey: e.groupKey,
    links: e.links,
    occurrences: 1,
    firstSeenAt: at,
    lastSeenAt: at,
    acknowledgedAt: null,
    resolvedAt: null,
    lastPayload: e.payload,
    serviceId: null,
    incidentId: null,
    pageId: null,
    routedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  return { id, status: 'firing', row, pendingRepeats: 0, lastRepeatAt: at, changed: true };
}

/** The event's payload becomes the latest; a repeated trigger is one more occurrence. */
function bump(alert: Tracked, at: string, payload: unknown, occurrence: boolean): void {
  const row = alert.row;
  if (occurrence) {
    if ('occurrencesAdded' in row) row.occurrencesAdded += 1;
    else row.occurrences += 1;
  }
  row.lastSeenAt = at;
  row.lastPayload = payload;
  alert.changed = true;
}

function event(id: string, alertId: string, kind: AlertTimelineEvent['kind'], count: number, at: string, detail: Record<string, unknown> | null): AlertTimelineEvent {
  return { id, alertId, kind, count, at, actor: null, detail };
}
