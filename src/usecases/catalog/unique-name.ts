import { ConflictError } from '../../errors.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';

/** Names are unique; the database is the judge, so two racing creates cannot both win. */
export async function insertUnique(write: () => Promise<void>, message: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(message, 'resource.name_taken');
    throw error;
  }
}
