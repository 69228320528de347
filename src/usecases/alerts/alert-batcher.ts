import type { IngestItem, ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';

/** Writes one batch in one transaction and returns each item's outcome in order. */
export type CommitBatch = (items: readonly IngestItem[]) => Promise<ItemOutcome[]>;

interface Submission {
  items: readonly IngestItem[];
  resolve: (outcomes: ItemOutcome[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests hand in their parsed events and wait; whatever has arrived by the
 * next turn of the event loop (at most `maxItems` events) is written in one transaction,
 * and every waiting request is answered once that transaction has committed. One batch is
 * in flight at a time, so events of one key are committed in the order they arrived.
 * A batch that fails is retried once on a unique-key race (another instance opened the
 * same key), then request by request, so a bad event fails only its own request.
 */
export class AlertBatcher {
  private queue: Submission[] = [];
  private running: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    private readonly commit: CommitBatch,
    private readonly maxItems = 500,
  ) {}

  submit(items: readonly IngestItem[]): Promise<ItemOutcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.running || this.queue.length > 0 || this.scheduled) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.runAll().finally(() => {
        this.running = undefined;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async runAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.take();
      await this.write(batch);
    }
  }

  private take(): Submission[] {
    const batch: Submission[] = [];
    let count = 0;
    while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.items.length <= this.maxItems)) {
      const next = this.queue.shift()!;
      batch.push(next);
      count += next.items.length;
    }
    return batch;
  }

  private async write(batch: Submission[]): Promise<void> {
    const items = batch.flatMap((submission) => submission.items);
    let outcomes: ItemOutcome[];
    try {
      outcomes = await this.commitWithRetry(items);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const submission of batch) await this.write([submission]);
      return;
    }
    let offset = 0;
    for (const submission of batch) {
      submission.resolve(outcomes.slice(offset, offset + submission.items.length));
      offset += submission.items.length;
    }
  }

  private async commitWithRetry(items: readonly IngestItem[]): Promise<ItemOutcome[]> {
    try {
      return await this.commit(items);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.commit(items);
    }
  }
}
