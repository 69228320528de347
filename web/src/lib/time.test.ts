import { describe, expect, it } from 'vitest';
import { dayBoundary, formatRelative } from './time.js';

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
