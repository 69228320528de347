import { DateTime } from 'luxon';
import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import type { ImportRotaResult } from '../../usecases/oncall/import-rota.js';
import type { PersonRef } from '../../usecases/oncall/people.js';
import type { ScheduleShifts } from '../../usecases/oncall/schedule-shifts.js';
import type { OnCallAnswer } from '../../usecases/oncall/who-is-on-call.js';
import { clean, formatTime, keyValues, table } from '../output.js';
import { lineProblems } from './line-problems.js';

/** `2026-10-25 09:00 +00:00`: the schedule's own wall clock, with its offset so it is unambiguous. */
export function localTime(iso: string | null, zone: string): string {
  if (!iso) return '-';
  const time = DateTime.fromISO(iso, { zone });
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm ZZ') : formatTime(iso);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const person = (p: PersonRef | null) => (p ? clean(p.name) : '(no one)');

export function onCallTable(answer: OnCallAnswer): string {
  if (!answer.items.length) return `No schedules at ${formatTime(answer.at)}.\n`;
  const rows = answer.items.map((i) => [
    clean(i.schedule.name),
    i.problem ? `(cannot tell: ${clean(i.problem)})` : person(i.user),
    i.user?.email ?? '-',
    localTime(i.until, i.schedule.timeZone),
    i.nextHandoff ? person(i.nextHandoff.to) : '-',
  ]);
  return `On call at ${formatTime(answer.at)}:\n${table(['SCHEDULE', 'ON CALL', 'EMAIL', 'UNTIL', 'NEXT'], rows)}\n`;
}

export function scheduleTable(schedules: readonly ScheduleRecord[]): string {
  if (!schedules.length) return 'No schedules.\n';
  const rows = schedules.map((s) => [clean(s.name), s.timeZone, String(s.layers.length), String(s.overrides.length), s.id]);
  return `${table(['NAME', 'TIME ZONE', 'LAYERS', 'OVERRIDES', 'ID'], rows)}\n`;
}

export function scheduleDetails(schedule: ScheduleRecord, coming: ScheduleShifts): string {
  const zone = schedule.timeZone;
  const pairs: Array<[string, string]> = [
    ['name', clean(schedule.name)],
    ['time zone', zone],
    ['team', schedule.teamId ?? '-'],
    ['rota handoff', schedule.handoffTime],
    ['id', schedule.id],
  ];
  if (schedule.description) pairs.push(['description', clean(schedule.description, { multiline: true })]);
  const layers = schedule.layers.map((l) =>
    l.kind === 'explicit'
      ? [l.id, clean(l.name), plural(l.shifts.length, 'explicit shift')]
      : [l.id, clean(l.name), `every ${plural(l.rotation.length, l.rotation.unit.replace(/s$/, ''))} at ${l.handoffTime} from ${l.startDate}, ${plural(l.participants.length, 'participant')}`],
  );
  const shifts = coming.shifts.map((s) => [localTime(s.start, zone), localTime(s.end, zone), person(s.user), 'overrideId' in s.source ? 'override' : s.source.layerId]);
  const gaps = coming.gaps.map((g) => [localTime(g.start, zone), localTime(g.end, zone), '(no one)', 'gap']);
  const all = [...shifts, ...gaps].sort((a, b) => a[0]!.localeCompare(b[0]!));
  return [
    keyValues(pairs),
    '',
    'Layers (bottom first):',
    layers.length ? table(null, layers).replace(/^/gm, '  ') : '  none',
    '',
    `Next ${Math.round((Date.parse(coming.to) - Date.parse(coming.from)) / 86_400_000)} days:`,
    all.length ? table(null, all).replace(/^/gm, '  ') : '  nothing',
    '',
  ].join('\n');
}

export function importSummary(result: ImportRotaResult): string {
  const where = result.mode === 'overrides' ? 'as overrides' : `into its rota-${result.role} layer`;
  const verb = result.dryRun ? 'Would import' : 'Imported';
  const lines = [`${verb} ${plural(result.applied, `${result.role} shift`)} into ${clean(result.schedule.name)} ${where}${result.replaced ? ` (replacing ${result.replaced} imported earlier)` : ''}.\n`];
  if (result.otherRoleShifts) lines.push(`${plural(result.otherRoleShifts, `${result.role === 'primary' ? 'secondary' : 'primary'} shift`)} not imported into this schedule (import with --role to use them).\n`);
  if (result.ignoredColumns.length) lines.push(`Ignored columns: ${result.ignoredColumns.map((c) => clean(c)).join(', ')}.\n`);
  return lines.join('');
}

/** The rows that were not applied, by line (for standard error). */
export function importProblems(result: ImportRotaResult): string {
  const n = result.problems.length;
  return n ? `${n} ${n === 1 ? 'row was' : 'rows were'} not applied:\n${lineProblems(result.problems)}` : '';
}
