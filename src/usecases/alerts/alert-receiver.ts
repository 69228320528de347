import type { AlertEvent } from '../../domain/alerts/alert.js';
import type { ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { takeTokens, type Bucket } from '../../domain/alerts/rate-limit.js';
import { RateLimitedError } from '../../errors.js';
import type { Integration } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';
import { AlertBatcher } from './alert-batcher.js';
import { ingestAlertBatch } from './ingest-alerts.js';

/**
 * The ingest pipeline after a request was authenticated and parsed: the integration's
 * rate limit (a token bucket per integration, in this process), then the group committer.
 * `accept` resolves once the events are committed; only then may the monitor hear 2xx.
 */
export class AlertReceiver {
  private readonly buckets = new Map<string, Bucket>();
  private readonly batcher: AlertBatcher;

  constructor(private readonly deps: Deps) {
    this.batcher = new AlertBatcher((items) => ingestAlertBatch(deps, items));
  }

  async accept(integration: Integration, events: readonly AlertEvent[], receivedAt: Date): Promise<ItemOutcome[]> {
    if (events.length === 0) return [];
    const taken = takeTokens(this.buckets.get(integration.id), events.length, integration.rateLimitPerMinute, receivedAt.getTime());
    this.buckets.set(integration.id, taken.bucket);
    if (!taken.allowed) throw new RateLimitedError(taken.retryAfterSeconds);
    const at = receivedAt.toISOString();
    return this.batcher.submit(events.map((event) => ({ integrationId: integration.id, source: integration.kind, event, receivedAt: at })));
  }

  /** Waits for every accepted event to be committed (server shutdown). */
  close(): Promise<void> {
    return this.batcher.drain();
  }
}
