import { describe, expect, it } from 'vitest';
import type { SloBudgetBurntPayload } from '../incidents/timeline.js';
import { budgetEntries } from './budget-entries.js';

const impact = (sloId: string, share: number): SloBudgetBurntPayload => ({
  sloId,
  sloName: `${sloId} name`,
  window: { kind: 'rolling', days: 28 },
  bad: share * 1_000,
  budget: 1_000,
  share,
  unit: 'events',
  estimated: false,
  fallback: false,
});

describe('budgetEntries', () => {
  it.each<[string, SloBudgetBurntPayload[], SloBudgetBurntPayload[], string[]]>([
    ['first computed: one figures entry per SLO', [], [impact('a', 0.05), impact('b', 0.1)], ['slo.budget_burnt:a', 'slo.budget_burnt:b']],
    ['first computed over the threshold: the figures, then postmortem required naming the worst SLO', [], [impact('a', 0.05), impact('b', 0.3)], ['slo.budget_burnt:a', 'slo.budget_burnt:b', 'postmortem.required:b']],
    ['recomputed at resolution with the same figures: nothing new', [impact('a', 0.3)], [impact('a', 0.3)], []],
    ['recomputed and now over the threshold (late data): postmortem required only', [impact('a', 0.1)], [impact('a', 0.25)], ['postmortem.required:a']],
    ['recomputed and split below the threshold by an overlapping incident: no retraction', [impact('a', 0.3)], [impact('a', 0.15)], []],
    ['no SLO covers the services: nothing', [], [], []],
  ])('%s', (_title, before, now, expected) => {
    expect(budgetEntries(before, now).map((e) => `${e.kind}:${(e.payload as { sloId: string }).sloId}`)).toEqual(expected);
  });
});
