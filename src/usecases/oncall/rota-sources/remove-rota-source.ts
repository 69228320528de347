import { NotFoundError } from '../../../errors.js';
import { deleteRotaSourceBySchedule } from '../../../store/repositories/rota-sources.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { findSchedule } from '../read-schedules.js';

/**
 * Stops syncing a schedule from its spreadsheet (admin). What was applied stays; the
 * pending check finds no source and does nothing.
 */
export async function removeRotaSource(deps: Deps, scheduleKey: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  await deps.db.transaction().execute(async (tx) => {
    const schedule = await findSchedule(tx, scheduleKey);
    if (!(await deleteRotaSourceBySchedule(tx, schedule.id))) throw new NotFoundError('rota source', `of schedule ${schedule.name}`);
    deps.logger?.info({ scheduleId: schedule.id }, 'rota source removed');
  });
}
