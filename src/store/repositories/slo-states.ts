import type { Executor } from '../database.js';

export interface PullState {
  sloId: string;
  /** Every minute before this (epoch ms) was pulled or recorded as a gap. */
  pulledUntil: number;
  /** Failed attempts in a row since the last success. */
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

export type BurnAlertState = 'ok' | 'ticket' | 'page';

export async function findPullState(db: Executor, sloId: string): Promise<PullState | undefined> {
  const row = await db.selectFrom('sli_pull_states').selectAll().where('slo_id', '=', sloId).executeTakeFirst();
  return (
    row && {
      sloId: row.slo_id,
      pulledUntil: Number(row.pulled_until),
      failures: row.failures,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
      lastSuccessAt: row.last_success_at,
    }
  );
}

export async function savePullState(tx: Executor, state: PullState): Promise<void> {
  const row = {
    slo_id: state.sloId,
    pulled_until: state.pulledUntil,
    failures: state.failures,
    last_error: state.lastError,
    last_error_at: state.lastErrorAt,
    last_success_at: state.lastSuccessAt,
  };
  const { slo_id: _id, ...changes } = row;
  await tx.insertInto('sli_pull_states').values(row).onConflict((oc) => oc.column('slo_id').doUpdateSet(changes)).execute();
}

export async function findBurnState(db: Executor, sloId: string): Promise<BurnAlertState | undefined> {
  const row = await db.selectFrom('slo_burn_states').select('state').where('slo_id', '=', sloId).executeTakeFirst();
  return row?.state;
}

/** Records the state last sent; `changed` false only moves `evaluated_at`. */
export async function saveBurnState(tx: Executor, sloId: string, state: BurnAlertState, changed: boolean, at: string): Promise<void> {
  await tx
    .insertInto('slo_burn_states')
    .values({ slo_id: sloId, state, changed_at: at, evaluated_at: at })
    .onConflict((oc) => oc.column('slo_id').doUpdateSet(changed ? { state, changed_at: at, evaluated_at: at } : { evaluated_at: at }))
    .execute();
}
