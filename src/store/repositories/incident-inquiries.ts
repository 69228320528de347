import type { Actor } from '../../domain/incidents/timeline.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';

/** A customer-support inquiry counted into an incident; `count` is the field's value it made. */
export interface StoredInquiry {
  id: string;
  incidentId: string;
  ticketId: string | null;
  source: string | null;
  note: string | null;
  url: string | null;
  field: string;
  count: number;
  actor: Actor;
  recordedAt: string;
}

export async function insertInquiry(tx: Executor, inquiry: StoredInquiry): Promise<void> {
  await tx
    .insertInto('incident_inquiries')
    .values({
      id: inquiry.id,
      incident_id: inquiry.incidentId,
      ticket_id: inquiry.ticketId,
      source: inquiry.source,
      note: inquiry.note,
      url: inquiry.url,
      field: inquiry.field,
      count: inquiry.count,
      actor: encodeJson(inquiry.actor),
      recorded_at: inquiry.recordedAt,
    })
    .execute();
}

export async function findInquiryByTicket(tx: Executor, incidentId: string, ticketId: string): Promise<StoredInquiry | undefined> {
  const row = await tx
    .selectFrom('incident_inquiries')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        incidentId: row.incident_id,
        ticketId: row.ticket_id,
        source: row.source,
        note: row.note,
        url: row.url,
        field: row.field,
        count: Number(row.count),
        actor: decodeJson<Actor>(row.actor),
        recordedAt: row.recorded_at,
      }
    : undefined;
}
