import type { IncidentRole } from '../../domain/incidents/incident.js';
import { ValidationError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findServicesByIdOrName } from '../../store/repositories/services.js';
import { listUsersByIds } from '../../store/repositories/users.js';

/** Services as people name them (id or name) → ids; an unknown one is named in the error. */
export async function resolveServiceIds(tx: Executor, keys: readonly string[], field = 'services'): Promise<string[]> {
  const found = await findServicesByIdOrName(tx, keys);
  return keys.map((key, index) => {
    const service = found.find((s) => s.id === key) ?? found.find((s) => s.name === key);
    if (!service) throw new ValidationError(`${field}[${index}]`, `unknown service "${key}"`);
    return service.id;
  });
}

export async function checkRoleHolders(
  tx: Executor,
  roles: Partial<Record<IncidentRole, string | null>>,
): Promise<void> {
  const wanted = Object.entries(roles).filter((entry): entry is [IncidentRole, string] => typeof entry[1] === 'string');
  const users = await listUsersByIds(tx, wanted.map(([, id]) => id));
  for (const [role, id] of wanted) {
    if (!users.some((u) => u.id === id)) throw new ValidationError(`roles.${role}`, `unknown user "${id}"`);
  }
}
