import { INCIDENT_ROLES, type IncidentRole } from '../incidents/incident.js';
import { INCIDENT_STATUSES } from '../incidents/status.js';
import { FIELD_TYPES_FOR_ANSWER } from './fields.js';
import { parseInstant } from './instant.js';
import { type DocumentPath, type ProblemList, quote } from './problems.js';
import { checkKeys, isRecord, readBoolean, readId, readLocalized, readNumber, readOneOf, readString } from './read.js';
import {
  ACTION_KINDS,
  ANSWER_TYPES,
  STEP_TYPES,
  type ActionKind,
  type ActionStep,
  type AnswerValidation,
  type AskStep,
  type BranchStep,
  type ChoiceOption,
  type FieldValue,
  type InfoLink,
  type InfoStep,
  type KnownField,
  type KnownFields,
  type RunbookAction,
  type RunbookStep,
  type TaskStep,
} from './types.js';

export interface RunbookContext {
  /** Worst first, as in settings. */
  severities: readonly string[];
  /** Incident fields a runbook may write, with their types (built-in and custom). */
  fields: KnownFields;
}

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
export function readStep(raw: unknown, at: DocumentPath, ctx: RunbookContext, problems: ProblemList): RunbookStep | undefined {
  if (!isRecord(raw)) {
    problems.error(at, `must be a step (a map with id and type), got ${quote(raw)}`);
    return undefined;
  }
  const id = readId(raw.id, [...at, 'id'], problems) ?? '';
  if (id === 'end') problems.error([...at, 'id'], '"end" is reserved: it is where a run finishes');
  const type = readOneOf(raw.type, STEP_TYPES, [...at, 'type'], problems, 'step type');
  const next = raw.next === undefined ? undefined : readId(raw.next, [...at, 'next'], problems);
  const base = { id, ...(next !== undefined ? { next } : {}) };
  switch (type) {
    case 'ask':
      return readAsk(raw, at, base, ctx, problems);
    case 'task':
      checkKeys(raw, ['id', 'type', 'text', 'assignee', 'required', 'next'], at, problems);
      return {
        ...base,
        type,
        text: readLocalized(raw.text, [...at, 'text'], problems, true) ?? {},
        ...optionalRole(raw.assignee, [...at, 'assignee'], problems),
        required: readBoolean(raw.required, [...at, 'required'], problems, false),
      } satisfies TaskStep;
    case 'info':
      checkKeys(raw, ['id', 'type', 'text', 'links', 'next'], at, problems);
      return {
        ...base,
        type,
        text: readLocalized(raw.text, [...at, 'text'], problems, true) ?? {},
        links: readLinks(raw.links, [...at, 'links'], problems),
      } satisfies InfoStep;
    case 'action':
      return readAction(raw, at, base, ctx, problems);
    case 'branch':
      return readBranch(raw, at, id, problems);
    default:
      return undefined;
  }
}

function readAsk(
  raw: Record<string, unknown>,
  at: DocumentPath,
  base: { id: string; next?: string },
  ctx: RunbookContext,
  problems: ProblemList,
): AskStep {
  checkKeys(raw, ['id', 'type', 'question', 'help', 'answer', 'options', 'validation', 'writesTo', 'next'], at, problems);
  const answer = readOneOf(raw.answer, ANSWER_TYPES, [...at, 'answer'], problems, 'answer type') ?? 'text';
  const isChoice = answer === 'choice' || answer === 'multi-choice';
  let options: ChoiceOption[] | undefined;
  if (isChoice) {
    options = readOptions(raw.options, [...at, 'options'], problems);
  } else if (raw.options !== undefined) {
    problems.error([...at, 'options'], `only choice and multi-choice questions have options (this one is ${answer})`);
  }
  const validation = readValidation(raw.validation, [...at, 'validation'], answer, options, problems);
  const step: AskStep = {
    ...base,
    type: 'ask',
    question: readLocalized(raw.question, [...at, 'question'], problems, true) ?? {},
    answer,
    validation,
  };
  const help = readLocalized(raw.help, [...at, 'help'], problems, false);
  if (help) step.help = help;
  if (options) step.options = options;
  if (raw.writesTo !== undefined) {
    const field = readString(raw.writesTo, [...at, 'writesTo'], problems, true);
    if (field !== undefined && checkWritesTo(field, step, ctx.fields, [...at, 'writesTo'], problems)) step.writesTo = field;
  }
  return step;
}

function readOptions(raw: unknown, at: DocumentPath, problems: ProblemList): ChoiceOption[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.error(at, 'a choice question needs a non-empty list of options');
    return [];
  }
  const options: ChoiceOption[] = [];
  raw.forEach((item, index) => {
    const itemAt = [...at, index];
    if (typeof item === 'string' || typeof item === 'number') {
      const value = readString(String(item), itemAt, problems, true);
      if (value !== undefined) options.push({ value, label: { en: value } });
      return;
    }
    if (!isRecord(item)) {
      problems.error(itemAt, `must be a string or {value, label} (got ${quote(item)})`);
      return;
    }
    checkKeys(item, ['value', 'label'], itemAt, problems);
    const value = readString(typeof item.value === 'number' ? String(item.value) : item.value, [...itemAt, 'value'], problems, true);
    const label = readLocalized(item.label, [...itemAt, 'label'], problems, false);
    if (value !== undefined) options.push({ value, label: label ?? { en: value } });
  });
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.value)) problems.error([...at, index], `duplicate option ${quote(option.value)}`);
    seen.add(option.value);
  });
  return options;
}

function readValidation(
  raw: unknown,
  at: DocumentPath,
  answer: AskStep['answer'],
  options: ChoiceOption[] | undefined,
  problems: ProblemList,
): AnswerValidation {
  if (raw === undefined || raw === null) return { required: false };
  if (!isRecord(raw)) {
    problems.error(at, 'must be a map of required, min, max, pattern');
    return { required: false };
  }
  checkKeys(raw, ['required', 'min', 'max', 'pattern'], at, problems);
  const validation: AnswerValidation = { required: readBoolean(raw.required, [...at, 'required'], problems, false) };
  const countsOrLengths = answer === 'text' || answer === 'multi-choice';
  for (const bound of ['min', 'max'] as const) {
    if (raw[bound] === undefined) continue;
    if (answer !== 'number' && !countsOrLengths) {
      problems.error([...at, bound], `does not apply to a ${answer} answer (only number, text and multi-choice)`);
      continue;
    }
    const value = readNumber(raw[bound], [...at, bound], problems);
    if (value === undefined) continue;
    if (countsOrLengths && (!Number.isInteger(value) || value < 0)) {
      problems.error([...at, bound], `must be a whole number of ${answer === 'text' ? 'characters' : 'picks'} (got ${value})`);
      continue;
    }
    if (answer === 'multi-choice' && options && options.length && value > options.length) {
      problems.error([...at, bound], `is more than the ${options.length} options there are`);
      continue;
    }
    validation[bound] = value;
  }
  if (validation.min !== undefined && validation.max !== undefined && validation.min > validation.max) {
    problems.error([...at, 'min'], `must not be more than max (${validation.min} > ${validation.max}): no answer could pass`);
  }
  if (raw.pattern !== undefined) {
    const pattern = readString(raw.pattern, [...at, 'pattern'], problems, true);
    if (pattern !== undefined && answer !== 'text') {
      problems.error([...at, 'pattern'], `only a text answer can have a pattern (this one is ${answer})`);
    } else if (pattern !== undefined) {
      try {
        new RegExp(pattern, 'u');
        validation.pattern = pattern;
      } catch (error) {
        problems.error([...at, 'pattern'], `is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }
  return validation;
}

function checkWritesTo(field: string, step: AskStep, fields: KnownFields, at: DocumentPath, problems: ProblemList): boolean {
  const known = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (!known) {
    problems.error(at, `unknown incident field ${quote(field)} (known: ${Object.keys(fields).join(', ') || 'none'})`);
    return false;
  }
  const fits = FIELD_TYPES_FOR_ANSWER[step.answer];
  if (!fits.includes(known.type)) {
    problems.error(
      at,
      `field ${quote(field)} holds a ${known.type}, which a ${step.answer} answer cannot fill` +
        (fits.length ? ` (a ${step.answer} answer fits ${fits.join(' or ')} fields)` : ' (a multi-choice answer cannot be written to a field)'),
    );
    return false;
  }
  if (known.type === 'choice' && known.options) {
    const foreign = (step.options ?? []).filter((option) => !known.options!.includes(option.value));
    if (foreign.length) {
      problems.error(at, `field ${quote(field)} does not accept ${foreign.map((o) => quote(o.value)).join(', ')} (it accepts ${known.options.join(', ')})`);
      return false;
    }
  }
  return true;
}

function readLinks(raw: unknown, at: DocumentPath, problems: ProblemList): InfoLink[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.error(at, 'must be a list of links');
    return [];
  }
  return raw.flatMap((item, index) => {
    const itemAt = [...at, index];
    const record = typeof item === 'string' ? { url: item } : item;
    if (!isRecord(record)) {
      problems.error(itemAt, `must be a URL or {url, title} (got ${quote(item)})`);
      return [];
    }
    if (typeof item !== 'string') checkKeys(record, ['url', 'title'], itemAt, problems);
    const urlAt = typeof item === 'string' ? itemAt : [...itemAt, 'url'];
    const url = readString(record.url, urlAt, problems, true);
    if (url === undefined) return [];
    if (!/^https?:\/\/\S+$/.test(url)) {
      problems.error(urlAt, `must be an http(s) URL (got ${quote(url)})`);
      return [];
    }
    const title = readLocalized(record.title, [...itemAt, 'title'], problems, false);
    return [title ? { url, title } : { url }];
  });
}

function readAction(
  raw: Record<string, unknown>,
  at: DocumentPath,
  base: { id: string; next?: string },
  ctx: RunbookContext,
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
  ctx: RunbookContext,
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

function optionalRole(raw: unknown, at: DocumentPath, problems: ProblemList): { assignee?: IncidentRole } {
  if (raw === undefined || raw === null) return {};
  const role = readOneOf(raw, INCIDENT_ROLES, at, problems, 'role');
  return role ? { assignee: role } : {};
}

/** A literal value as the field's type holds it; undefined when it does not fit. */
export function fieldValue(value: unknown, field: KnownField): FieldValue | undefined {
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

function readBranch(raw: Record<string, unknown>, at: DocumentPath, id: string, problems: ProblemList): BranchStep {
  checkKeys(raw, ['id', 'type', 'cases', 'default'], at, problems);
  const step: BranchStep = { type: 'branch', id, cases: [] };
  if (raw.default !== undefined) {
    const target = readId(raw.default, [...at, 'default'], problems);
    if (target !== undefined) step.default = target;
  }
  if (!Array.isArray(raw.cases) || raw.cases.length === 0) {
    problems.error([...at, 'cases'], 'a branch needs a non-empty list of cases ({when, goto})');
    return step;
  }
  raw.cases.forEach((item, index) => {
    const caseAt = [...at, 'cases', index];
    if (!isRecord(item)) {
      problems.error(caseAt, 'must be {when, goto}');
      return;
    }
    checkKeys(item, ['when', 'goto'], caseAt, problems);
    const goto = readId(item.goto, [...caseAt, 'goto'], problems);
    const when = readCondition(item.when, [...caseAt, 'when'], problems);
    if (goto !== undefined && when !== undefined) step.cases.push({ when, goto });
  });
  return step;
}

const OPERATORS = ['equals', 'in', 'gte', 'lte', 'yes'] as const;

function readCondition(raw: unknown, at: DocumentPath, problems: ProblemList): BranchStep['cases'][number]['when'] | undefined {
  if (!isRecord(raw)) {
    problems.error(at, `must be {step, ${OPERATORS.join('|')}}`);
    return undefined;
  }
  checkKeys(raw, ['step', ...OPERATORS], at, problems);
  const step = readId(raw.step, [...at, 'step'], problems);
  const given = OPERATORS.filter((operator) => raw[operator] !== undefined);
  if (given.length !== 1) {
    problems.error(at, `needs exactly one of ${OPERATORS.join(', ')}${given.length ? ` (got ${given.join(' and ')})` : ''}`);
    return undefined;
  }
  const operator = given[0]!;
  const value = raw[operator];
  if (step === undefined) return undefined;
  switch (operator) {
    case 'yes':
      if (typeof value !== 'boolean') return void problems.error([...at, 'yes'], `must be true or false (got ${quote(value)})`);
      return { step, yes: value };
    case 'in':
      if (!Array.isArray(value) || !value.length || !value.every(isScalar)) return void problems.error([...at, 'in'], 'must be a non-empty list of values');
      return { step, in: value };
    case 'equals':
      if (!isScalar(value)) return void problems.error([...at, 'equals'], `must be a single value (got ${quote(value)})`);
      return { step, equals: value };
    case 'gte':
    case 'lte':
      if (typeof value !== 'number' && typeof value !== 'string') return void problems.error([...at, operator], `must be a number or a time (got ${quote(value)})`);
      return operator === 'gte' ? { step, gte: value } : { step, lte: value };
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
