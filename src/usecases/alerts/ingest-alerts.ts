import { planIngestBatch, type IngestItem, type ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { openKeyOf } from '../../domain/alerts/alert.js';
import { newId } from '../../ids.js';
import { enqueue } from '../../jobs/queue.js';
import { applyAlertChanges, findOpenAlerts, insertAlertEvents, insertNewAlerts } from '../../store/repositories/alerts.js';
import type { Deps } from '../deps.js';

/** Alert ids per routing job: keeps a job's payload well under the queue's size limit. */
const ROUTE_JOB_IDS = 250;

/**
 * Writes one batch of parsed alert events in ONE transaction: the open alerts of the
 * batch's keys are read (and locked), the domain folds the events into inserts, changes
 * and timeline events, and the alerts it opened, acknowledged or resolved are handed to
 * routing as `alerts.routeAlerts` jobs in the same transaction. Nothing is half-stored: the
 * batch commits whole or not at all. Returns each item's outcome, in order.
 */
export async function ingestAlertBatch(deps: Deps, items: readonly IngestItem[]): Promise<ItemOutcome[]> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const keys = [...new Set(items.map((item) => openKeyOf(item.integrationId, item.event.dedupKey)))];
    const open = await findOpenAlerts(tx, keys);
    const plan = planIngestBatch(items, open, () => newId());
    await applyAlertChanges(tx, plan.changes);
    await insertNewAlerts(tx, plan.inserts);
    await insertAlertEvents(tx, plan.events);
    for (let start = 0; start < plan.routeAlertIds.length; start += ROUTE_JOB_IDS) {
      await enqueue(tx, 'alerts.routeAlerts', { alertIds: plan.routeAlertIds.slice(start, start + ROUTE_JOB_IDS) }, {}, now);
    }
    return plan.outcomes;
  });
}
