import { countInquiry } from '../../domain/fields/change.js';
import { incidentReference } from '../../domain/incidents/incident.js';
import { ConflictError } from '../../errors.js';
import { newId } from '../../ids.js';
import { findInquiryByTicket, insertInquiry, type StoredInquiry } from '../../store/repositories/incident-inquiries.js';
import { updateIncident as saveIncident } from '../../store/repositories/incidents.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { reevaluateSeverityInTx } from '../severity/reevaluate-in-tx.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { findIncidentForUpdate } from './find-incident.js';

export interface InquiryInput {
  /** The helpdesk's ticket id: the same ticket counts once, however often it is sent. */
  ticketId?: string;
  /** Where it came from (zendesk, slack, phone, ...). */
  source?: string;
  note?: string;
  url?: string;
}

export interface InquiryView extends Omit<StoredInquiry, 'actor'> {
  reference: string;
  recordedBy: string;
}

/**
 * One more customer-support inquiry: the inquiries field (settings `inquiries.field`) goes
 * up by one, with an `inquiry.recorded` entry, and the severity policy looks again. A ticket
 * id already counted for this incident answers the first recording unchanged (`created`
 * false); the incident's row lock makes two racing deliveries of one ticket count once.
 */
export async function recordInquiry(
  deps: Deps,
  idOrReference: string,
  input: InquiryInput,
  principal: Principal,
): Promise<{ inquiry: InquiryView; created: boolean }> {
  authorize(principal, 'responder');
  const field = deps.settings.inquiries.field;
  return deps.db.transaction().execute(async (tx) => {
    const current = await findIncidentForUpdate(tx, idOrReference);
    if (field === null) throw new ConflictError('Inquiries are not counted here: the settings file sets inquiries.field to null.', 'inquiry.not_counted');
    const view = (stored: StoredInquiry): InquiryView => {
      const { actor, ...rest } = stored;
      return { ...rest, reference: incidentReference(current.number), recordedBy: actor.name };
    };
    if (input.ticketId !== undefined) {
      const earlier = await findInquiryByTicket(tx, current.id, input.ticketId);
      if (earlier) return { inquiry: view(earlier), created: false };
    }
    const now = deps.clock.now();
    const counted = countInquiry(current.fields, field);
    const incident = { ...current, fields: counted.fields, updatedAt: now.toISOString() };
    const inquiry: StoredInquiry = {
      id: newId(now.getTime()),
      incidentId: incident.id,
      ticketId: input.ticketId ?? null,
      source: input.source ?? null,
      note: input.note ?? null,
      url: input.url ?? null,
      field,
      count: counted.to,
      actor: principal.actor,
      recordedAt: now.toISOString(),
    };
    await saveIncident(tx, incident, current);
    await insertInquiry(tx, inquiry);
    const { id: inquiryId, ticketId, source, note, url } = inquiry;
    const events = await appendEvents(
      tx,
      incident.id,
      [{ kind: 'inquiry.recorded', payload: { inquiryId, ticketId, source, note, url, field, from: counted.from, to: counted.to } }],
      principal.actor,
      now,
    );
    await enqueueChangeJobs(tx, deps, incident, events);
    await reevaluateSeverityInTx(tx, deps, incident, { kind: 'inquiry' }, now);
    return { inquiry: view(inquiry), created: true };
  });
}
