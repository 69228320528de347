import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidStateError, type InstallURLOptions, type StateStore } from '@slack/oauth';
import type { Clock } from '../../clock.js';

/** How long a state (and its browser cookie) is good for: Slack's consent screen, no more. */
export const STATE_TTL_SECONDS = 600;

/**
 * OAuth `state`: an issue time and a nonce, signed with HMAC-SHA256 under SLACK_STATE_SECRET.
 * InstallProvider also puts it in a cookie at /slack/install and requires the callback's
 * `state` to equal that cookie, which binds the install to the browser that started it.
 * Time comes from Hikeshi's clock, so expiry is testable without sleeping.
 */
export class SignedStateStore implements StateStore {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: Clock,
    private readonly installOptions: InstallURLOptions,
  ) {
    this.key = createHmac('sha256', 'hikeshi oauth state v1').update(secret).digest();
  }

  async generateStateParam(): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ iat: this.clock.now().getTime(), nonce: randomBytes(16).toString('base64url') })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const [payload, signature, extra] = state.split('.');
    if (!payload || !signature || extra !== undefined || !this.matches(payload, signature)) {
      throw new InvalidStateError('The state parameter was not issued by this Hikeshi');
    }
    let issuedAt: unknown;
    try {
      issuedAt = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iat?: unknown }).iat;
    } catch {
      throw new InvalidStateError('The state parameter is malformed');
    }
    const age = this.clock.now().getTime() - Number(issuedAt);
    if (typeof issuedAt !== 'number' || age < -60_000 || age > STATE_TTL_SECONDS * 1000) {
      throw new InvalidStateError('The state parameter has expired');
    }
    return this.installOptions;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private matches(payload: string, signature: string): boolean {
    const want = Buffer.from(this.sign(payload));
    const got = Buffer.from(signature);
    return got.length === want.length && timingSafeEqual(got, want);
  }
}
