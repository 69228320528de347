import { describe, expect, it } from 'vitest';
import { splitForRollups } from './rollup-spans.js';

const at = (iso: string) => Date.parse(iso);
const span = (from: string, to: string) => ({ start: at(from), end: at(to) });

describe('splitForRollups', () => {
  it.each([
    {
      name: 'whole days only',
      input: span('2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z'),
      days: span('2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z'),
      hours: [],
      minutes: [],
    },
    {
      name: 'a Tokyo week: hours at both ends around whole UTC days',
      input: span('2026-11-22T15:00:00Z', '2026-11-29T15:00:00Z'),
      days: span('2026-11-23T00:00:00Z', '2026-11-29T00:00:00Z'),
      hours: [span('2026-11-22T15:00:00Z', '2026-11-23T00:00:00Z'), span('2026-11-29T00:00:00Z', '2026-11-29T15:00:00Z')],
      minutes: [],
    },
    {
      name: 'minutes at both edges of a multi-day span',
      input: span('2026-11-01T10:30:00Z', '2026-11-03T05:10:00Z'),
      days: span('2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'),
      hours: [span('2026-11-01T11:00:00Z', '2026-11-02T00:00:00Z'), span('2026-11-03T00:00:00Z', '2026-11-03T05:00:00Z')],
      minutes: [span('2026-11-01T10:30:00Z', '2026-11-01T11:00:00Z'), span('2026-11-03T05:00:00Z', '2026-11-03T05:10:00Z')],
    },
    {
      name: 'inside one day: hours and edge minutes, no days',
      input: span('2026-11-01T10:30:00Z', '2026-11-01T13:15:00Z'),
      days: null,
      hours: [span('2026-11-01T11:00:00Z', '2026-11-01T13:00:00Z')],
      minutes: [span('2026-11-01T10:30:00Z', '2026-11-01T11:00:00Z'), span('2026-11-01T13:00:00Z', '2026-11-01T13:15:00Z')],
    },
    {
      name: 'inside one hour: minutes only',
      input: span('2026-11-01T10:05:00Z', '2026-11-01T10:50:00Z'),
      days: null,
      hours: [],
      minutes: [span('2026-11-01T10:05:00Z', '2026-11-01T10:50:00Z')],
    },
    {
      name: 'ends inside a minute are floored (start rounds up, end down)',
      input: { start: at('2026-11-01T10:05:30Z'), end: at('2026-11-01T10:07:59Z') },
      days: null,
      hours: [],
      minutes: [span('2026-11-01T10:06:00Z', '2026-11-01T10:07:00Z')],
    },
    { name: 'empty span', input: span('2026-11-01T10:05:00Z', '2026-11-01T10:05:00Z'), days: null, hours: [], minutes: [] },
  ])('$name', ({ input, days, hours, minutes }) => {
    expect(splitForRollups(input)).toEqual({ days, hours, minutes });
  });
});
