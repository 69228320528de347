import { describe, expect, it } from 'vitest';
import { decideSeverity, type SeverityProposal, type SeverityState, type WorseMode } from './decide.js';
import type { SeverityResult } from './types.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const NOW = new Date('2026-12-01T10:00:00Z');
const says = (severity?: string): SeverityResult =>
  severity ? { severity, matches: [{ ruleId: `rule-${severity}`, severity, reason: { en: `because ${severity}`, ja: `${severity} のため` }, evidence: [] }] } : { matches: [] };
const pending = (to: string, from: string, dismissed = false): SeverityProposal => ({
  id: 'p0', from, to, ruleIds: [`rule-${to}`], reason: { en: '', ja: '' }, why: 'milder', proposedAt: NOW.toISOString(), ...(dismissed ? { dismissedAt: NOW.toISOString() } : {}),
});

describe('decideSeverity', () => {
  it.each<[string, SeverityState, SeverityResult, WorseMode, string]>([
    ['a worse result is applied', { severity: 'SEV3', source: 'declared', proposal: null }, says('SEV2'), 'apply', 'apply SEV2'],
    ['a worse result is only proposed when the settings ask for confirmation', { severity: 'SEV3', source: 'policy', proposal: null }, says('SEV1'), 'propose', 'propose SEV1 worse_needs_confirmation'],
    ['a milder result is only proposed', { severity: 'SEV2', source: 'policy', proposal: null }, says('SEV3'), 'apply', 'propose SEV3 milder'],
    ["a person's severity stands: a worse rule is a proposal beside it", { severity: 'SEV3', source: 'person', proposal: null }, says('SEV1'), 'apply', 'propose SEV1 person_set'],
    ['agreement keeps the severity', { severity: 'SEV2', source: 'policy', proposal: null }, says('SEV2'), 'apply', 'keep'],
    ['no opinion keeps the severity', { severity: 'SEV2', source: 'policy', proposal: null }, says(), 'apply', 'keep'],
    ['the same proposal is not made twice', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2') }, says('SEV3'), 'apply', 'keep'],
    ['a dismissed proposal is not made again', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2', true) }, says('SEV3'), 'apply', 'keep'],
    ['a pending proposal is withdrawn when the facts change back', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2') }, says('SEV2'), 'apply', 'withdraw'],
    ['a dismissed proposal is cleared silently', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2', true) }, says(), 'apply', 'withdraw silently'],
    ['a new result replaces a pending proposal', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2') }, says('SEV4'), 'apply', 'propose SEV4 milder'],
    ['a worse result applies over a pending milder proposal', { severity: 'SEV2', source: 'policy', proposal: pending('SEV3', 'SEV2') }, says('SEV1'), 'apply', 'apply SEV1'],
  ])('%s', (_name, state, result, worse, expected) => {
    const decision = decideSeverity(state, result, { severities: SEVERITIES, worse, proposalId: 'p1', now: NOW });
    const summary =
      decision.kind === 'apply' ? `apply ${decision.to}`
      : decision.kind === 'propose' ? `propose ${decision.proposal.to} ${decision.proposal.why}`
      : decision.kind === 'withdraw' ? `withdraw${decision.silently ? ' silently' : ''}`
      : 'keep';
    expect(summary).toBe(expected);
  });

  it('names the winning rules and joins their reasons', () => {
    const result: SeverityResult = {
      severity: 'SEV2',
      matches: [
        { ruleId: 'a', severity: 'SEV3', reason: { en: 'A.', ja: 'A。' }, evidence: [] },
        { ruleId: 'b', severity: 'SEV2', reason: { en: 'B.', ja: 'B。' }, evidence: [] },
        { ruleId: 'c', severity: 'SEV2', reason: { en: 'C.', ja: 'C。' }, evidence: [] },
      ],
    };
    const decision = decideSeverity({ severity: 'SEV4', source: 'declared', proposal: null }, result, { severities: SEVERITIES, worse: 'apply', proposalId: 'p1', now: NOW });
    expect(decision).toEqual({ kind: 'apply', from: 'SEV4', to: 'SEV2', ruleIds: ['b', 'c'], reason: { en: 'B. C.', ja: 'B。 C。' } });
  });
});
