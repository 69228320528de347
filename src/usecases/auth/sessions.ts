import type { User } from '../../domain/catalog/user.js';
import { UnauthenticatedError } from '../../errors.js';
import { deleteSession, findLiveSession, insertSession } from '../../store/repositories/credentials.js';
import { findUser, findUserByEmail } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import type { Principal } from '../principal.js';
import { hashPassword, hashToken, newSecret, verifyPassword } from './secrets.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

// Compared against when the email is unknown, so a login takes as long either way.
const unknownUserHash = hashPassword(newSecret());

export interface LoggedIn {
  sessionToken: string;
  csrfToken: string;
  user: User;
  expiresAt: string;
}

export async function logIn(deps: Deps, email: string, password: string): Promise<LoggedIn> {
  const user = await findUserByEmail(deps.db, email.trim());
  const valid = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash));
  if (!user || !user.passwordHash || !valid) throw new UnauthenticatedError('Email or password is incorrect');
  const now = deps.clock.now();
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await insertSession(deps.db, hashToken(sessionToken), { userId: user.id, csrfToken, expiresAt }, now.toISOString());
  const { passwordHash: _, ...publicUser } = user;
  return { sessionToken, csrfToken, user: publicUser, expiresAt };
}

export async function logOut(deps: Deps, sessionToken: string): Promise<void> {
  await deleteSession(deps.db, hashToken(sessionToken));
}

export interface SessionPrincipal {
  principal: Principal;
  user: User;
  csrfToken: string;
}

export async function authenticateSession(deps: Deps, sessionToken: string): Promise<SessionPrincipal | undefined> {
  const session = await findLiveSession(deps.db, hashToken(sessionToken), deps.clock.now().toISOString());
  if (!session) return undefined;
  const user = await findUser(deps.db, session.userId);
  if (!user) return undefined;
  return {
    principal: { role: user.role, userId: user.id, actor: { type: 'user', id: user.id, name: user.name } },
    user,
    csrfToken: session.csrfToken,
  };
}
