import { INCIDENT_ROLES, type IncidentRole } from '../incidents/incident.js';
import { INCIDENT_STATUSES } from '../incidents/status.js';
import { parseInstant } from './instant.js';
import { type DocumentPath, type ProblemList, quote } from './problems.js';
import { checkKeys, readBoolean, readLocalized, readOneOf, readString } from './read.js';
import { ACTION_KINDS, type ActionKind, type ActionStep, type FieldValue, type KnownField, type KnownFields, type RunbookAction } from './types.js';

const ACTION_PARAMETERS: Record<ActionKind, readonly string[]> = {
  'set-severity': ['severity'],
  'set-status': ['status'],
  'set-field': ['field', 'value'],
  invite: ['team', 'user'],
  page: ['escalationPolicy', 'schedule'],
  'post-update': ['message'],
  'create-follow-up': ['title', 'assignee'],
};

/** Reads one step, recording every problem; undefined only when its type is unknown. */

export function readAction(
  raw: Record<string, unknown>,
  at: DocumentPath,
  base: { id: string; next?: string },
  ctx: { severities: readonly string[]; fields: KnownFields },
  problems: ProblemList,
): ActionStep {
  const kind = readOneOf(raw.action, ACTION_KINDS, [...at, 'action'], problems, 'action');
  const parameters = kind ? ACTION_PARAMETERS[kind] : Object.values(ACTION_PARAMETERS).flat();
  checkKeys(raw, ['id', 'type', 'action', 'confirm', 'required', 'next', ...parameters], at, problems);
  const step = {
    ...base,
    type: 'action' as const,
    confirm: readBoolean(raw.confirm, [...at, 'confirm'], problems, false),
    required: readBoolean(raw.required, [...at, 'required'], problems, false),
  };
  if (step.required && !step.confirm) problems.error([...at, 'required'], 'only applies with confirm: true (an action without confirm always runs)');
  const action = kind ? readActionParameters(kind, raw, at, ctx, problems) : undefined;
  return { ...step, action: action ?? ({ kind: 'post-update', message: {} } as RunbookAction) };
}

function readActionParameters(
  kind: ActionKind,
  raw: Record<string, unknown>,
  at: DocumentPath,
  ctx: { severities: readonly string[]; fields: KnownFields },
  problems: ProblemList,
): RunbookAction | undefined {
  const text = (key: string) => readString(raw[key], [...at, key], problems, true);
  switch (kind) {
    case 'set-severity': {
      const severity = text('severity');
      if (severity === undefined) return undefined;
      if (!ctx.severities.includes(severity)) {
        problems.error([...at, 'severity'], `unknown severity ${quote(severity)} (expected ${ctx.severities.join(', ')})`);
        return undefined;
      }
      return { kind, severity };
    }
    case 'set-status': {
      const status = readOneOf(raw.status, INCIDENT_STATUSES, [...at, 'status'], problems, 'status');
      return status && { kind, status };
    }
    case 'set-field': {
      const field = text('field');
      if (field === undefined) return undefined;
      const known = Object.hasOwn(ctx.fields, field) ? ctx.fields[field] : undefined;
      if (!known) {
        problems.error([...at, 'field'], `unknown incident field ${quote(field)} (known: ${Object.keys(ctx.fields).join(', ') || 'none'})`);
        return undefined;
      }
      if (raw.value === undefined || raw.value === null) {
        problems.error([...at, 'value'], 'is required');
        return undefined;
      }
      const value = fieldValue(raw.value, known);
      if (value === undefined) {
        problems.error([...at, 'value'], `${quote(raw.value)} does not fit field ${quote(field)}, which holds a ${known.type}`);
        return undefined;
      }
      return { kind, field, value };
    }
    case 'invite':
      return exactlyOne(raw, ['team', 'user'], at, problems, (key, value) => ({ kind, target: key === 'team' ? { team: value } : { user: value } }));
    case 'page':
      return exactlyOne(raw, ['escalationPolicy', 'schedule'], at, problems, (key, value) => ({
        kind,
        target: key === 'schedule' ? { schedule: value } : { escalationPolicy: value },
      }));
    case 'post-update': {
      const message = readLocalized(raw.message, [...at, 'message'], problems, true);
      return message && { kind, message };
    }
    case 'create-follow-up': {
      const title = readLocalized(raw.title, [...at, 'title'], problems, true);
      return title && { kind, title, ...optionalRole(raw.assignee, [...at, 'assignee'], problems) };
    }
  }
}

function exactlyOne<T>(
  raw: Record<string, unknown>,
  keys: readonly [string, string],
  at: DocumentPath,
  problems: ProblemList,
  build: (key: string, value: string) => T,
): T | undefined {
  const given = keys.filter((key) => raw[key] !== undefined);
  if (given.length !== 1) {
    problems.error(at, `needs exactly one of ${keys.join(', ')}${given.length ? ` (got ${given.join(' and ')})` : ''}`);
    return undefined;
  }
  const value = readString(raw[given[0]!], [...at, given[0]!], problems, true);
  return value === undefined ? undefined : build(given[0]!, value);
}

export function optionalRole(raw: unknown, at: DocumentPath, problems: ProblemList): { assignee?: IncidentRole } {
  if (raw === undefined || raw === null) return {};
  const role = readOneOf(raw, INCIDENT_ROLES, at, problems, 'role');
  return role ? { assignee: role } : {};
}

/** A literal value as the field's type holds it; undefined when it does not fit. */

function fieldValue(value: unknown, field: KnownField): FieldValue | undefined {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'time':
      return typeof value === 'string' ? parseInstant(value) : value instanceof Date ? value.toISOString() : undefined;
    case 'choice':
      return typeof value === 'string' && (!field.options || field.options.includes(value)) ? value : undefined;
    case 'text':
    case 'user':
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }
}
