import type { Incident } from './incident.js';
import type { TimelineDraft } from './timeline.js';
import { defaultSeverity, validSeverity, validSummary, validTags, validTitle } from './validate.js';

export interface DeclarationInput {
  title: string;
  summary?: string;
  severity?: string;
  tags?: string[];
  serviceIds?: string[];
  impactStartedAt?: string | null;
  detectedAt?: string | null;
}

export interface DeclarationContext {
  id: string;
  number: number;
  declaredById: string | null;
  severities: readonly string[];
  now: Date;
}

/** A new incident starts in triage; what the declarer knows is recorded, nothing is guessed. */
export function declareIncident(
  input: DeclarationInput,
  ctx: DeclarationContext,
): { incident: Incident; timeline: TimelineDraft[] } {
  const now = ctx.now.toISOString();
  const incident: Incident = {
    id: ctx.id,
    number: ctx.number,
    title: validTitle(input.title),
    summary: validSummary(input.summary ?? ''),
    status: 'triage',
    severity:
      input.severity === undefined
        ? defaultSeverity(ctx.severities)
        : validSeverity(input.severity, ctx.severities),
    tags: validTags(input.tags ?? []),
    serviceIds: [...new Set(input.serviceIds ?? [])],
    roles: { commander: null, communications: null, scribe: null },
    declaredById: ctx.declaredById,
    impactStartedAt: input.impactStartedAt ?? null,
    detectedAt: input.detectedAt ?? null,
    declaredAt: now,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    fields: {},
    createdAt: now,
    updatedAt: now,
  };
  return {
    incident,
    timeline: [
      {
        kind: 'incident.declared',
        payload: { title: incident.title, severity: incident.severity, status: incident.status },
      },
    ],
  };
}
