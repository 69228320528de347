import { roleAllows, type UserRole } from '../domain/catalog/user.js';
import type { Actor } from '../domain/incidents/timeline.js';
import { ForbiddenError } from '../errors.js';

/** Who is acting and with which role: a person, an API token, or Hikeshi itself. */
export interface Principal {
  role: UserRole;
  userId: string | null;
  actor: Actor;
}

export const SYSTEM_PRINCIPAL: Principal = {
  role: 'admin',
  userId: null,
  actor: { type: 'system', id: null, name: 'Hikeshi' },
};

const ACTIONS: Record<UserRole, string> = {
  viewer: 'read',
  responder: 'change incidents',
  admin: 'administer Hikeshi',
};

export function authorize(principal: Principal, required: UserRole): void {
  if (!roleAllows(principal.role, required)) {
    throw new ForbiddenError(
      `The ${principal.role} role may not ${ACTIONS[required]}; this needs the ${required} role.`,
    );
  }
}
