import { describe, expect, it } from 'vitest';
import { formatDuration, incidentDurations } from './durations.js';

const times = {
  impactStartedAt: '2026-12-01T00:50:00Z',
  detectedAt: '2026-12-01T00:58:00Z',
  declaredAt: '2026-12-01T01:00:00Z',
  acknowledgedAt: '2026-12-01T01:03:00Z',
  mitigatedAt: '2026-12-01T01:40:00Z',
  resolvedAt: '2026-12-01T02:55:30Z',
};
const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

describe('incidentDurations', () => {
  it('measures detect from impact start, acknowledge from declaration, mitigate and resolve from impact start', () => {
    expect(incidentDurations(times).map((d) => [d.name, d.from, d.to, minutes(d.ms)])).toEqual([
      ['timeToDetect', 'impactStartedAt', 'detectedAt', 8],
      ['timeToAcknowledge', 'declaredAt', 'acknowledgedAt', 3],
      ['timeToMitigate', 'impactStartedAt', 'mitigatedAt', 50],
      ['timeToResolve', 'impactStartedAt', 'resolvedAt', 125.5],
    ]);
  });

  it.each<[string, Partial<typeof times>, string, string | null, string | null, string]>([
    ['no impact start: detect cannot be told', { impactStartedAt: null as never }, 'timeToDetect', null, 'the impact start is not recorded', 'impactStartedAt'],
    ['no impact start: resolve falls back to the declaration and says so', { impactStartedAt: null as never }, 'timeToResolve', '115.5', null, 'declaredAt'],
    ['still unresolved', { resolvedAt: null as never }, 'timeToResolve', null, 'the resolution time is not recorded', 'impactStartedAt'],
    ['neither detected nor impact start', { impactStartedAt: null as never, detectedAt: null as never }, 'timeToDetect', null, 'the impact start and the detection time are not recorded', 'impactStartedAt'],
    ['detected before the impact started (a typo in a time)', { detectedAt: '2026-12-01T00:40:00Z' }, 'timeToDetect', null, 'the detection time is before the impact start; check both times', 'impactStartedAt'],
    ['never acknowledged (declined from triage)', { acknowledgedAt: null as never }, 'timeToAcknowledge', null, 'the acknowledgement is not recorded', 'declaredAt'],
  ])('%s', (_name, change, name, expectedMinutes, reason, from) => {
    const duration = incidentDurations({ ...times, ...change }).find((d) => d.name === name)!;
    expect(duration.ms === null ? null : String(minutes(duration.ms))).toBe(expectedMinutes);
    expect(duration.reason).toBe(reason);
    expect(duration.from).toBe(from);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [59_400, '59 s'],
    [59_600, '1 min'],
    [12 * 60_000, '12 min'],
    [65 * 60_000, '1 h 05 min'],
    [(23 * 60 + 59) * 60_000, '23 h 59 min'],
    [51 * 3_600_000, '2 d 3 h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
