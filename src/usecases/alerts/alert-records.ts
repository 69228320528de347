import type { Alert, AlertEventKind } from '../../domain/alerts/alert.js';
import type { Actor, AlertEntry } from '../../domain/incidents/timeline.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { insertAlertEvents } from '../../store/repositories/alerts.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../principal.js';

/** Hikeshi acting on an alert's behalf: pages and declarations say which alert made them. */
export function alertPrincipal(alert: Pick<Alert, 'number'>): Principal {
  return { ...SYSTEM_PRINCIPAL, actor: alertActor(alert) };
}

export function alertActor(alert: Pick<Alert, 'number'>): Actor {
  return { type: 'system', id: null, name: `Alert #${alert.number}` };
}

/** The alert as an incident timeline entry names it. */
export function alertEntry(alert: Alert): AlertEntry {
  return { alertId: alert.id, alertNumber: alert.number, title: alert.title, alertSeverity: alert.severity, source: alert.source };
}

export interface AlertEventDraft {
  kind: AlertEventKind;
  detail?: Record<string, unknown>;
  actor?: Actor | null;
}

/** Appends to the alert's own timeline, in order. */
export async function appendAlertEvents(tx: Executor, alertId: string, drafts: readonly AlertEventDraft[], now: Date): Promise<void> {
  const at = now.toISOString();
  await insertAlertEvents(
    tx,
    drafts.map((draft) => ({ id: newId(now.getTime()), alertId, kind: draft.kind, count: 1, at, actor: draft.actor ?? null, detail: draft.detail ?? null })),
  );
}
