import { isWorse } from './evaluate.js';
import type { LocalizedText, SeverityMatch, SeverityResult } from './types.js';

/** Who set an incident's severity last. A person's choice stands: the policy then only proposes. */
export const SEVERITY_SOURCES = ['declared', 'policy', 'person'] as const;
export type SeveritySource = (typeof SEVERITY_SOURCES)[number];

/** `severity.worse` in the settings: apply a worse result at once, or only propose it. */
export type WorseMode = 'apply' | 'propose';

/** Why a result was proposed rather than applied. */
export type ProposalReason = 'milder' | 'person_set' | 'worse_needs_confirmation';

export interface SeverityProposal {
  id: string;
  from: string;
  to: string;
  ruleIds: string[];
  reason: LocalizedText;
  why: ProposalReason;
  proposedAt: string;
  /** Set when a person dismissed it: the same result is not proposed again. */
  dismissedAt?: string;
}

export interface SeverityState {
  severity: string;
  source: SeveritySource;
  proposal: SeverityProposal | null;
}

export type SeverityDecision =
  | { kind: 'keep' }
  | { kind: 'apply'; from: string; to: string; ruleIds: string[]; reason: LocalizedText }
  | { kind: 'propose'; proposal: SeverityProposal }
  /** The pending proposal no longer holds (the facts changed back); `silently` for a dismissed one. */
  | { kind: 'withdraw'; proposal: SeverityProposal; silently: boolean };

export interface DecisionContext {
  severities: readonly string[];
  worse: WorseMode;
  /** The id a new proposal gets. */
  proposalId: string;
  now: Date;
}

/**
 * What the policy's result does to the incident: a worse result is applied (unless a person
 * set the severity, or the settings ask for confirmation), anything else is only proposed.
 * No opinion, or agreement, withdraws a pending proposal.
 */
export function decideSeverity(state: SeverityState, result: SeverityResult, context: DecisionContext): SeverityDecision {
  const target = result.severity;
  const pending = state.proposal;
  if (target === undefined || target === state.severity) {
    return pending ? { kind: 'withdraw', proposal: pending, silently: pending.dismissedAt !== undefined } : { kind: 'keep' };
  }
  const { ruleIds, reason } = explain(result.matches, target);
  const worse = isWorse(target, state.severity, context.severities);
  if (worse && state.source !== 'person' && context.worse === 'apply') return { kind: 'apply', from: state.severity, to: target, ruleIds, reason };
  if (pending && pending.to === target && pending.from === state.severity) return { kind: 'keep' };
  const why: ProposalReason = state.source === 'person' ? 'person_set' : worse ? 'worse_needs_confirmation' : 'milder';
  return {
    kind: 'propose',
    proposal: { id: context.proposalId, from: state.severity, to: target, ruleIds, reason, why, proposedAt: context.now.toISOString() },
  };
}

/** The rules that decided the severity (those at the winning level), their reasons joined. */
export function explain(matches: readonly SeverityMatch[], severity: string): { ruleIds: string[]; reason: LocalizedText } {
  const winning = matches.filter((match) => match.severity === severity);
  return {
    ruleIds: winning.map((match) => match.ruleId),
    reason: { en: winning.map((match) => match.reason.en).join(' '), ja: winning.map((match) => match.reason.ja).join(' ') },
  };
}
