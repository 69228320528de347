import { NotFoundError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findIntegration as findById, findIntegrationByName, type Integration } from '../../store/repositories/integrations.js';

/** An integration by id or by name (the CLI and people use names). */
export async function findIntegrationByKey(tx: Executor, key: string): Promise<Integration> {
  const integration = (await findById(tx, key)) ?? (await findIntegrationByName(tx, key));
  if (!integration) throw new NotFoundError('integration', key);
  return integration;
}
