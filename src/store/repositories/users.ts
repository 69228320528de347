import type { User, UserRole } from '../../domain/catalog/user.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../database.js';
import type { UserRow } from '../schema.js';

export interface NewUser extends User {
  passwordHash: string | null;
}

export async function insertUser(tx: Executor, user: NewUser): Promise<void> {
  await tx
    .insertInto('users')
    .values({
      id: user.id,
      name: user.name,
      email: user.email,
      time_zone: user.timeZone,
      slack_user_id: user.slackUserId,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
    })
    .execute();
}

export async function updateUser(tx: Executor, user: User, passwordHash?: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      name: user.name,
      email: user.email,
      time_zone: user.timeZone,
      slack_user_id: user.slackUserId,
      role: user.role,
      updated_at: user.updatedAt,
      ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
    })
    .where('id', '=', user.id)
    .execute();
}

export async function getUser(tx: Executor, id: string): Promise<User> {
  const user = await findUser(tx, id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}

export async function findUser(tx: Executor, id: string): Promise<User | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(tx: Executor, email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

/** People are matched to Slack by their Slack user id. */
export async function findUserBySlackUserId(tx: Executor, slackUserId: string): Promise<User | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('slack_user_id', '=', slackUserId).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsersByIds(tx: Executor, ids: readonly string[]): Promise<User[]> {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(toUser);
}

/**
 * Users any of `keys` could name: by id, email (any case), Slack user id or name (any
 * case). The caller decides between several matches (two people may share a name).
 */
export async function listUsersByKeys(tx: Executor, keys: readonly string[]): Promise<User[]> {
  const exact = [...new Set(keys.map((k) => k.trim()).filter(Boolean))];
  if (!exact.length) return [];
  const lower = [...new Set(exact.map((k) => k.toLowerCase()))];
  const rows = await tx
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      eb.or([eb('id', 'in', exact), eb('email', 'in', lower), eb('slack_user_id', 'in', exact), eb(eb.fn('lower', ['name']), 'in', lower)]),
    )
    .execute();
  return rows.map(toUser);
}

export async function listUsers(tx: Executor, options: { afterName?: string; afterId?: string; limit: number; role?: UserRole }): Promise<User[]> {
  let query = tx.selectFrom('users').selectAll();
  if (options.role) query = query.where('role', '=', options.role);
  if (options.afterName !== undefined && options.afterId !== undefined) {
    const { afterName, afterId } = options;
    query = query.where((eb) =>
      eb.or([eb('name', '>', afterName), eb.and([eb('name', '=', afterName), eb('id', '>', afterId)])]),
    );
  }
  const rows = await query.orderBy('name').orderBy('id').limit(options.limit).execute();
  return rows.map(toUser);
}

export async function countUsers(tx: Executor): Promise<number> {
  const row = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    timeZone: row.time_zone,
    slackUserId: row.slack_user_id,
    role: row.role,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
