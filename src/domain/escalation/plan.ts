import type { EscalationLevel, EscalationTarget } from './policy.js';

/**
 * What a page escalates through, copied from its policy when it was triggered (so an edit
 * to the policy does not change a page under way). A page sent straight to a schedule or a
 * person has one level and does not escalate: it waits for an acknowledgement.
 */
export interface EscalationPlan {
  escalates: boolean;
  repeat: number;
  levels: EscalationLevel[];
}

/** Where escalation stands: the level last notified (1-based) in which run of the levels (0-based). */
export interface Position {
  level: number;
  cycle: number;
}

export interface NotifyStep {
  kind: 'notify';
  level: number;
  cycle: number;
  targets: EscalationTarget[];
  nextEscalationAt: Date | null;
}

export type Step = NotifyStep | { kind: 'exhausted'; level: number; cycle: number };

const MINUTE_MS = 60_000;

/** The first level, notified when the page is triggered. */
export function startEscalation(plan: EscalationPlan, now: Date): NotifyStep {
  return notify(plan, { level: 1, cycle: 0 }, now);
}

/**
 * The escalation timer of `from` fired at `now` with nobody having acknowledged: the next
 * level, or level 1 of the next run while repeats are left, or `exhausted`. The next timer
 * counts from `now`, so a level notified late (the server was down) still gets its full
 * delay to be acknowledged.
 */
export function escalate(plan: EscalationPlan, from: Position, now: Date): Step {
  if (!plan.escalates) return { kind: 'exhausted', level: from.level, cycle: from.cycle };
  if (from.level < plan.levels.length) return notify(plan, { level: from.level + 1, cycle: from.cycle }, now);
  if (from.cycle < plan.repeat) return notify(plan, { level: 1, cycle: from.cycle + 1 }, now);
  return { kind: 'exhausted', level: from.level, cycle: from.cycle };
}

function notify(plan: EscalationPlan, at: Position, now: Date): NotifyStep {
  const level = plan.levels[at.level - 1];
  if (!level) throw new RangeError(`the plan has no level ${at.level}`);
  const nextEscalationAt = plan.escalates ? new Date(now.getTime() + level.delayMinutes * MINUTE_MS) : null;
  return { kind: 'notify', level: at.level, cycle: at.cycle, targets: level.targets, nextEscalationAt };
}
