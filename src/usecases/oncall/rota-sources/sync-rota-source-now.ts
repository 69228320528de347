import { ConflictError, NotFoundError } from '../../../errors.js';
import { findRotaSourceBySchedule, type RotaCheckOutcome } from '../../../store/repositories/rota-sources.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { findSchedule } from '../read-schedules.js';
import { presentRotaSource, type RotaSourceStatus } from './rota-source-status.js';
import { syncRotaSource } from './sync-rota-source.js';

export interface RotaSyncAnswer {
  outcome: RotaCheckOutcome;
  message: string;
  source: RotaSourceStatus;
}

/**
 * Checks a schedule's spreadsheet now (responder), once, without retrying a failed
 * download, and answers what came of it. The periodic checks keep their times.
 */
export async function syncRotaSourceNow(deps: Deps, scheduleKey: string, principal: Principal): Promise<RotaSyncAnswer> {
  authorize(principal, 'responder');
  const schedule = await findSchedule(deps.db, scheduleKey);
  const source = await findRotaSourceBySchedule(deps.db, schedule.id);
  if (!source) throw new NotFoundError('rota source', `of schedule ${schedule.name}`);
  const attempt = await syncRotaSource(deps, source.id, { kind: 'manual' });
  const after = await findRotaSourceBySchedule(deps.db, schedule.id);
  if (attempt.kind !== 'recorded' || !after) throw new ConflictError('The rota source was changed or removed while it was being checked; nothing was applied');
  return { outcome: attempt.outcome, message: attempt.message, source: presentRotaSource(after, schedule) };
}
