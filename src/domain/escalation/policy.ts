import { validName } from '../catalog/validate.js';
import { ValidationError } from '../../errors.js';

export const TARGET_TYPES = ['user', 'schedule', 'team', 'webhook'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const POLICY_LIMITS = { levels: 20, targets: 20, minDelayMinutes: 1, maxDelayMinutes: 1440, maxRepeat: 9 } as const;

/** Whom a level reaches: a person, whoever is on call on a schedule or for a team, or a named webhook. */
export interface EscalationTarget {
  type: TargetType;
  /** User, schedule or team id; the webhook's name in the settings file. */
  id: string;
  name: string;
}

export interface EscalationLevel {
  /** Minutes to wait for an acknowledgement before the next level is notified. */
  delayMinutes: number;
  targets: EscalationTarget[];
}

export interface EscalationPolicy {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  /** How many extra times the whole list of levels runs after the last level when nobody acknowledged. */
  repeat: number;
  levels: EscalationLevel[];
  createdAt: string;
  updatedAt: string;
}

export interface PolicyDraft {
  name: string;
  description?: string;
  repeat?: number;
  levels: { delayMinutes: number; targets: { type: string; id: string }[] }[];
}

/** Finds a target as written (an id, or a name people type); undefined when nothing matches. */
export type TargetLookup = (type: TargetType, reference: string) => { id: string; name: string } | undefined;

export type ValidPolicy = Pick<EscalationPolicy, 'name' | 'description' | 'repeat' | 'levels'>;

/** Checks every value and resolves every target; the error names the field as the client wrote it. */
export function validatePolicy(draft: PolicyDraft, lookup: TargetLookup): ValidPolicy {
  const name = validName(draft.name);
  const repeat = draft.repeat ?? 0;
  if (!Number.isInteger(repeat) || repeat < 0 || repeat > POLICY_LIMITS.maxRepeat) {
    throw new ValidationError('repeat', `must be a whole number from 0 to ${POLICY_LIMITS.maxRepeat}`);
  }
  if (!Array.isArray(draft.levels) || draft.levels.length === 0) throw new ValidationError('levels', 'must hold at least one level');
  if (draft.levels.length > POLICY_LIMITS.levels) throw new ValidationError('levels', `may hold at most ${POLICY_LIMITS.levels} levels`);
  const levels = draft.levels.map((level, i) => validateLevel(level, `levels[${i}]`, lookup));
  return { name, description: (draft.description ?? '').trim(), repeat, levels };
}

function validateLevel(level: PolicyDraft['levels'][number], field: string, lookup: TargetLookup): EscalationLevel {
  const { minDelayMinutes: min, maxDelayMinutes: max } = POLICY_LIMITS;
  if (!Number.isInteger(level.delayMinutes) || level.delayMinutes < min || level.delayMinutes > max) {
    throw new ValidationError(`${field}.delayMinutes`, `must be a whole number of minutes from ${min} to ${max}`);
  }
  if (!Array.isArray(level.targets) || level.targets.length === 0) throw new ValidationError(`${field}.targets`, 'must hold at least one target');
  if (level.targets.length > POLICY_LIMITS.targets) throw new ValidationError(`${field}.targets`, `may hold at most ${POLICY_LIMITS.targets} targets`);
  const targets: EscalationTarget[] = [];
  level.targets.forEach((target, j) => {
    const at = `${field}.targets[${j}]`;
    if (!(TARGET_TYPES as readonly string[]).includes(target.type)) {
      throw new ValidationError(`${at}.type`, `must be one of ${TARGET_TYPES.join(', ')}`);
    }
    const type = target.type as TargetType;
    const found = typeof target.id === 'string' && target.id.trim() ? lookup(type, target.id.trim()) : undefined;
    if (!found) throw new ValidationError(`${at}.id`, `no ${type} "${target.id}"${type === 'webhook' ? ' in the settings file (paging.webhooks)' : ''}`);
    const earlier = targets.findIndex((t) => t.type === type && t.id === found.id);
    if (earlier >= 0) throw new ValidationError(`${at}.id`, `repeats ${field}.targets[${earlier}]`);
    targets.push({ type, id: found.id, name: found.name });
  });
  return { delayMinutes: level.delayMinutes, targets };
}
