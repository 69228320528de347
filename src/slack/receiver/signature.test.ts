import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlackSignature, type SignedRequest } from './signature.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = 1_700_000_000;
const sign = (body: string, timestamp: number | string, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

function request(overrides: Partial<SignedRequest> = {}): SignedRequest {
  const rawBody = overrides.rawBody ?? 'token=x&command=%2Fincident&text=help';
  const timestamp = overrides.timestamp ?? String(NOW);
  return { signingSecret: SECRET, rawBody, timestamp, signature: sign(rawBody, timestamp), nowSeconds: NOW, ...overrides };
}

describe('verifySlackSignature', () => {
  it('accepts a body signed with the signing secret', () => {
    expect(verifySlackSignature(request())).toEqual({ ok: true });
  });

  it("matches Slack's documented example", () => {
    // https://api.slack.com/authentication/verifying-requests-from-slack
    const rawBody =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(
      verifySlackSignature({
        signingSecret: SECRET,
        rawBody,
        timestamp: '1531420618',
        signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
        nowSeconds: 1531420618 + 10,
      }),
    ).toEqual({ ok: true });
  });

  it.each<[string, Partial<SignedRequest>, RegExp]>([
    ['a body changed after signing', { signature: sign('text=other', NOW) }, /does not match/],
    ['another signing secret', { signature: sign('token=x&command=%2Fincident&text=help', NOW, 'other-secret') }, /does not match/],
    ['a timestamp 5 minutes and 1 second old', { timestamp: String(NOW - 301) }, /more than 5 minutes/],
    ['a timestamp 6 minutes in the future', { timestamp: String(NOW + 360) }, /more than 5 minutes/],
    ['a missing signature', { signature: undefined }, /missing/],
    ['a missing timestamp', { timestamp: undefined }, /missing/],
    ['a timestamp that is not a number', { timestamp: '17e8' }, /not a Unix time/],
    ['a v1 signature', { signature: 'v1=abcdef' }, /not a v0 signature/],
    ['a truncated signature', { signature: sign('token=x&command=%2Fincident&text=help', NOW).slice(0, 40) }, /does not match/],
    ['no signing secret configured', { signingSecret: undefined }, /not configured/],
  ])('refuses %s', (_name, overrides, reason) => {
    const body = request();
    const result = verifySlackSignature({ ...body, ...overrides, signature: 'signature' in overrides ? overrides.signature : sign(body.rawBody, overrides.timestamp ?? body.timestamp!) });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('accepts a timestamp exactly 5 minutes old (the limit is inclusive)', () => {
    const timestamp = String(NOW - 300);
    expect(verifySlackSignature(request({ timestamp, signature: sign('token=x&command=%2Fincident&text=help', timestamp) })).ok).toBe(true);
  });
});
