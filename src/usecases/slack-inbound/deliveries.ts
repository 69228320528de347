import { forgetDelivery, recordDelivery } from '../../store/repositories/slack.js';
import type { Deps } from '../deps.js';

/**
 * Claims a Slack event delivery by its event_id: false when it was claimed before (Slack
 * retries an event it thinks was lost, with the same event_id).
 */
export async function claimDelivery(deps: Deps, eventId: string): Promise<boolean> {
  return recordDelivery(deps.db, eventId, deps.clock.now().toISOString());
}

/** Processing failed: let Slack's retry of this delivery be processed. */
export async function releaseDelivery(deps: Deps, eventId: string): Promise<void> {
  await forgetDelivery(deps.db, eventId);
}
