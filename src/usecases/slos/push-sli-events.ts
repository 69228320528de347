import { checkPushedBuckets, type PushedBucket } from '../../domain/slo/pushed-buckets.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { clearGaps, writeMinutes } from '../../store/repositories/sli-data.js';
import { findSlo } from '../../store/repositories/slos.js';
import { MINUTE_MS } from '../../domain/slo/types.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';

/**
 * Stores pushed minute buckets for an SLO in ONE transaction with their roll-ups: all or
 * none. The same minute pushed again replaces it, so a client may retry freely.
 */
export async function pushSliEvents(deps: Deps, sloId: string, buckets: readonly PushedBucket[], principal: Principal): Promise<{ accepted: number }> {
  authorize(principal, 'responder');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const slo = await findSlo(tx, sloId);
    if (!slo) throw new NotFoundError('slo', sloId);
    if (slo.definition.source.kind !== 'push') {
      throw new ConflictError(`SLO "${sloId}" takes its minutes from ${slo.definition.source.kind === 'incidents' ? 'incidents (estimated)' : 'Prometheus'}; only an SLO with \`push: true\` accepts pushed buckets.`, 'slo.not_pushed');
    }
    const checked = checkPushedBuckets(slo.definition, buckets, now.getTime());
    if ('problem' in checked) throw new ValidationError(checked.problem.field, checked.problem.reason);
    await writeMinutes(tx, { id: sloId, budgeting: slo.definition.budgeting }, checked.buckets, 'push', now.toISOString());
    const first = checked.buckets[0]!.start;
    const last = checked.buckets[checked.buckets.length - 1]!.start;
    if (checked.buckets.length === (last - first) / MINUTE_MS + 1) await clearGaps(tx, sloId, { start: first, end: last + MINUTE_MS });
    return { accepted: checked.buckets.length };
  });
}
