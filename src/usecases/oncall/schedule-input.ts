import { validName } from '../../domain/catalog/validate.js';
import { instantMs } from '../../domain/oncall/instants.js';
import type { RotaColumn } from '../../domain/oncall/rota-csv.js';
import { scheduleRecordProblems, type ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import type { Layer, Override, Restriction, RotationUnit } from '../../domain/oncall/types.js';
import { scheduleProblems } from '../../domain/oncall/validate.js';
import { ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import { peopleNamed } from './people.js';

/**
 * A schedule as clients write it. People (participants, override and shift users) may be
 * named by user id, email or Slack user id (or a name no one else has); they are stored as
 * user ids. Layer and override ids are made when absent. Everything else is checked by the
 * domain (`scheduleRecordProblems`), which names the field.
 */
export interface ScheduleInput {
  name: string;
  description?: string;
  timeZone: string;
  /** Team id or name; null for none. */
  teamId?: string | null;
  handoffTime?: string;
  rotaColumns?: Record<string, string>;
  layers?: LayerInput[];
  overrides?: OverrideInput[];
}

export interface LayerInput {
  kind?: 'rotation' | 'explicit';
  id?: string;
  name?: string;
  participants?: string[];
  rotation?: { unit: string; length: number };
  handoffTime?: string;
  startDate?: string;
  end?: string;
  restrictions?: { kind: string; from?: string; to?: string; windows?: { fromDay: number; from: string; toDay: number; to: string }[] };
  shifts?: { userId: string; start: string; end: string }[];
}

export interface OverrideInput {
  id?: string;
  userId: string;
  start: string;
  end: string;
}

export const DEFAULT_HANDOFF_TIME = '09:00';

/** The stored form of `input` on top of `base` (for an update), checked; throws ValidationError naming the field. */
export async function buildSchedule(tx: Executor, input: Partial<ScheduleInput>, base: ScheduleRecord): Promise<ScheduleRecord> {
  const people = await peopleNamed(tx, [
    ...(input.layers ?? []).flatMap((l) => [...(l.participants ?? []), ...(l.shifts ?? []).map((s) => s.userId)]),
    ...(input.overrides ?? []).map((o) => o.userId),
  ]);
  const person = (reference: string, field: string): string => {
    const match = people(reference);
    if (typeof match === 'string') return match;
    if (match === undefined) throw new ValidationError(field, `unknown person "${reference}" (give a user id, email or Slack user id)`);
    throw new ValidationError(field, `"${reference}" names ${match.ambiguous} people; give their user id, email or Slack user id`);
  };

  const record: ScheduleRecord = {
    ...base,
    ...(input.name !== undefined && { name: validName(input.name) }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.teamId !== undefined && { teamId: await teamIdOf(tx, input.teamId) }),
    ...(input.handoffTime !== undefined && { handoffTime: input.handoffTime }),
    ...(input.rotaColumns !== undefined && { rotaColumns: rotaColumns(input.rotaColumns) }),
    ...(input.layers !== undefined && { layers: layersOf(input.layers, person) }),
    ...(input.overrides !== undefined && {
      overrides: input.overrides.map((o, i) => ({ id: o.id ?? newId(), userId: person(o.userId, `overrides[${i}].userId`), start: utc(o.start), end: utc(o.end) })),
    }),
  };
  checkSchedule(record);
  return record;
}

/** Throws the first problem, naming its field (and how many more there are). */
export function checkSchedule(record: ScheduleRecord): void {
  const [first, ...rest] = scheduleRecordProblems(record);
  if (!first) return;
  const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, 5).map((p) => p.field).join(', ')})` : '';
  throw new ValidationError(first.field, `${first.reason}${more}`);
}

/** A person's override as clients write it → the stored override. */
export async function overrideOf(tx: Executor, input: OverrideInput): Promise<Override> {
  const people = await peopleNamed(tx, [input.userId]);
  const match = people(input.userId);
  if (typeof match !== 'string') {
    const reason = match === undefined ? 'is not a known person (user id, email or Slack user id)' : `names ${match.ambiguous} people`;
    throw new ValidationError('userId', `"${input.userId}" ${reason}`);
  }
  const override = { id: input.id ?? newId(), userId: match, start: utc(input.start), end: utc(input.end) };
  const [first] = scheduleProblems({ id: 'override', timeZone: 'UTC', layers: [], overrides: [override] });
  if (first) throw new ValidationError(first.field.replace(/^overrides\[0\]\./, ''), first.reason);
  return override;
}

async function teamIdOf(tx: Executor, team: string | null): Promise<string | null> {
  if (team === null || team === '') return null;
  const found = await findTeamsByIdOrName(tx, [team]);
  const match = found.find((t) => t.id === team) ?? found.find((t) => t.name === team);
  if (!match) throw new ValidationError('teamId', `unknown team "${team}"`);
  return match.id;
}

function rotaColumns(columns: Record<string, string>): Record<string, RotaColumn> {
  return Object.fromEntries(Object.entries(columns).map(([header, column]) => [header.trim().toLowerCase(), column as RotaColumn]));
}

function layersOf(layers: readonly LayerInput[], person: (reference: string, field: string) => string): Layer[] {
  const given = new Set(layers.map((l) => l.id).filter((id): id is string => typeof id === 'string'));
  let next = 1;
  const freshId = () => {
    while (given.has(`layer-${next}`)) next++;
    given.add(`layer-${next}`);
    return `layer-${next}`;
  };
  return layers.map((layer, i): Layer => {
    const at = `layers[${i}]`;
    const id = layer.id ?? freshId();
    const name = layer.name ?? `Layer ${i + 1}`;
    if (layer.kind === 'explicit') {
      return {
        kind: 'explicit',
        id,
        name,
        shifts: (layer.shifts ?? []).map((s, j) => ({ userId: person(s.userId, `${at}.shifts[${j}].userId`), start: utc(s.start), end: utc(s.end) })),
      };
    }
    return {
      kind: 'rotation',
      id,
      name,
      participants: (layer.participants ?? []).map((p, j) => person(p, `${at}.participants[${j}]`)),
      rotation: { unit: layer.rotation?.unit as RotationUnit, length: layer.rotation?.length as number },
      handoffTime: layer.handoffTime as string,
      startDate: layer.startDate as string,
      ...(layer.end !== undefined && { end: utc(layer.end) }),
      ...(layer.restrictions !== undefined && { restrictions: layer.restrictions as Restriction }),
    };
  });
}

/** Instants are stored in UTC; a value the domain will refuse is kept as written so it can name it. */
function utc(value: string): string {
  const ms = typeof value === 'string' ? instantMs(value) : null;
  return ms === null ? value : new Date(ms).toISOString();
}
