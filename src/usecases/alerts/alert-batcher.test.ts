import { describe, expect, it } from 'vitest';
import type { IngestItem, ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { AlertBatcher } from './alert-batcher.js';

const item = (dedupKey: string): IngestItem =>
  ({ integrationId: 'i', source: 'generic', receivedAt: '2026-11-20T09:00:00.000Z', event: { dedupKey } }) as unknown as IngestItem;
const outcome = (i: IngestItem): ItemOutcome => ({ alertId: `alert-${i.event.dedupKey}`, dedupKey: i.event.dedupKey, status: 'firing' });

describe('AlertBatcher', () => {
  it('writes requests that arrive together in one commit, and answers each with its own outcomes in order', async () => {
    const commits: string[][] = [];
    const batcher = new AlertBatcher(async (items) => {
      commits.push(items.map((i) => i.event.dedupKey));
      return items.map(outcome);
    });
    const answers = await Promise.all([batcher.submit([item('a'), item('b')]), batcher.submit([item('c')]), batcher.submit([item('d')])]);
    expect(commits).toEqual([['a', 'b', 'c', 'd']]);
    expect(answers.map((a) => a.map((o) => o.dedupKey))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('splits at maxItems without reordering and without splitting a request', async () => {
    const commits: string[][] = [];
    const batcher = new AlertBatcher(async (items) => {
      commits.push(items.map((i) => i.event.dedupKey));
      return items.map(outcome);
    }, 3);
    await Promise.all([batcher.submit([item('a'), item('b')]), batcher.submit([item('c'), item('d')]), batcher.submit([item('e')])]);
    expect(commits).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('a batch that fails is retried request by request: only the request with the bad event fails', async () => {
    const batcher = new AlertBatcher(async (items) => {
      if (items.some((i) => i.event.dedupKey === 'bad')) throw new Error('invalid byte sequence');
      return items.map(outcome);
    });
    const results = await Promise.allSettled([batcher.submit([item('a')]), batcher.submit([item('bad'), item('b')]), batcher.submit([item('c')])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('invalid byte sequence');
  });

  it('retries once when another instance opened the same key first (unique violation)', async () => {
    let calls = 0;
    const batcher = new AlertBatcher(async (items) => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      return items.map(outcome);
    });
    await expect(batcher.submit([item('a')])).resolves.toEqual([outcome(item('a'))]);
    expect(calls).toBe(2);
  });

  it('drain waits for everything submitted to be committed', async () => {
    const committed: string[] = [];
    const batcher = new AlertBatcher(async (items) => {
      await new Promise((r) => setTimeout(r, 5));
      committed.push(...items.map((i) => i.event.dedupKey));
      return items.map(outcome);
    });
    void batcher.submit([item('a')]);
    void batcher.submit([item('b')]);
    await batcher.drain();
    expect(committed).toEqual(['a', 'b']);
  });
});
