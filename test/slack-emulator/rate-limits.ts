/** Injected failures (`failNext`) and optional automatic per-method tier limits. */
import type { Tier } from './methods/types.js';

export type Failure =
  /** HTTP 429, `Retry-After: <seconds>` (default 1), body `{ ok: false, error: 'ratelimited' }`. */
  | { status: 429; retryAfter?: number }
  /** Any other HTTP status (500, 502, 503...), as Slack's edge answers when it is unwell. */
  | { status: number; body?: string }
  /** HTTP 200 `{ ok: false, error, ...extra }`. */
  | { error: string; extra?: Record<string, unknown> };

export class FailureQueue {
  private readonly queued = new Map<string, { failure: Failure; remaining: number }[]>();

  /** The next `times` calls of `method` (or of any method, with `'*'`) fail this way. */
  add(method: string, failure: Failure, times = 1): void {
    const list = this.queued.get(method) ?? [];
    list.push({ failure, remaining: times });
    this.queued.set(method, list);
  }

  take(method: string): Failure | undefined {
    for (const key of [method, '*']) {
      const list = this.queued.get(key);
      const head = list?.[0];
      if (!list || !head) continue;
      head.remaining -= 1;
      if (head.remaining <= 0) list.shift();
      return head.failure;
    }
    return undefined;
  }

  clear(): void {
    this.queued.clear();
  }
}

export interface RateLimitOptions {
  enabled: boolean;
  /** Window for the tiers (default 60 000 ms: Slack's allowances are per minute). */
  windowMs?: number;
  /** Calls per window by tier; defaults Tier 1: 1, 2: 20, 3: 50, 4: 100, special: 100. */
  perWindow?: Partial<Record<`${Tier}`, number>>;
  /** chat.postMessage: "one message per second per channel" (default 1 per 1000 ms). */
  postMessage?: { perWindow: number; windowMs: number };
}

const DEFAULTS: Record<`${Tier}`, number> = { '1': 1, '2': 20, '3': 50, '4': 100, special: 100 };

export class TierLimiter {
  private options: RateLimitOptions = { enabled: false };
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  configure(options: RateLimitOptions): void {
    this.options = options;
    this.hits.clear();
  }

  /** Records the call, or answers the Retry-After seconds when this method is over its limit. */
  check(method: string, tier: Tier, channel?: string): number | undefined {
    if (!this.options.enabled) return undefined;
    const perChannel = method === 'chat.postMessage' && channel !== undefined;
    const limit = perChannel
      ? (this.options.postMessage?.perWindow ?? 1)
      : (this.options.perWindow?.[`${tier}`] ?? DEFAULTS[`${tier}`]);
    const windowMs = perChannel ? (this.options.postMessage?.windowMs ?? 1000) : (this.options.windowMs ?? 60_000);
    const key = perChannel ? `${method}:${channel}` : method;
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }
}
