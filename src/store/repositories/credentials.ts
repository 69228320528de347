import type { UserRole } from '../../domain/catalog/user.js';
import type { Executor } from '../database.js';

export interface ApiToken {
  id: string;
  name: string;
  role: UserRole;
  prefix: string;
  createdById: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function insertApiToken(tx: Executor, token: ApiToken, hash: string): Promise<void> {
  await tx
    .insertInto('api_tokens')
    .values({
      id: token.id,
      name: token.name,
      role: token.role,
      token_hash: hash,
      token_prefix: token.prefix,
      created_by_id: token.createdById,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

export async function findActiveApiTokenByHash(tx: Executor, hash: string): Promise<ApiToken | undefined> {
  const row = await tx
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function listApiTokens(tx: Executor): Promise<ApiToken[]> {
  const rows = await tx.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toToken);
}

export async function revokeApiToken(tx: Executor, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiToken(tx: Executor, id: string, at: string): Promise<void> {
  await tx.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export interface Session {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(tx: Executor, idHash: string, session: Session, createdAt: string): Promise<void> {
  await tx
    .insertInto('sessions')
    .values({ id_hash: idHash, user_id: session.userId, csrf_token: session.csrfToken, created_at: createdAt, expires_at: session.expiresAt })
    .execute();
}

export async function findLiveSession(tx: Executor, idHash: string, now: string): Promise<Session | undefined> {
  const row = await tx
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(tx: Executor, idHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(tx: Executor, now: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toToken(row: {
  id: string;
  name: string;
  role: UserRole;
  token_prefix: string;
  created_by_id: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
