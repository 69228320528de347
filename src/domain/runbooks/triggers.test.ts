import { describe, expect, it } from 'vitest';
import { runbooksToStart, triggerHolds, type TriggeringIncident } from './triggers.js';
import type { RunbookDefinition, RunbookTrigger } from './types.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const incident = (extra: Partial<TriggeringIncident> = {}): TriggeringIncident => ({
  severity: 'SEV2',
  services: [{ id: 'svc_1', name: 'Payments' }],
  tags: ['customer-facing'],
  ...extra,
});

describe('triggerHolds', () => {
  it.each<[string, RunbookTrigger, TriggeringIncident, boolean]>([
    ['SEV2 or worse holds for SEV2 itself', { severityAtLeast: 'SEV2' }, incident(), true],
    ['SEV2 or worse holds for the worse SEV1', { severityAtLeast: 'SEV2' }, incident({ severity: 'SEV1' }), true],
    ['SEV2 or worse does not hold for the milder SEV3', { severityAtLeast: 'SEV2' }, incident({ severity: 'SEV3' }), false],
    ['a severity no longer configured holds no severity trigger', { severityAtLeast: 'SEV2' }, incident({ severity: 'P1' }), false],
    ['a service by id', { service: 'svc_1' }, incident(), true],
    ['a service by name, without case', { service: 'payments' }, incident(), true],
    ['a service the incident does not affect', { service: 'search' }, incident(), false],
    ['a tag, exactly', { tag: 'customer-facing' }, incident(), true],
    ['a tag differing in case does not hold', { tag: 'Customer-Facing' }, incident(), false],
    ['all conditions of one trigger must hold', { severityAtLeast: 'SEV1', tag: 'customer-facing' }, incident(), false],
  ])('%s', (_name, trigger, declared, expected) => {
    expect(triggerHolds(trigger, declared, SEVERITIES)).toBe(expected);
  });
});

describe('runbooksToStart', () => {
  const runbook = (id: string, triggers: RunbookTrigger[]): RunbookDefinition => ({ id, title: { en: id }, triggers, steps: [] });

  it('starts every runbook with any trigger that holds, in the order given, and never a manual one', () => {
    const runbooks = [runbook('manual', []), runbook('sev', [{ severityAtLeast: 'SEV1' }, { tag: 'customer-facing' }]), runbook('search', [{ service: 'search' }])];
    expect(runbooksToStart(runbooks, incident(), SEVERITIES).map((r) => r.id)).toEqual(['sev']);
  });
});
