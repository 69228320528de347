import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME_MAX, alternativeName, channelName } from './channel-name.js';

const VALID = /^[a-z0-9_-]{1,80}$/;

describe('channelName', () => {
  it.each([
    ['an English title', 'Checkout errors in EU', 'inc-12-checkout-errors-in-eu'],
    ['a Japanese title with Latin letters', '決済APIの遅延', 'inc-12-api'],
    ['an all-Japanese title falls back to the number', '決済の遅延', 'inc-12'],
    ['full-width letters and digits', 'ＡＰＩ　５００エラー', 'inc-12-api-500'],
    ['accents', 'Café payments', 'inc-12-cafe-payments'],
    ['punctuation and emoji', '🔥 DB: failover!!', 'inc-12-db-failover'],
  ])('%s', (_name, title, expected) => {
    const name = channelName('inc-{number}-{slug}', { number: 12, title });
    expect(name).toBe(expected);
    expect(name).toMatch(VALID);
  });

  it('keeps a very long title within 80 characters without a trailing hyphen', () => {
    const name = channelName('inc-{number}-{slug}', { number: 123456, title: 'word '.repeat(40) });
    expect(name.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
    expect(name).toMatch(VALID);
    expect(name.endsWith('-')).toBe(false);
  });

  it('follows a custom pattern with severity', () => {
    expect(channelName('{severity}_incident_{number}', { number: 3, title: 'x', severity: 'SEV1' })).toBe('sev1_incident_3');
  });
});

describe('alternativeName', () => {
  it('adds a counter and stays within the limit when the name is taken', () => {
    expect(alternativeName('inc-12-api', 1)).toBe('inc-12-api-2');
    const long = 'a'.repeat(80);
    expect(alternativeName(long, 9)).toHaveLength(80);
    expect(alternativeName(long, 9).endsWith('-10')).toBe(true);
  });
});
