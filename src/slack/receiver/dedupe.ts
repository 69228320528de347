import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../usecases/deps.js';
import { claimDelivery, releaseDelivery } from '../../usecases/slack-inbound/deliveries.js';

/**
 * Slack retries an event it believes lost (`X-Slack-Retry-Num`, same `event_id`), over HTTP
 * and Socket Mode alike: the first delivery claims the id and later ones stop here. When the
 * listeners fail the claim is released, so Slack's retry gets another try.
 */
export function dedupeDeliveries(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string' || !eventId) return next();
    if (!(await claimDelivery(deps, eventId))) {
      logger.debug(`Slack delivery ${eventId} was already processed; skipped`);
      return;
    }
    try {
      await next();
    } catch (error) {
      await releaseDelivery(deps, eventId);
      throw error;
    }
  };
}
