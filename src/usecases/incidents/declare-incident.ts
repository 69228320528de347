import type { Transaction } from 'kysely';
import { declareIncident as planDeclaration, type DeclarationInput } from '../../domain/incidents/declare.js';
import type { Incident } from '../../domain/incidents/incident.js';
import { newId } from '../../ids.js';
import { nextValue } from '../../store/repositories/counters.js';
import { insertIncident } from '../../store/repositories/incidents.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { enqueueTriggeredRunbooks } from '../runbooks/run-jobs.js';
import { enqueueDeclarationJobs } from '../slack/enqueue-slack-jobs.js';
import { authorize, type Principal } from '../principal.js';
import { reevaluateSeverityInTx } from '../severity/reevaluate-in-tx.js';
import { planFieldsChange } from './incident-fields.js';
import { viewIncident, type IncidentView } from './incident-view.js';
import { resolveServiceIds } from './resolve-references.js';

export interface DeclareInput extends Omit<DeclarationInput, 'serviceIds'> {
  /** Service ids or names. */
  services?: string[];
  /** Custom facts already known (settings `fields`). */
  fields?: Record<string, unknown>;
}

export async function declareIncident(deps: Deps, input: DeclareInput, principal: Principal): Promise<IncidentView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => viewIncident(tx, await declareIncidentInTx(tx, deps, input, principal, deps.clock.now())));
}

/** `declareIncident` inside the caller's transaction (an alert's routing declares with what it records). */
export async function declareIncidentInTx(tx: Transaction<Database>, deps: Deps, input: DeclareInput, principal: Principal, now: Date): Promise<Incident> {
  authorize(principal, 'responder');
  const serviceIds = await resolveServiceIds(tx, input.services ?? []);
  const { fields, ...declared } = input;
  const planned = planDeclaration(
    { ...declared, serviceIds },
    {
      id: newId(now.getTime()),
      number: await nextValue(tx, 'incident_number'),
      declaredById: principal.userId,
      severities: deps.settings.severities,
      now,
    },
  );
  const facts = fields === undefined ? undefined : await planFieldsChange(tx, deps, planned.incident, fields, 'api');
  const incident = facts?.incident ?? planned.incident;
  await insertIncident(tx, incident);
  await appendEvents(tx, incident.id, [...planned.timeline, ...(facts?.timeline ?? [])], principal.actor, now);
  await enqueueDeclarationJobs(tx, deps, incident);
  await enqueueTriggeredRunbooks(tx, incident.id, now);
  // Declared with facts or services the policy reads: it decides from the start.
  return reevaluateSeverityInTx(tx, deps, incident, { kind: 'declared' }, now);
}
