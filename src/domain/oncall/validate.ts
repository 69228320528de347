import { instantMs, parseDate, parseTimeOfDay } from './instants.js';
import type { Layer, Override, Restriction, Schedule } from './types.js';
import { isValidTimeZone } from './zone-time.js';

export interface FieldProblem {
  /** Path into the schedule, e.g. `layers[1].handoffTime`. */
  field: string;
  reason: string;
}

/** Longest turn accepted per unit: one year, as PagerDuty. */
export const MAX_ROTATION_LENGTH = { hours: 8784, days: 366, weeks: 52 } as const;

/** Everything wrong with a schedule, for an adapter to show at once; empty when it is usable. */
export function scheduleProblems(schedule: Schedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  if (!isValidTimeZone(schedule.timeZone)) add('timeZone', 'must be an IANA time zone such as Europe/London');
  if (!Array.isArray(schedule.layers)) add('layers', 'must be a list');
  const layerIds = new Set<string>();
  (Array.isArray(schedule.layers) ? schedule.layers : []).forEach((layer, i) => {
    if (layerIds.has(layer.id)) add(`layers[${i}].id`, `repeats layer id ${layer.id}`);
    layerIds.add(layer.id);
    layerProblems(layer, `layers[${i}]`, add);
  });
  const overrideIds = new Set<string>();
  (schedule.overrides ?? []).forEach((override, i) => {
    if (overrideIds.has(override.id)) add(`overrides[${i}].id`, `repeats override id ${override.id}`);
    overrideIds.add(override.id);
    spanProblems(override, `overrides[${i}]`, add);
  });
  return problems;
}

type Add = (field: string, reason: string) => void;

function layerProblems(layer: Layer, at: string, add: Add): void {
  if (typeof layer.id !== 'string' || layer.id === '') add(`${at}.id`, 'is required');
  if (layer.kind === 'explicit') {
    if (!Array.isArray(layer.shifts)) add(`${at}.shifts`, 'must be a list');
    else layer.shifts.forEach((shift, i) => spanProblems(shift, `${at}.shifts[${i}]`, add));
    return;
  }
  if (!Array.isArray(layer.participants) || layer.participants.some((p) => typeof p !== 'string' || p === '')) {
    add(`${at}.participants`, 'must be a list of user ids');
  }
  const rotation = layer.rotation;
  if (!rotation || !(rotation.unit in MAX_ROTATION_LENGTH)) {
    add(`${at}.rotation.unit`, 'must be hours, days or weeks');
  } else if (!Number.isInteger(rotation.length) || rotation.length < 1 || rotation.length > MAX_ROTATION_LENGTH[rotation.unit]) {
    add(`${at}.rotation.length`, `must be a whole number from 1 to ${MAX_ROTATION_LENGTH[rotation.unit]}`);
  }
  if (parseTimeOfDay(layer.handoffTime) === null) add(`${at}.handoffTime`, 'must be HH:mm (00:00–23:59)');
  if (parseDate(layer.startDate) === null) add(`${at}.startDate`, 'must be a date YYYY-MM-DD');
  if (layer.end !== undefined && instantMs(layer.end) === null) add(`${at}.end`, 'must be an ISO 8601 date-time with Z or an offset');
  if (layer.restrictions !== undefined) restrictionProblems(layer.restrictions, `${at}.restrictions`, add);
}

function restrictionProblems(restriction: Restriction, at: string, add: Add): void {
  const time = (value: string, field: string) => {
    if (parseTimeOfDay(value) === null) add(`${at}.${field}`, 'must be HH:mm (00:00–23:59)');
  };
  if (restriction.kind === 'daily') {
    time(restriction.from, 'from');
    time(restriction.to, 'to');
  } else if (restriction.kind === 'weekly') {
    if (!Array.isArray(restriction.windows) || restriction.windows.length === 0) add(`${at}.windows`, 'must list at least one window');
    else
      restriction.windows.forEach((w, i) => {
        for (const day of ['fromDay', 'toDay'] as const) {
          if (!Number.isInteger(w[day]) || w[day] < 1 || w[day] > 7) add(`${at}.windows[${i}].${day}`, 'must be 1 (Monday) to 7 (Sunday)');
        }
        time(w.from, `windows[${i}].from`);
        time(w.to, `windows[${i}].to`);
      });
  } else {
    add(`${at}.kind`, 'must be daily or weekly');
  }
}

function spanProblems(span: Pick<Override, 'userId' | 'start' | 'end'>, at: string, add: Add): void {
  if (typeof span.userId !== 'string' || span.userId === '') add(`${at}.userId`, 'is required');
  const start = typeof span.start === 'string' ? instantMs(span.start) : null;
  const end = typeof span.end === 'string' ? instantMs(span.end) : null;
  if (start === null) add(`${at}.start`, 'must be an ISO 8601 date-time with Z or an offset');
  if (end === null) add(`${at}.end`, 'must be an ISO 8601 date-time with Z or an offset');
  if (start !== null && end !== null && end <= start) add(`${at}.end`, 'must be after start');
}
