import { describe, expect, it } from 'vitest';
import { dayBoundary, formatDuration, formatRelative } from './time.js';

const now = Date.parse('2026-11-28T12:00:00Z');

describe('formatRelative', () => {
  it.each([
    ['2026-11-28T11:59:50Z', 'en', 'now'],
    ['2026-11-28T11:55:00Z', 'en', '5 minutes ago'],
    ['2026-11-28T09:00:00Z', 'en', '3 hours ago'],
    ['2026-11-27T12:00:00Z', 'en', 'yesterday'],
    ['2026-11-28T09:00:00Z', 'ja', '3 時間前'],
  ])('%s in %s', (iso, lang, want) => {
    expect(formatRelative(iso, lang, now)).toBe(want);
  });

  it('uses the given words for the last few seconds', () => {
    expect(formatRelative('2026-11-28T11:59:50Z', 'ja', now, 'たった今')).toBe('たった今');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatRelative('soon', 'en', now)).toBe('soon');
  });
});

describe('dayBoundary', () => {
  it('spans the whole local day', () => {
    const start = new Date(dayBoundary('2026-03-08', 'start'));
    const end = new Date(dayBoundary('2026-03-08', 'end'));
    expect([start.getDate(), start.getHours()]).toEqual([8, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes()]).toEqual([8, 23, 59]);
  });

  it('is empty for an empty input', () => {
    expect(dayBoundary('', 'start')).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    { ms: 0, en: '0 s', ja: '0秒' },
    { ms: 59_400, en: '59 s', ja: '59秒' },
    { ms: 12 * 60_000 + 20_000, en: '12 min', ja: '12分' },
    { ms: 2 * 3_600_000 + 5 * 60_000, en: '2 h 5 min', ja: '2時間5分' },
    { ms: 3 * 3_600_000, en: '3 h', ja: '3時間' },
    { ms: 3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, en: '3 d 4 h', ja: '3日4時間' },
  ])('$ms ms → $en / $ja', ({ ms, en, ja }) => {
    expect(formatDuration(ms, 'en')).toBe(en);
    expect(formatDuration(ms, 'ja')).toBe(ja);
  });
});
