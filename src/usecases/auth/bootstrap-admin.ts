import { ConflictError } from '../../errors.js';
import { countUsers } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { SYSTEM_PRINCIPAL } from '../principal.js';
import { createUser } from '../catalog/users.js';
import { newSecret } from './secrets.js';

export const FIRST_ADMIN_EMAIL = 'admin@hikeshi.local';

/**
 * On an empty database, creates the first admin and returns its password, which the
 * caller prints once; it is stored only as a hash.
 */
export async function bootstrapAdmin(deps: Deps): Promise<{ email: string; password: string } | undefined> {
  if ((await countUsers(deps.db)) > 0) return undefined;
  const password = newSecret().slice(0, 24);
  try {
    await createUser(deps, { name: 'Administrator', email: FIRST_ADMIN_EMAIL, role: 'admin', password }, SYSTEM_PRINCIPAL);
  } catch (error) {
    if (error instanceof ConflictError) return undefined; // another instance created it first
    throw error;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}
