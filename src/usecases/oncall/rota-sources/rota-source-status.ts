import type { RotaMode } from '../../../domain/oncall/apply-rota.js';
import type { RotaColumn, RotaRole } from '../../../domain/oncall/rota-csv.js';
import { NotFoundError } from '../../../errors.js';
import { findRotaSourceBySchedule, type RotaCheckOutcome, type RotaFileReport, type RotaSource } from '../../../store/repositories/rota-sources.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { findSchedule } from '../read-schedules.js';

/** A rota source as shown: the address masked, never the address itself. */
export interface RotaSourceStatus {
  schedule: { id: string; name: string };
  /** The address with its key, query values and credentials hidden. */
  url: string;
  /** Whether the address is encrypted at rest (a secret key is configured). */
  urlSealed: boolean;
  mode: RotaMode;
  role: RotaRole;
  columns: Record<string, RotaColumn> | null;
  intervalMinutes: number;
  lastCheckedAt: string | null;
  /** When a file different from the last applied one last arrived. */
  lastChangedAt: string | null;
  lastAppliedAt: string | null;
  lastOutcome: RotaCheckOutcome | null;
  lastMessage: string | null;
  /** The last file applied (its rows not applied, by line) or refused (every problem). */
  lastFile: Omit<RotaFileReport, 'contentHash'> | null;
  nextCheckAt: string;
}

export function presentRotaSource(source: RotaSource, schedule: { id: string; name: string }): RotaSourceStatus {
  return {
    schedule: { id: schedule.id, name: schedule.name },
    url: source.urlMasked,
    urlSealed: source.urlStorage === 'sealed',
    mode: source.mode,
    role: source.role,
    columns: source.columns,
    intervalMinutes: source.intervalMinutes,
    lastCheckedAt: source.lastCheckedAt,
    lastChangedAt: source.lastChangedAt,
    lastAppliedAt: source.lastAppliedAt,
    lastOutcome: source.lastOutcome,
    lastMessage: source.lastMessage,
    lastFile: source.lastReport && { applied: source.lastReport.applied, replaced: source.lastReport.replaced, problems: source.lastReport.problems, ignoredColumns: source.lastReport.ignoredColumns },
    nextCheckAt: source.nextCheckAt,
  };
}

export async function readRotaSource(deps: Deps, scheduleKey: string, principal: Principal): Promise<RotaSourceStatus> {
  authorize(principal, 'viewer');
  const schedule = await findSchedule(deps.db, scheduleKey);
  const source = await findRotaSourceBySchedule(deps.db, schedule.id);
  if (!source) throw new NotFoundError('rota source', `of schedule ${schedule.name}`);
  return presentRotaSource(source, schedule);
}
