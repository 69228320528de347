import type { Actor, TimelineDraft } from '../../domain/incidents/timeline.js';
import { newId } from '../../ids.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { TimelineEventRow } from '../schema.js';

export interface TimelineEvent {
  id: string;
  incidentId: string;
  kind: string;
  actor: Actor;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export async function appendEvents(
  tx: Executor,
  incidentId: string,
  drafts: readonly TimelineDraft[],
  actor: Actor,
  at: Date,
): Promise<TimelineEvent[]> {
  if (!drafts.length) return [];
  const occurredAt = at.toISOString();
  const rows = drafts.map((draft) => ({
    id: newId(at.getTime()), // time-ordered and increasing: events keep the order they were decided in
    incident_id: incidentId,
    kind: draft.kind,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    payload: encodeJson(draft.payload),
    occurred_at: occurredAt,
  }));
  await tx.insertInto('timeline_events').values(rows).execute();
  return rows.map((row) => toEvent({ ...row, payload: row.payload }));
}

export async function listEvents(tx: Executor, incidentId: string): Promise<TimelineEvent[]> {
  const rows = await tx
    .selectFrom('timeline_events')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

function toEvent(row: TimelineEventRow): TimelineEvent {
  return {
    id: row.id,
    incidentId: row.incident_id,
    kind: row.kind,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    payload: decodeJson(row.payload),
    occurredAt: row.occurred_at,
  };
}
