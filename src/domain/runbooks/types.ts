import type { IncidentRole } from '../incidents/incident.js';
import type { IncidentStatus } from '../incidents/status.js';

/** Text shown to people; a file may give a plain string (taken as `en`) or `{en, ja}`. */
export interface LocalizedText {
  en?: string;
  ja?: string;
}
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A trigger holds when every condition it names holds; a runbook starts when any trigger holds. */
export interface RunbookTrigger {
  /** Declared at this severity or worse (severities are ordered worst first). */
  severityAtLeast?: string;
  /** A service's id or name (names compared without case). */
  service?: string;
  tag?: string;
}

export interface RunbookDefinition {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Empty: started by hand only (`triggers: [manual]` in a file). */
  triggers: RunbookTrigger[];
  steps: RunbookStep[];
}

export const STEP_TYPES = ['ask', 'task', 'info', 'action', 'branch'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** Where a step leads: another step's id, or the end of the run. */
export const END = 'end';

interface StepBase {
  id: string;
  /** The step that follows (a step id or `end`); absent: the next step in the list. */
  next?: string;
}

export const ANSWER_TYPES = ['text', 'number', 'choice', 'multi-choice', 'yes-no', 'user', 'time'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export interface AnswerValidation {
  required: boolean;
  /** number: the value; text: its length in characters; multi-choice: how many are picked. */
  min?: number;
  max?: number;
  /** text only: a regular expression the whole answer must match. */
  pattern?: string;
}

export interface AskStep extends StepBase {
  type: 'ask';
  question: LocalizedText;
  help?: LocalizedText;
  answer: AnswerType;
  options?: ChoiceOption[];
  validation: AnswerValidation;
  /** An incident field the answer is written to. */
  writesTo?: string;
}

export interface TaskStep extends StepBase {
  type: 'task';
  text: LocalizedText;
  assignee?: IncidentRole;
  required: boolean;
}

export interface InfoLink {
  url: string;
  title?: LocalizedText;
}

export interface InfoStep extends StepBase {
  type: 'info';
  /** Markdown. */
  text: LocalizedText;
  links: InfoLink[];
}

export type InviteTarget = { team: string } | { user: string };
export type PageTarget = { escalationPolicy: string } | { schedule: string };

export type RunbookAction =
  | { kind: 'set-severity'; severity: string }
  | { kind: 'set-status'; status: IncidentStatus }
  | { kind: 'set-field'; field: string; value: FieldValue }
  | { kind: 'invite'; target: InviteTarget }
  | { kind: 'page'; target: PageTarget }
  /** `{{step-id}}` in the message is replaced by that step's answer. */
  | { kind: 'post-update'; message: LocalizedText }
  | { kind: 'create-follow-up'; title: LocalizedText; assignee?: IncidentRole };
export type ActionKind = RunbookAction['kind'];
export const ACTION_KINDS = [
  'set-severity',
  'set-status',
  'set-field',
  'invite',
  'page',
  'post-update',
  'create-follow-up',
] as const satisfies readonly ActionKind[];

export interface ActionStep extends StepBase {
  type: 'action';
  action: RunbookAction;
  /** Wait for a person to press "do it" (or skip) instead of acting as soon as the run arrives. */
  confirm: boolean;
  required: boolean;
}

export type BranchCondition =
  | { step: string; equals: FieldValue }
  | { step: string; in: FieldValue[] }
  | { step: string; gte: number | string }
  | { step: string; lte: number | string }
  | { step: string; yes: boolean };

export interface BranchCase {
  when: BranchCondition;
  goto: string;
}

export interface BranchStep {
  type: 'branch';
  id: string;
  cases: BranchCase[];
  /** Where to go when no case holds; absent: the next step in the list. */
  default?: string;
}

export type RunbookStep = AskStep | TaskStep | InfoStep | ActionStep | BranchStep;

/** An answer or a field's value once coerced: times are UTC ISO strings, users are ids. */
export type FieldValue = string | number | boolean | string[];

/** The type of an incident field a runbook may write (built-in or declared in settings). */
export const FIELD_TYPES = ['text', 'number', 'boolean', 'choice', 'user', 'time'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface KnownField {
  type: FieldType;
  /** For a choice field: the values it accepts. */
  options?: readonly string[];
}
export type KnownFields = Readonly<Record<string, KnownField>>;
