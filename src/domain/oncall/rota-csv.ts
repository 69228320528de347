import { ValidationError } from '../../errors.js';
import { parseCsv, type CsvRecord } from './csv.js';
import { epochDay, parseIsoParts, parseTimeOfDay, toIso } from './instants.js';
import type { ExplicitLayer, Override } from './types.js';
import { isValidTimeZone, localTimeToInstant, wallToInstant, zoneNamed, type Zone } from './zone-time.js';

/**
 * A spreadsheet rota (DESIGN.md): CSV with a header row, either `date,primary,secondary`
 * (one row per day; the shift runs from that day's handoff time to the next day's) or
 * `start,end,primary,secondary` (ISO 8601 times; without an offset a time is read in the
 * schedule's zone, and a bare date means that day's handoff time). A cell names a person
 * by email, Slack user id or name; the caller's `findPerson` resolves it. Other header
 * names are mapped per schedule with `columns`. `secondary` is optional.
 *
 * Every row either yields its shifts or is named in `problems` with its line; a row is
 * never dropped silently. `complete` is false when the file cannot be trusted as a whole
 * (a required column missing, an unclosed quote, no usable shift at all): a caller must
 * not apply such a file, so a broken file can never empty a schedule.
 */
export type RotaColumn = 'date' | 'start' | 'end' | 'primary' | 'secondary';
export type RotaRole = 'primary' | 'secondary';

export interface RotaOptions {
  /** The schedule's IANA zone. */
  timeZone: string;
  /** The schedule's `HH:mm` handoff time, for `date` rows and bare dates. */
  handoffTime: string;
  /**
   * Email, Slack user id or name → user id; undefined when no one matches, `{ ambiguous }`
   * (how many match) when a name fits several people.
   */
  findPerson: (cell: string) => string | undefined | { ambiguous: number };
  /** This schedule's header names (any case) → column, on top of the standard names. */
  columns?: Record<string, RotaColumn>;
}

export type RotaProblemCode =
  | 'missing_column'
  | 'duplicate_column'
  | 'mixed_format'
  | 'unterminated_quote'
  | 'no_rows'
  | 'no_shifts'
  | 'too_many_fields'
  | 'bad_date'
  | 'end_before_start'
  | 'missing_person'
  | 'unknown_person'
  | 'ambiguous_person'
  | 'overlapping_shift';

/** Problems that make the whole file untrustworthy (`complete: false`). */
export const FILE_PROBLEMS: readonly RotaProblemCode[] = ['missing_column', 'duplicate_column', 'mixed_format', 'unterminated_quote', 'no_rows', 'no_shifts'];

export interface RotaProblem {
  line: number;
  code: RotaProblemCode;
  column?: string;
  value?: string;
  message: string;
}

export interface RotaShift {
  role: RotaRole;
  userId: string;
  start: string;
  end: string;
  line: number;
}

export interface RotaImport {
  complete: boolean;
  format: 'daily' | 'timed' | null;
  /** Sorted by start, primary before secondary. */
  shifts: RotaShift[];
  /** Sorted by line. */
  problems: RotaProblem[];
  /** Header names that map to no column (kept out of the import, e.g. `notes`). */
  ignoredColumns: string[];
}

const STANDARD: Record<string, RotaColumn> = { date: 'date', start: 'start', end: 'end', primary: 'primary', secondary: 'secondary' };
const ROLES: readonly RotaRole[] = ['primary', 'secondary'];

export function parseRotaCsv(text: string, options: RotaOptions): RotaImport {
  if (!isValidTimeZone(options.timeZone)) throw new ValidationError('timeZone', 'must be an IANA time zone');
  const handoffMinute = parseTimeOfDay(options.handoffTime);
  if (handoffMinute === null) throw new ValidationError('handoffTime', 'must be HH:mm');
  const ctx: Context = { zone: zoneNamed(options.timeZone), handoffMinute, options, problems: [], shifts: [] };

  const csv = parseCsv(text);
  if (csv.unterminatedQuoteAt !== null) {
    ctx.problems.push({ line: csv.unterminatedQuoteAt, code: 'unterminated_quote', message: 'A quoted field is never closed; the rest of the file cannot be read' });
  }
  const [header, ...rows] = csv.records;
  if (!header) return finish(ctx, null, [], { line: 1, code: 'no_rows', message: 'The file is empty' });
  const layout = readHeader(header, options.columns ?? {});
  if ('problem' in layout) return finish(ctx, null, layout.ignored, layout.problem);

  const accepted: Accepted = { primary: [], secondary: [] };
  let dataRows = 0;
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    dataRows++;
    readRow(ctx, layout, row, accepted);
  }
  if (dataRows === 0) return finish(ctx, layout.format, layout.ignored, { line: header.line, code: 'no_rows', message: 'The file has a header but no rows' });
  return finish(ctx, layout.format, layout.ignored, undefined, header.line);
}

type Accepted = Record<RotaRole, { start: number; end: number; line: number }[]>;

interface Context {
  zone: Zone;
  handoffMinute: number;
  options: RotaOptions;
  problems: RotaProblem[];
  shifts: RotaShift[];
}

interface Layout {
  format: 'daily' | 'timed';
  index: Partial<Record<RotaColumn, number>>;
  width: number;
  ignored: string[];
}

function readHeader(header: CsvRecord, custom: Record<string, RotaColumn>): Layout | { problem: RotaProblem; ignored: string[] } {
  const names = { ...STANDARD, ...Object.fromEntries(Object.entries(custom).map(([k, v]) => [k.trim().toLowerCase(), v])) };
  const index: Partial<Record<RotaColumn, number>> = {};
  const ignored: string[] = [];
  const line = header.line;
  for (const [i, raw] of header.fields.entries()) {
    const column = names[raw.trim().toLowerCase()];
    if (column === undefined) {
      if (raw.trim() !== '') ignored.push(raw.trim());
      continue;
    }
    if (index[column] !== undefined) {
      return { ignored, problem: { line, code: 'duplicate_column', column, value: raw, message: `Two header cells map to the ${column} column` } };
    }
    index[column] = i;
  }
  const has = (c: RotaColumn) => index[c] !== undefined;
  if (has('date') && (has('start') || has('end'))) {
    return { ignored, problem: { line, code: 'mixed_format', message: 'The header has both date and start/end columns; use one form' } };
  }
  const format = has('date') ? 'daily' : 'timed';
  const required: RotaColumn[] = format === 'daily' || !(has('start') || has('end')) ? ['date', 'primary'] : ['start', 'end', 'primary'];
  const missing = required.filter((c) => !has(c));
  if (missing.length > 0) {
    const message = `Missing column ${missing.join(', ')}: expected date,primary[,secondary] or start,end,primary[,secondary]`;
    return { ignored, problem: { line, code: 'missing_column', column: missing.join(','), message } };
  }
  return { format, index, width: header.fields.length, ignored };
}

function readRow(ctx: Context, layout: Layout, row: CsvRecord, accepted: Accepted): void {
  const { line, fields } = row;
  const problem = (p: Omit<RotaProblem, 'line'>) => ctx.problems.push({ line, ...p });
  if (fields.slice(layout.width).some((f) => f.trim() !== '')) {
    problem({ code: 'too_many_fields', message: `The row has ${fields.length} fields but the header has ${layout.width}; is a comma missing its quotes?` });
    return;
  }
  const cell = (c: RotaColumn) => {
    const i = layout.index[c];
    return i === undefined ? undefined : (fields[i] ?? '').trim();
  };
  const times = layout.format === 'daily' ? dailyTimes(ctx, cell('date') ?? '') : timedTimes(ctx, cell('start') ?? '', cell('end') ?? '');
  if ('problem' in times) {
    problem(times.problem);
    return;
  }
  for (const role of ROLES) {
    const value = cell(role);
    if (value === undefined) continue;
    if (value === '') {
      if (role === 'primary') problem({ code: 'missing_person', column: role, message: 'No primary on-call person on this row' });
      continue;
    }
    const userId = ctx.options.findPerson(value);
    if (userId === undefined) {
      problem({ code: 'unknown_person', column: role, value, message: `No person matches "${value}" (email, Slack user id or name)` });
      continue;
    }
    if (typeof userId !== 'string') {
      const message = `"${value}" names ${userId.ambiguous} people; write their email or Slack user id instead`;
      problem({ code: 'ambiguous_person', column: role, value, message });
      continue;
    }
    const clash = accepted[role].find((s) => s.start < times.end && times.start < s.end);
    if (clash) {
      problem({ code: 'overlapping_shift', column: role, value, message: `Overlaps the ${role} shift on line ${clash.line}` });
      continue;
    }
    accepted[role].push({ start: times.start, end: times.end, line });
    ctx.shifts.push({ role, userId, start: toIso(times.start), end: toIso(times.end), line });
  }
}

type Times = { start: number; end: number } | { problem: Omit<RotaProblem, 'line'> };

function dailyTimes(ctx: Context, text: string): Times {
  const day = parseDay(text);
  if (day === null) return { problem: { code: 'bad_date', column: 'date', value: text, message: `"${text}" is not a date (YYYY-MM-DD)` } };
  return { start: localTimeToInstant(ctx.zone, day, ctx.handoffMinute), end: localTimeToInstant(ctx.zone, day + 1, ctx.handoffMinute) };
}

function timedTimes(ctx: Context, startText: string, endText: string): Times {
  const start = parseTime(ctx, startText);
  if (start === null) return { problem: { code: 'bad_date', column: 'start', value: startText, message: `"${startText}" is not an ISO 8601 date-time` } };
  const end = parseTime(ctx, endText);
  if (end === null) return { problem: { code: 'bad_date', column: 'end', value: endText, message: `"${endText}" is not an ISO 8601 date-time` } };
  if (end <= start) return { problem: { code: 'end_before_start', column: 'end', value: endText, message: `The shift ends (${endText}) before it starts (${startText})` } };
  return { start, end };
}

/** `YYYY-MM-DD` or `YYYY/MM/DD` (day-first and month-first forms are ambiguous and refused). */
function parseDay(text: string): number | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  return m ? epochDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function parseTime(ctx: Context, text: string): number | null {
  const day = parseDay(text);
  if (day !== null) return localTimeToInstant(ctx.zone, day, ctx.handoffMinute);
  const parts = parseIsoParts(text);
  if (parts === null) return null;
  return parts.offsetMs === null ? wallToInstant(ctx.zone, parts.wallMs) : parts.wallMs - parts.offsetMs;
}

function finish(ctx: Context, format: RotaImport['format'], ignored: string[], fatal?: RotaProblem, headerLine = 1): RotaImport {
  if (fatal) ctx.problems.push(fatal);
  else if (ctx.shifts.length === 0) ctx.problems.push({ line: headerLine, code: 'no_shifts', message: 'No row produced a shift' });
  const problems = ctx.problems.sort((a, b) => a.line - b.line);
  const shifts = ctx.shifts.sort((a, b) => a.start.localeCompare(b.start) || ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  return { complete: !problems.some((p) => FILE_PROBLEMS.includes(p.code)), format, shifts, problems, ignoredColumns: ignored };
}

/** One role's shifts as a layer of explicit shifts, adjacent shifts of one person joined. */
export function rotaLayer(shifts: readonly RotaShift[], role: RotaRole, layer: { id: string; name: string }): ExplicitLayer {
  return { kind: 'explicit', id: layer.id, name: layer.name, shifts: joinAdjacent(shifts, role).map(({ userId, start, end }) => ({ userId, start, end })) };
}

/** One role's shifts as overrides, adjacent shifts of one person joined; `makeId` names each. */
export function rotaOverrides(shifts: readonly RotaShift[], role: RotaRole, makeId: (shift: RotaShift) => string): Override[] {
  return joinAdjacent(shifts, role).map((s) => ({ id: makeId(s), userId: s.userId, start: s.start, end: s.end }));
}

function joinAdjacent(shifts: readonly RotaShift[], role: RotaRole): RotaShift[] {
  const out: RotaShift[] = [];
  for (const s of [...shifts].filter((x) => x.role === role).sort((a, b) => a.start.localeCompare(b.start))) {
    const last = out[out.length - 1];
    if (last && last.userId === s.userId && last.end === s.start) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
