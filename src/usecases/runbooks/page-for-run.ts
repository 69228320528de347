import { pickText } from '../../domain/runbooks/text.js';
import { HikeshiError, NotFoundError } from '../../errors.js';
import { findRun } from '../../store/repositories/runbooks.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { triggerPage } from '../paging/trigger-page.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../principal.js';

/**
 * The `runbooks.pageTarget` job: a runbook's `page` action pages its escalation policy or schedule
 * for the incident (source `incident`), as Hikeshi on the runbook's behalf. A target that does
 * not exist is written on the timeline (`runbook.action_failed`) instead of retried.
 */
export async function pageForRunStep(deps: Deps, runId: string, stepId: string, requestKey: string): Promise<void> {
  const run = await findRun(deps.db, runId);
  if (!run) throw new NotFoundError('runbook run', runId);
  const step = run.definition.steps.find((s) => s.id === stepId);
  if (step?.type !== 'action' || step.action.kind !== 'page') return;
  const { target } = step.action;
  const title = pickText(run.definition.title, 'en');
  const principal: Principal = { ...SYSTEM_PRINCIPAL, actor: { type: 'system', id: null, name: `Runbook ${title}` } };
  try {
    await triggerPage(deps, principal, {
      message: `Runbook "${title}" pages you for this incident (step ${stepId})`,
      ...('escalationPolicy' in target ? { escalationPolicyId: target.escalationPolicy } : { scheduleId: target.schedule }),
      incidentId: run.incidentId,
      source: 'incident',
      requestKey,
    });
  } catch (error) {
    if (!(error instanceof HikeshiError)) throw error;
    await appendEvents(
      deps.db,
      run.incidentId,
      [{ kind: 'runbook.action_failed', payload: { runId, runbookId: run.runbookId, stepId, action: 'page', error: error.message } }],
      principal.actor,
      deps.clock.now(),
    );
  }
}
