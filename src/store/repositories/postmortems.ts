import type { Postmortem } from '../../domain/postmortems/types.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';

export async function insertPostmortem(tx: Executor, postmortem: Postmortem, at: Date): Promise<void> {
  const now = at.toISOString();
  await tx
    .insertInto('postmortems')
    .values({ ...columns(postmortem), incident_id: postmortem.incidentId, created_at: now, updated_at: now })
    .execute();
}

export async function updatePostmortem(tx: Executor, postmortem: Postmortem, at: Date): Promise<void> {
  await tx
    .updateTable('postmortems')
    .set({ ...columns(postmortem), updated_at: at.toISOString() })
    .where('incident_id', '=', postmortem.incidentId)
    .execute();
}

export async function findPostmortem(tx: Executor, incidentId: string): Promise<Postmortem | undefined> {
  const row = await tx.selectFrom('postmortems').select('state').where('incident_id', '=', incidentId).executeTakeFirst();
  return row && decodeJson<Postmortem>(row.state);
}

/** Reads an incident's postmortem and, on Postgres, locks its row until the transaction ends. */
export async function getPostmortemForUpdate(tx: Executor, incidentId: string): Promise<Postmortem> {
  let query = tx.selectFrom('postmortems').select('state').where('incident_id', '=', incidentId);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('postmortem', incidentId);
  return decodeJson<Postmortem>(row.state);
}

function columns(postmortem: Postmortem) {
  return {
    state: encodeJson(postmortem),
    status: postmortem.status,
    owner_id: postmortem.ownerId,
    meeting_at: postmortem.meetingAt,
  };
}
