import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { onCallAt } from './queries.js';
import { parseRotaCsv, rotaLayer, rotaOverrides, type RotaImport, type RotaOptions } from './rota-csv.js';

const PEOPLE: Record<string, string> = { 'ann@example.com': 'U_ANN', U0BOB: 'U_BOB', 'Cat Doe': 'U_CAT', 'Smith, Jane': 'U_JANE' };
const options: RotaOptions = {
  timeZone: 'America/New_York',
  handoffTime: '09:00',
  findPerson: (cell) => (cell === 'Sam' ? { ambiguous: 2 } : PEOPLE[cell]),
};
const brief = (r: RotaImport) => r.shifts.map((s) => `${s.line} ${s.role} ${s.userId} ${s.start}→${s.end}`);
const problems = (r: RotaImport) => r.problems.map((p) => `${p.line} ${p.code}${p.column ? ` ${p.column}` : ''}`);

describe('parseRotaCsv: one row per day', () => {
  it('maps email, Slack id and name cells to shifts from handoff to handoff, across spring-forward', () => {
    const result = parseRotaCsv('date,primary,secondary\n2025-03-08,ann@example.com,U0BOB\n2025-03-09,Cat Doe,\n', options);
    expect(result.complete).toBe(true);
    expect(result.format).toBe('daily');
    expect(brief(result)).toEqual([
      '2 primary U_ANN 2025-03-08T14:00:00.000Z→2025-03-09T13:00:00.000Z',
      '2 secondary U_BOB 2025-03-08T14:00:00.000Z→2025-03-09T13:00:00.000Z',
      '3 primary U_CAT 2025-03-09T13:00:00.000Z→2025-03-10T13:00:00.000Z',
    ]);
    expect(result.problems).toEqual([]);
  });

  it.each<[string, string, string[], string[], boolean]>([
    ['an unknown person is reported and the rest of the row kept', 'date,primary,secondary\n2025-06-02,Nobody,U0BOB', ['2 secondary U_BOB'], ['2 unknown_person primary'], true],
    ['a name two people share is reported as ambiguous, not guessed', 'date,primary,secondary\n2025-06-02,Sam,U0BOB', ['2 secondary U_BOB'], ['2 ambiguous_person primary'], true],
    ['a bad date is reported with its line', 'date,primary\n2025-06-02,U0BOB\n02/06/2025,U0BOB\n2025-02-30,U0BOB', ['2 primary U_BOB'], ['3 bad_date date', '4 bad_date date'], true],
    ['the same day twice is an overlapping shift (the later line)', 'date,primary\n2025-06-02,U0BOB\n2025-06-02,Cat Doe', ['2 primary U_BOB'], ['3 overlapping_shift primary'], true],
    ['a day with no primary is reported, not silently skipped', 'date,primary,secondary\n2025-06-02,,U0BOB\n2025-06-03,Cat Doe,', ['2 secondary U_BOB', '3 primary U_CAT'], ['2 missing_person primary'], true],
    ['a name with a comma needs quotes; unquoted it shows as too many fields', 'date,primary\n2025-06-02,"Smith, Jane"\n2025-06-03,Smith, Jane', ['2 primary U_JANE'], ['3 too_many_fields'], true],
    ['trailing empty fields are fine', 'date,primary,secondary\n2025-06-02,U0BOB,,,', ['2 primary U_BOB'], [], true],
    ['a missing trailing secondary cell is fine', 'date,primary,secondary\n2025-06-02,U0BOB', ['2 primary U_BOB'], [], true],
    ['slashes in an ISO-ordered date are accepted', 'date,primary\n2025/6/2,U0BOB', ['2 primary U_BOB'], [], true],
    ['header names in any case and with spaces', ' Date , PRIMARY \n2025-06-02,U0BOB', ['2 primary U_BOB'], [], true],
    ['blank rows are skipped', 'date,primary\n\n,\n2025-06-02,U0BOB', ['4 primary U_BOB'], [], true],
    ['every row bad: nothing to apply, so incomplete', 'date,primary\n2025-06-02,Nobody', [], ['1 no_shifts', '2 unknown_person primary'], false],
  ])('%s', (_case, csv, shifts, expectedProblems, complete) => {
    const result = parseRotaCsv(csv, options);
    expect(result.shifts.map((s) => `${s.line} ${s.role} ${s.userId}`)).toEqual(shifts);
    expect(problems(result)).toEqual(expectedProblems);
    expect(result.complete).toBe(complete);
  });
});

describe('parseRotaCsv: explicit start and end times', () => {
  it.each<[string, string, string[], string[]]>([
    ['times with offsets are taken as written', 'start,end,primary\n2025-06-02T09:00:00+09:00,2025-06-02T21:00:00+09:00,U0BOB', ['2 primary U_BOB 2025-06-02T00:00:00.000Z→2025-06-02T12:00:00.000Z'], []],
    ['times without an offset are read in the schedule\'s zone', 'start,end,primary\n2025-06-02 09:00,2025-06-02 21:00,U0BOB', ['2 primary U_BOB 2025-06-02T13:00:00.000Z→2025-06-03T01:00:00.000Z'], []],
    ['a time in the spring gap moves to when the clocks jump', 'start,end,primary\n2025-03-09T02:30,2025-03-09T12:00,U0BOB', ['2 primary U_BOB 2025-03-09T07:00:00.000Z→2025-03-09T16:00:00.000Z'], []],
    ['a bare date means that day\'s handoff time', 'start,end,primary\n2025-06-02,2025-06-09,U0BOB', ['2 primary U_BOB 2025-06-02T13:00:00.000Z→2025-06-09T13:00:00.000Z'], []],
    ['an end before the start is reported', 'start,end,primary\n2025-06-02T12:00Z,2025-06-02T09:00Z,U0BOB', [], ['1 no_shifts', '2 end_before_start end']],
    ['a zero-length shift is reported as ending before it starts', 'start,end,primary\n2025-06-02T12:00Z,2025-06-02T12:00Z,U0BOB', [], ['1 no_shifts', '2 end_before_start end']],
    ['an unreadable time is reported', 'start,end,primary\nsoon,2025-06-02T09:00Z,U0BOB', [], ['1 no_shifts', '2 bad_date start']],
    ['overlaps are per role: a secondary may overlap a primary', 'start,end,primary,secondary\n2025-06-02T00:00Z,2025-06-03T00:00Z,U0BOB,Cat Doe\n2025-06-02T12:00Z,2025-06-04T00:00Z,Cat Doe,U0BOB',
      ['2 primary U_BOB 2025-06-02T00:00:00.000Z→2025-06-03T00:00:00.000Z', '2 secondary U_CAT 2025-06-02T00:00:00.000Z→2025-06-03T00:00:00.000Z'],
      ['3 overlapping_shift primary', '3 overlapping_shift secondary']],
    ['touching shifts do not overlap', 'start,end,primary\n2025-06-02T00:00Z,2025-06-03T00:00Z,U0BOB\n2025-06-03T00:00Z,2025-06-04T00:00Z,Cat Doe',
      ['2 primary U_BOB 2025-06-02T00:00:00.000Z→2025-06-03T00:00:00.000Z', '3 primary U_CAT 2025-06-03T00:00:00.000Z→2025-06-04T00:00:00.000Z'], []],
  ])('%s', (_case, csv, shifts, expectedProblems) => {
    const result = parseRotaCsv(csv, options);
    expect(result.format).toBe('timed');
    expect(brief(result)).toEqual(shifts);
    expect(problems(result)).toEqual(expectedProblems);
  });
});

describe('parseRotaCsv: a structurally broken file is never complete', () => {
  it.each<[string, string, string[]]>([
    ['an empty file', '', ['1 no_rows']],
    ['a header and no rows', 'date,primary\n', ['1 no_rows']],
    ['no primary column', 'date,secondary\n2025-06-02,U0BOB', ['1 missing_column primary']],
    ['neither date nor start/end', 'primary,secondary\nU0BOB,Cat Doe', ['1 missing_column date']],
    ['start without end', 'start,primary\n2025-06-02T00:00Z,U0BOB', ['1 missing_column end']],
    ['both date and start columns', 'date,start,end,primary\n2025-06-02,,,U0BOB', ['1 mixed_format']],
    ['two columns named primary', 'date,primary,Primary\n2025-06-02,U0BOB,U0BOB', ['1 duplicate_column primary']],
    ['an unclosed quote (rows before it are still previewed)', 'date,primary\n2025-06-02,U0BOB\n2025-06-03,"Cat Doe\n', ['3 unterminated_quote']],
  ])('%s', (_case, csv, expected) => {
    const result = parseRotaCsv(csv, options);
    expect(result.complete).toBe(false);
    expect(problems(result)).toEqual(expected);
  });

  it('keeps the good rows in view for a preview of an unclosed-quote file', () => {
    const result = parseRotaCsv('date,primary\n2025-06-02,U0BOB\n2025-06-03,"Cat Doe\n', options);
    expect(result.shifts.map((s) => s.userId)).toEqual(['U_BOB']);
  });

  it('refuses options that are a programming error, not a file problem', () => {
    expect(() => parseRotaCsv('date,primary', { ...options, timeZone: 'Nowhere/Land' })).toThrowError(ValidationError);
    expect(() => parseRotaCsv('date,primary', { ...options, handoffTime: '9' })).toThrowError(ValidationError);
  });
});

describe('parseRotaCsv: header names mapped per schedule', () => {
  it('maps a team\'s own headers and lists the ones it ignores', () => {
    const result = parseRotaCsv('\uFEFFDay,On call,Backup,Notes\r\n2025-06-02,U0BOB,Cat Doe,"bank holiday, quiet"\r\n', {
      ...options,
      columns: { day: 'date', 'on call': 'primary', backup: 'secondary' },
    });
    expect(result.complete).toBe(true);
    expect(result.ignoredColumns).toEqual(['Notes']);
    expect(result.shifts.map((s) => `${s.role} ${s.userId}`)).toEqual(['primary U_BOB', 'secondary U_CAT']);
  });
});

describe('applying an import', () => {
  const csv = 'date,primary,secondary\n2025-06-02,U0BOB,Cat Doe\n2025-06-03,U0BOB,Cat Doe\n2025-06-04,Cat Doe,U0BOB\n';
  const result = parseRotaCsv(csv, options);

  it('as a layer of explicit shifts, joining a person\'s consecutive days', () => {
    const layer = rotaLayer(result.shifts, 'primary', { id: 'sheet', name: 'Spreadsheet' });
    expect(layer.shifts).toEqual([
      { userId: 'U_BOB', start: '2025-06-02T13:00:00.000Z', end: '2025-06-04T13:00:00.000Z' },
      { userId: 'U_CAT', start: '2025-06-04T13:00:00.000Z', end: '2025-06-05T13:00:00.000Z' },
    ]);
    const schedule = { id: 's', timeZone: options.timeZone, layers: [layer] };
    expect(onCallAt(schedule, '2025-06-03T20:00:00Z')?.userId).toBe('U_BOB');
  });

  it('as overrides named by the caller', () => {
    expect(rotaOverrides(result.shifts, 'secondary', (s) => `rota-${s.line}`)).toEqual([
      { id: 'rota-2', userId: 'U_CAT', start: '2025-06-02T13:00:00.000Z', end: '2025-06-04T13:00:00.000Z' },
      { id: 'rota-4', userId: 'U_BOB', start: '2025-06-04T13:00:00.000Z', end: '2025-06-05T13:00:00.000Z' },
    ]);
  });
});
