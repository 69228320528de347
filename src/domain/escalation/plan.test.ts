import { describe, expect, it } from 'vitest';
import { escalate, startEscalation, type EscalationPlan, type Position, type Step } from './plan.js';

const user = (id: string) => ({ type: 'user' as const, id, name: id });
const plan = (delays: number[], repeat = 0, escalates = true): EscalationPlan => ({
  escalates,
  repeat,
  levels: delays.map((delayMinutes, i) => ({ delayMinutes, targets: [user(`u${i + 1}`)] })),
});
const now = new Date('2026-11-20T09:00:00Z');
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('startEscalation', () => {
  it('notifies level 1 of run 0 and wakes after its delay', () => {
    expect(startEscalation(plan([5, 10]), now)).toEqual({ kind: 'notify', level: 1, cycle: 0, targets: [user('u1')], nextEscalationAt: plus(5) });
  });
  it('sets no timer for a page sent straight to a person or schedule', () => {
    expect(startEscalation(plan([5], 0, false), now)).toMatchObject({ kind: 'notify', level: 1, nextEscalationAt: null });
  });
});

describe('escalate', () => {
  const cases: { name: string; plan: EscalationPlan; from: Position; expected: object }[] = [
    { name: 'moves to the next level with that level\'s delay', plan: plan([5, 10]), from: { level: 1, cycle: 0 }, expected: { kind: 'notify', level: 2, cycle: 0, targets: [user('u2')], nextEscalationAt: plus(10) } },
    { name: 'starts the next run at level 1 after the last level while repeats are left', plan: plan([5, 10], 2), from: { level: 2, cycle: 0 }, expected: { kind: 'notify', level: 1, cycle: 1, nextEscalationAt: plus(5) } },
    { name: 'the last repeat also runs every level', plan: plan([5, 10], 2), from: { level: 1, cycle: 2 }, expected: { kind: 'notify', level: 2, cycle: 2 } },
    { name: 'is exhausted after the last level of the last repeat', plan: plan([5, 10], 2), from: { level: 2, cycle: 2 }, expected: { kind: 'exhausted', level: 2, cycle: 2 } },
    { name: 'is exhausted after a single level with no repeat', plan: plan([1]), from: { level: 1, cycle: 0 }, expected: { kind: 'exhausted', level: 1, cycle: 0 } },
    { name: 'a single level repeated notifies it again in the next run', plan: plan([1], 1), from: { level: 1, cycle: 0 }, expected: { kind: 'notify', level: 1, cycle: 1, nextEscalationAt: plus(1) } },
    { name: 'a page that does not escalate is never moved on', plan: plan([5, 10], 3, false), from: { level: 1, cycle: 0 }, expected: { kind: 'exhausted', level: 1, cycle: 0 } },
  ];
  it.each(cases)('$name', ({ plan: p, from, expected }) => {
    expect(escalate(p, from, now)).toMatchObject(expected);
  });

  it('counts the next delay from when the timer actually fired, not from when it fell due (server was down)', () => {
    const late = plus(120);
    expect(escalate(plan([1, 15, 5]), { level: 1, cycle: 0 }, late)).toMatchObject({ level: 2, nextEscalationAt: new Date(late.getTime() + 15 * 60_000) });
  });

  it('walks levels × (repeat + 1) notifications and then stops', () => {
    const p = plan([1, 2, 3], 2);
    const seen: string[] = [];
    let step: Step = startEscalation(p, now);
    while (step.kind === 'notify') {
      seen.push(`${step.cycle}:${step.level}`);
      step = escalate(p, step, now);
    }
    expect(seen).toEqual(['0:1', '0:2', '0:3', '1:1', '1:2', '1:3', '2:1', '2:2', '2:3']);
    expect(step).toEqual({ kind: 'exhausted', level: 3, cycle: 2 });
  });
});
