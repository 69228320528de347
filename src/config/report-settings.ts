import { Type, type Static } from 'typebox';
import type { Weekday, WorkingTime } from '../domain/reports/types.js';
import { isTimeZone } from '../domain/reports/week.js';

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });
const Day = Type.Union([
  Type.Literal('monday'),
  Type.Literal('tuesday'),
  Type.Literal('wednesday'),
  Type.Literal('thursday'),
  Type.Literal('friday'),
  Type.Literal('saturday'),
  Type.Literal('sunday'),
]);
// The schema lists exactly the domain's weekdays.
const _sameDays: Static<typeof Day> extends Weekday ? (Weekday extends Static<typeof Day> ? true : never) : never = true;
void _sameDays;

/** `reports:` in the settings file: the weekly review's zone, working and sleeping hours, and its Slack post. */
export const ReportsSettingSchema = Type.Object(
  {
    timeZone: Type.Optional(Type.String({ minLength: 1, description: 'IANA zone weeks are read in (default: postmortems.timeZone, else UTC)' })),
    businessHours: Type.Optional(
      Type.Object({ start: ClockTime, end: ClockTime, days: Type.Array(Day, { minItems: 1, maxItems: 7, uniqueItems: true }) }, { additionalProperties: false, description: 'Default 09:00–18:00, Monday to Friday, on each responder’s clock' }),
    ),
    sleepHours: Type.Optional(Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false, description: 'Default 23:00–07:00 (an end before the start runs past midnight)' })),
    weekly: Type.Optional(
      Type.Object(
        {
          channel: Type.String({ minLength: 1, description: 'The Slack channel id the weekly review is posted to' }),
          day: Type.Optional(Day),
          time: Type.Optional(ClockTime),
          scopes: Type.Optional(
            Type.Array(
              Type.Object({ team: Type.Optional(Type.String({ minLength: 1 })), service: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false }),
              { minItems: 1, maxItems: 20, description: 'One post per scope: {} is the organisation, {team: SRE} a team, {service: checkout} a service' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReportsSetting = Static<typeof ReportsSettingSchema>;

export interface WeeklyPostSettings {
  channel: string;
  day: Weekday;
  time: string;
  scopes: Array<{ team?: string; service?: string }>;
}

export interface ReportSettings {
  working: WorkingTime;
  weekly: WeeklyPostSettings | null;
}

/** The settings with their defaults filled in. */
export function reportSettings(settings: { reports?: ReportsSetting; postmortems?: { timeZone?: string } }): ReportSettings {
  const reports = settings.reports ?? {};
  return {
    working: {
      timeZone: reports.timeZone ?? settings.postmortems?.timeZone ?? 'UTC',
      businessHours: reports.businessHours ?? { start: '09:00', end: '18:00', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
      sleepHours: reports.sleepHours ?? { start: '23:00', end: '07:00' },
    },
    weekly: reports.weekly ? { channel: reports.weekly.channel, day: reports.weekly.day ?? 'monday', time: reports.weekly.time ?? '10:00', scopes: reports.weekly.scopes ?? [{}] } : null,
  };
}

/** What the schema cannot say: a real zone, and a scope naming a team or a service, not both. */
export function reportSettingsProblem(reports: ReportsSetting | undefined): { key: string; message: string } | undefined {
  if (!reports) return undefined;
  if (reports.timeZone !== undefined && !isTimeZone(reports.timeZone)) return { key: 'reports.timeZone', message: `is not an IANA time zone (got "${reports.timeZone}")` };
  const index = reports.weekly?.scopes?.findIndex((scope) => scope.team !== undefined && scope.service !== undefined) ?? -1;
  if (index >= 0) return { key: `reports.weekly.scopes[${index}]`, message: 'names a team or a service, not both' };
  return undefined;
}
