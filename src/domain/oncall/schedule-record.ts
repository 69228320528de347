import { parseTimeOfDay } from './instants.js';
import type { RotaColumn } from './rota-csv.js';
import type { Layer, Override, Schedule } from './types.js';
import { scheduleProblems, type FieldProblem } from './validate.js';

export const ROTA_COLUMNS: readonly RotaColumn[] = ['date', 'start', 'end', 'primary', 'secondary'];

/** A stored schedule: the engine's Schedule plus what people manage it by. */
export interface ScheduleRecord {
  id: string;
  name: string;
  description: string;
  /** IANA zone; handoffs, restrictions and rota dates are wall-clock times here. */
  timeZone: string;
  /** The team whose schedule this is (team and service queries go through it). */
  teamId: string | null;
  /** `HH:mm`: when a day of a `date,primary,…` spreadsheet rota starts. */
  handoffTime: string;
  /** This schedule's spreadsheet header names → rota columns (`On call` → primary). */
  rotaColumns: Record<string, RotaColumn>;
  /** Bottom first. */
  layers: Layer[];
  /** Above all layers, a later one above an earlier one. */
  overrides: Override[];
  /** Grows by one with every write: a cached compiled copy with another revision is stale. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function engineSchedule(record: ScheduleRecord): Schedule {
  return { id: record.id, name: record.name, timeZone: record.timeZone, layers: record.layers, overrides: record.overrides };
}

/** Everything wrong with a schedule record, engine fields included, each naming its field. */
export function scheduleRecordProblems(record: ScheduleRecord): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (parseTimeOfDay(record.handoffTime) === null) problems.push({ field: 'handoffTime', reason: 'must be HH:mm (00:00–23:59)' });
  for (const [header, column] of Object.entries(record.rotaColumns)) {
    if (header.trim() === '') problems.push({ field: 'rotaColumns', reason: 'a header name must not be empty' });
    if (!ROTA_COLUMNS.includes(column)) {
      problems.push({ field: `rotaColumns.${header}`, reason: `must be one of ${ROTA_COLUMNS.join(', ')}` });
    }
  }
  record.layers.forEach((layer, i) => {
    if (typeof layer.name !== 'string' || layer.name.trim() === '') problems.push({ field: `layers[${i}].name`, reason: 'must not be empty' });
  });
  return [...scheduleProblems(engineSchedule(record)), ...problems];
}
