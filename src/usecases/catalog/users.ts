import { USER_ROLES, type User, type UserRole } from '../../domain/catalog/user.js';
import { validEmail, validName, validSlackUserId, validTimeZone } from '../../domain/catalog/validate.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { findUserByEmail, getUser, insertUser, listUsers as queryUsers, updateUser as saveUser } from '../../store/repositories/users.js';
import { hashPassword } from '../auth/secrets.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';

export interface UserInput {
  name: string;
  email: string;
  role?: UserRole;
  timeZone?: string;
  slackUserId?: string | null;
  password?: string;
}

export const PASSWORD_MIN = 12;

function validPassword(password: string): string {
  if ([...password].length < PASSWORD_MIN) throw new ValidationError('password', `must be at least ${PASSWORD_MIN} characters`);
  if (password.length > 1024) throw new ValidationError('password', 'must be at most 1024 characters');
  return password;
}

function validRole(role: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) throw new ValidationError('role', `must be one of ${USER_ROLES.join(', ')}`);
  return role as UserRole;
}

export async function createUser(deps: Deps, input: UserInput, principal: Principal): Promise<User> {
  authorize(principal, 'admin');
  const now = deps.clock.now().toISOString();
  const user: User = {
    id: newId(),
    name: validName(input.name),
    email: validEmail(input.email),
    role: validRole(input.role ?? 'responder'),
    timeZone: validTimeZone(input.timeZone ?? 'UTC'),
    slackUserId: input.slackUserId ? validSlackUserId(input.slackUserId) : null,
    createdAt: now,
    updatedAt: now,
  };
  const passwordHash = input.password === undefined ? null : await hashPassword(validPassword(input.password));
  return deps.db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, user.email)) throw new ConflictError(`A user with email ${user.email} already exists`, 'user.email_taken');
    await insertUser(tx, { ...user, passwordHash });
    return user;
  });
}

export async function updateUser(deps: Deps, id: string, input: Partial<UserInput>, principal: Principal): Promise<User> {
  const self = principal.userId === id;
  // People may edit their own profile and password; only admins change roles or others.
  authorize(principal, self && input.role === undefined ? 'viewer' : 'admin');
  const passwordHash = input.password === undefined ? undefined : await hashPassword(validPassword(input.password));
  return deps.db.transaction().execute(async (tx) => {
    const current = await getUser(tx, id);
    const next: User = {
      ...current,
      ...(input.name !== undefined && { name: validName(input.name) }),
      ...(input.email !== undefined && { email: validEmail(input.email) }),
      ...(input.role !== undefined && { role: validRole(input.role) }),
      ...(input.timeZone !== undefined && { timeZone: validTimeZone(input.timeZone) }),
      ...(input.slackUserId !== undefined && { slackUserId: input.slackUserId ? validSlackUserId(input.slackUserId) : null }),
      updatedAt: deps.clock.now().toISOString(),
    };
    if (next.email !== current.email) {
      const holder = await findUserByEmail(tx, next.email);
      if (holder && holder.id !== id) throw new ConflictError(`A user with email ${next.email} already exists`, 'user.email_taken');
    }
    await saveUser(tx, next, passwordHash);
    return next;
  });
}

export async function getUserById(deps: Deps, id: string, principal: Principal): Promise<User> {
  authorize(principal, 'viewer');
  return getUser(deps.db, id);
}

export async function listUsers(
  deps: Deps,
  query: { cursor?: string; limit?: number; role?: UserRole },
  principal: Principal,
): Promise<Page<User>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 100;
  const after = query.cursor ? decodeCursor(query.cursor, { name: 'string', id: 'string' }) : undefined;
  const rows = await queryUsers(deps.db, { afterName: after?.name, afterId: after?.id, limit: limit + 1, role: query.role });
  return pageOf(rows, limit, (last) => ({ name: last.name, id: last.id }));
}
