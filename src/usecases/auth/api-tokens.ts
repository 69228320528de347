import { USER_ROLES, type UserRole } from '../../domain/catalog/user.js';
import { validName } from '../../domain/catalog/validate.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import {
  findActiveApiTokenByHash,
  insertApiToken,
  listApiTokens as queryTokens,
  revokeApiToken as markRevoked,
  touchApiToken,
  type ApiToken,
} from '../../store/repositories/credentials.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { hashToken, newSecret, sameSecret } from './secrets.js';

const TOKEN_PREFIX = 'hks_';
const TOUCH_EVERY_MS = 60_000;

export async function createApiToken(
  deps: Deps,
  input: { name: string; role: UserRole },
  principal: Principal,
): Promise<{ token: string; record: ApiToken }> {
  authorize(principal, 'admin');
  if (!(USER_ROLES as readonly string[]).includes(input.role)) {
    throw new ValidationError('role', `must be one of ${USER_ROLES.join(', ')}`);
  }
  const token = newSecret(TOKEN_PREFIX);
  const record: ApiToken = {
    id: newId(),
    name: validName(input.name),
    role: input.role,
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdById: principal.userId,
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await insertApiToken(deps.db, record, hashToken(token));
  return { token, record };
}

export async function listApiTokens(deps: Deps, principal: Principal): Promise<ApiToken[]> {
  authorize(principal, 'admin');
  return queryTokens(deps.db);
}

export async function revokeApiToken(deps: Deps, id: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  if (!(await markRevoked(deps.db, id, deps.clock.now().toISOString()))) throw new NotFoundError('api token', id);
}

/** A bearer token is either HIKESHI_ADMIN_TOKEN (automation) or a stored API token. */
export async function authenticateBearer(
  deps: Deps,
  token: string,
  adminToken: string | undefined,
): Promise<Principal | undefined> {
  if (adminToken && sameSecret(token, adminToken)) {
    return { role: 'admin', userId: null, actor: { type: 'token', id: null, name: 'HIKESHI_ADMIN_TOKEN' } };
  }
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const record = await findActiveApiTokenByHash(deps.db, hashToken(token));
  if (!record) return undefined;
  const now = deps.clock.now();
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) > TOUCH_EVERY_MS) {
    await touchApiToken(deps.db, record.id, now.toISOString());
  }
  return {
    role: record.role,
    userId: record.createdById,
    actor: { type: 'token', id: record.id, name: record.name },
  };
}
