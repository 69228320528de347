import type { Transaction } from 'kysely';
import type { Incident } from '../../domain/incidents/incident.js';
import type { Actor } from '../../domain/incidents/timeline.js';
import { decideSeverity, type SeverityDecision } from '../../domain/severity/decide.js';
import { evaluateSeverity } from '../../domain/severity/evaluate.js';
import { newId } from '../../ids.js';
import { updateIncident as saveIncident } from '../../store/repositories/incidents.js';
import { getSeverityState, updateSeverityState } from '../../store/repositories/severity.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { enqueueChannelSync } from '../slack/enqueue-slack-jobs.js';
import { incidentFacts } from './incident-facts.js';
import { policyInForce } from './policy-in-force.js';
import { enqueueSeverityMessage } from './severity-jobs.js';

/** What changed, so the timeline and the channel can say why severity was looked at again. */
export type SeverityCause = { kind: 'field'; field: string } | { kind: 'inquiry' } | { kind: 'alert'; alertId: string } | { kind: 'declared' };

/** The actor of what the policy does by itself. */
export const POLICY_ACTOR: Actor = { type: 'system', id: null, name: 'Severity policy' };

/**
 * Re-reads the incident's facts and applies the policy inside the caller's transaction: a worse
 * result is applied (or proposed, per `severity.worse`), a milder one proposed, a severity a
 * person set only ever gets a proposal. Returns the incident as it stands afterwards.
 */
export async function reevaluateSeverityInTx(
  tx: Transaction<Database>,
  deps: Deps,
  incident: Incident,
  cause: SeverityCause,
  now: Date,
): Promise<Incident> {
  const inForce = await policyInForce(tx, deps);
  if (!inForce) return incident;
  const severities = deps.settings.severities;
  const result = evaluateSeverity(inForce.policy, await incidentFacts(tx, incident), severities);
  const state = await getSeverityState(tx, incident.id);
  const decision = decideSeverity({ severity: incident.severity, ...state }, result, {
    severities,
    worse: deps.settings.severity.worse,
    proposalId: newId(now.getTime()),
    now,
  });
  return carryOut(tx, deps, incident, decision, { policyVersion: inForce.stored.version, cause: describeCause(cause) }, now);
}

async function carryOut(
  tx: Transaction<Database>,
  deps: Deps,
  incident: Incident,
  decision: SeverityDecision,
  context: { policyVersion: number; cause: string },
  now: Date,
): Promise<Incident> {
  switch (decision.kind) {
    case 'keep':
      return incident;
    case 'apply': {
      const next: Incident = { ...incident, severity: decision.to, updatedAt: now.toISOString() };
      await saveIncident(tx, next, incident);
      await updateSeverityState(tx, incident.id, { source: 'policy', proposal: null });
      const { from, to, ruleIds, reason } = decision;
      const [event] = await appendEvents(tx, incident.id, [{ kind: 'severity.changed', payload: { from, to, ruleIds, reason, ...context } }], POLICY_ACTOR, now);
      if (deps.integrations?.slack) await enqueueChannelSync(tx, incident.id, now);
      await enqueueSeverityMessage(tx, deps, incident.id, event!.id, now);
      return next;
    }
    case 'propose': {
      const { proposal } = decision;
      await updateSeverityState(tx, incident.id, { proposal });
      const payload = { proposalId: proposal.id, from: proposal.from, to: proposal.to, ruleIds: proposal.ruleIds, reason: proposal.reason, why: proposal.why, ...context };
      const [event] = await appendEvents(tx, incident.id, [{ kind: 'severity.proposed', payload }], POLICY_ACTOR, now);
      await enqueueSeverityMessage(tx, deps, incident.id, event!.id, now);
      return incident;
    }
    case 'withdraw': {
      await updateSeverityState(tx, incident.id, { proposal: null });
      if (!decision.silently) {
        const payload = { proposalId: decision.proposal.id, to: decision.proposal.to };
        await appendEvents(tx, incident.id, [{ kind: 'severity.proposal_withdrawn', payload }], POLICY_ACTOR, now);
      }
      return incident;
    }
  }
}

function describeCause(cause: SeverityCause): string {
  switch (cause.kind) {
    case 'field':
      return `field:${cause.field}`;
    case 'alert':
      return `alert:${cause.alertId}`;
    default:
      return cause.kind;
  }
}
