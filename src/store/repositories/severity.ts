import type { FactsAlert } from '../../domain/severity/build-facts.js';
import type { SeverityProposal, SeveritySource } from '../../domain/severity/decide.js';
import type { Actor } from '../../domain/incidents/timeline.js';
import { newId } from '../../ids.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';

export interface StoredSeverityPolicy {
  id: string;
  version: number;
  source: 'file' | 'api';
  text: string;
  createdBy: Actor;
  createdAt: string;
}

/** The policy in force: the highest accepted version. */
export async function findLatestPolicy(tx: Executor): Promise<StoredSeverityPolicy | undefined> {
  const row = await tx.selectFrom('severity_policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && {
    id: row.id,
    version: row.version,
    source: row.source,
    text: row.text,
    createdBy: decodeJson<Actor>(row.created_by),
    createdAt: row.created_at,
  };
}

/** Stores an accepted policy as the next version (the unique version makes a concurrent insert fail, not fork). */
export async function insertPolicy(
  tx: Executor,
  input: { source: 'file' | 'api'; text: string; createdBy: Actor },
  now: Date,
): Promise<StoredSeverityPolicy> {
  const latest = await tx.selectFrom('severity_policies').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  const stored: StoredSeverityPolicy = { id: newId(now.getTime()), version, ...input, createdAt: now.toISOString() };
  await tx
    .insertInto('severity_policies')
    .values({ id: stored.id, version, source: input.source, text: input.text, created_by: encodeJson(input.createdBy), created_at: stored.createdAt })
    .execute();
  return stored;
}

export interface IncidentSeverityState {
  source: SeveritySource;
  proposal: SeverityProposal | null;
}

export async function getSeverityState(tx: Executor, incidentId: string): Promise<IncidentSeverityState> {
  const row = await tx
    .selectFrom('incidents')
    .select(['severity_source', 'severity_proposal'])
    .where('id', '=', incidentId)
    .executeTakeFirstOrThrow();
  return {
    source: row.severity_source as SeveritySource,
    proposal: row.severity_proposal === null ? null : decodeJson<SeverityProposal>(row.severity_proposal),
  };
}

/** Severity state of several incidents, for views. */
export async function listSeverityStates(tx: Executor, incidentIds: readonly string[]): Promise<Map<string, IncidentSeverityState>> {
  if (!incidentIds.length) return new Map();
  const rows = await tx
    .selectFrom('incidents')
    .select(['id', 'severity_source', 'severity_proposal'])
    .where('id', 'in', incidentIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        source: row.severity_source as SeveritySource,
        proposal: row.severity_proposal === null ? null : decodeJson<SeverityProposal>(row.severity_proposal),
      },
    ]),
  );
}

export async function updateSeverityState(tx: Executor, incidentId: string, change: Partial<IncidentSeverityState>): Promise<void> {
  const set: { severity_source?: string; severity_proposal?: string | null } = {};
  if (change.source !== undefined) set.severity_source = change.source;
  if (change.proposal !== undefined) set.severity_proposal = change.proposal === null ? null : encodeJson(change.proposal);
  if (Object.keys(set).length) await tx.updateTable('incidents').set(set).where('id', '=', incidentId).execute();
}

/** The alerts the policy reads for an incident: open (firing or acknowledged) and attached to it. */
export async function listOpenAlertFacts(tx: Executor, incidentId: string): Promise<FactsAlert[]> {
  const rows = await tx
    .selectFrom('alerts')
    .select(['title', 'severity', 'labels', 'annotations', 'source'])
    .where('incident_id', '=', incidentId)
    .where('status', '!=', 'resolved')
    .orderBy('first_seen_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    title: row.title,
    severity: row.severity,
    source: row.source,
    labels: decodeJson<Record<string, string>>(row.labels),
    annotations: decodeJson<Record<string, string>>(row.annotations),
  }));
}
