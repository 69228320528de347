import { escalate } from '../../domain/escalation/plan.js';
import { resolveTargets } from '../../domain/escalation/recipients.js';
import { advancePage, findPage, getPageForUpdate } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';
import { appendPageEvent, recordLevel } from './record-level.js';
import { targetLookups } from './target-lookups.js';

/** The escalation timer of one level: which page, and where it stood when the timer was set. */
export interface EscalationTimer {
  pageId: string;
  cycle: number;
  level: number;
}

export type EscalationOutcome = 'escalated' | 'exhausted' | 'stale';

/**
 * Nobody acknowledged `timer.level` in time: notify the next level (or level 1 of the next
 * run), or record that the policy is exhausted. A compare-and-set on the page's status, level
 * and cycle makes a timer that is late, repeated, or run by two instances at once do nothing
 * (`stale`) once the page was acknowledged, resolved or moved on.
 */
export async function escalatePage(deps: Deps, timer: EscalationTimer): Promise<EscalationOutcome> {
  const page = await findPage(deps.db, { id: timer.pageId });
  if (!page || page.status !== 'triggered' || page.level !== timer.level || page.cycle !== timer.cycle || !page.nextEscalationAt) return 'stale';
  const now = deps.clock.now();
  const from = { level: timer.level, cycle: timer.cycle };
  const step = escalate(page.plan, from, now);

  if (step.kind === 'exhausted') {
    return deps.db.transaction().execute(async (tx) => {
      await getPageForUpdate(tx, page.id);
      if (!(await advancePage(tx, page.id, from, { ...from, nextEscalationAt: null, updatedAt: now.toISOString() }))) return 'stale';
      const levels = page.plan.levels.length;
      const runs = page.plan.repeat + 1;
      const text = `No one acknowledged after ${levels} ${levels === 1 ? 'level' : 'levels'}${runs > 1 ? ` run ${runs} times` : ''}: escalation is exhausted. The page stays open.`;
      await appendPageEvent(tx, page, { kind: 'exhausted', level: from.level, cycle: from.cycle, actor: null, text }, now);
      return 'exhausted';
    });
  }

  const resolution = resolveTargets(step.targets, await targetLookups(deps, step.targets, now));
  const waited = page.plan.levels[timer.level - 1]?.delayMinutes ?? 0;
  return deps.db.transaction().execute(async (tx) => {
    const locked = await getPageForUpdate(tx, page.id);
    const to = { level: step.level, cycle: step.cycle, nextEscalationAt: step.nextEscalationAt?.toISOString() ?? null };
    if (!(await advancePage(tx, locked.id, from, { ...to, updatedAt: now.toISOString() }))) return 'stale';
    const text = `No acknowledgement within ${waited} ${waited === 1 ? 'minute' : 'minutes'} of level ${from.level}: escalated to level ${step.level}${step.cycle !== from.cycle ? ` (repeat ${step.cycle} of ${page.plan.repeat})` : ''}.`;
    await appendPageEvent(tx, page, { kind: 'escalated', level: step.level, cycle: step.cycle, actor: null, text }, now);
    await recordLevel(tx, deps, { ...locked, ...to }, step, resolution, now);
    return 'escalated';
  });
}
