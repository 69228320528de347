import { ValidationError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findUser } from '../../store/repositories/users.js';

/** A person named by id must be a Hikeshi user; the error names the field. */
export async function checkOwner(tx: Executor, field: string, userId: string | null): Promise<void> {
  if (userId !== null && !(await findUser(tx, userId))) throw new ValidationError(field, `no user with id "${userId}"`);
}
