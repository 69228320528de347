/** Shapes of the Hikeshi REST API (/api/v1), as the web app uses them. */
import type { SeverityProposal, SeveritySource } from '../../../src/domain/severity/decide.js';
import type { FieldDefinition, FieldValue, IncidentFields } from '../../../src/domain/fields/definition.js';

export interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  timeZone?: string | null;
  slackUserId?: string | null;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Meta {
  severities: string[];
  statuses: string[];
  transitions: Record<string, string[]>;
  roles: string[];
  /** The custom incident fields (facts) the settings file declares, and the one inquiries count into. */
  fields: FieldDefinition[];
  inquiriesField: string | null;
  version: string;
}

export const ROLES = ['commander', 'communications', 'scribe'] as const;
export type Role = (typeof ROLES)[number];

export const TIMESTAMPS = [
  'impactStartedAt',
  'detectedAt',
  'declaredAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
  'closedAt',
] as const;
export type TimestampField = (typeof TIMESTAMPS)[number];

export interface ServiceRef {
  id: string;
  name: string;
}

export interface Service extends ServiceRef {
  teamId?: string | null;
  tier?: string | number | null;
  description?: string | null;
}

export interface Incident extends Record<TimestampField, string | null> {
  /** Who set the severity last, and the policy's pending proposal shown beside it (a person confirms it). */
  severitySource: SeveritySource;
  severityProposal: SeverityProposal | null;
  id: string;
  number: number;
  reference: string;
  title: string;
  summary: string;
  status: string;
  severity: string;
  tags: string[];
  services: ServiceRef[];
  roles: Record<Role, UserRef | null>;
  declaredBy: UserRef | null;
  fields: IncidentFields;
  createdAt: string;
  updatedAt: string;
  allowedTransitions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  name: string;
}

export interface TimelineEvent {
  id: string;
  incidentId: string;
  kind: string;
  actor: Actor;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface IncidentFilters {
  status: string[];
  severity: string;
  service: string;
  declaredFrom: string;
  declaredTo: string;
  q: string;
}

export interface IncidentPatch {
  title?: string;
  summary?: string;
  status?: string;
  severity?: string;
  services?: string[];
  tags?: string[];
  roles?: Partial<Record<Role, string | null>>;
  fields?: Record<string, FieldValue>;
}

export interface Declaration {
  title: string;
  severity?: string;
  summary?: string;
  services?: string[];
}

export type SlackTokenSource = 'installation' | 'environment';
export type SlackTokenMode = 'none' | 'bot' | 'bot_and_admin' | 'admin';

/** GET /api/v1/slack/status (admins): which Slack tokens are in force, never the tokens. */
export interface SlackStatus {
  configured: boolean;
  install: { available: boolean; path: string; missing: string[]; installers: string[] };
  strategy: 'bot' | 'user' | 'auto';
  mode: SlackTokenMode;
  guestsInvitable: boolean;
  missingAdminToken: boolean;
  team: { id: string; name: string } | null;
  bot: { source: SlackTokenSource; userId: string | null; scopes: string[] | null } | null;
  admin: { source: SlackTokenSource; userId: string; name: string; scopes: string[] | null; verifiedAt: string | null } | null;
  adminProblem: 'not_an_admin' | 'unverified' | null;
  installedAt: string | null;
  installedByUserId: string | null;
  updatedAt: string | null;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
}

/** Someone on call, as the on-call API names them. */
export interface OnCallPerson {
  id: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
}

export type ShiftSource = { layerId?: string; overrideId?: string };

export interface WeeklyWindow {
  fromDay: number;
  from: string;
  toDay: number;
  to: string;
}

export interface ScheduleLayer {
  id: string;
  name: string;
  kind?: 'rotation' | 'explicit';
  participants?: string[];
  rotation?: { unit: 'hours' | 'days' | 'weeks'; length: number };
  handoffTime?: string;
  startDate?: string;
  end?: string;
  restrictions?: { kind: string; from?: string; to?: string; windows?: WeeklyWindow[] };
  shifts?: Array<{ userId: string; start: string; end: string }>;
}

export interface ScheduleOverride {
  id: string;
  userId: string;
  start: string;
  end: string;
}

/** GET /api/v1/schedules/:id — layers bottom first; a later override wins over an earlier one. */
export interface Schedule {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  teamId: string | null;
  handoffTime: string;
  rotaColumns: Record<string, string>;
  layers: ScheduleLayer[];
  overrides: ScheduleOverride[];
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface Handover {
  at: string;
  from: OnCallPerson | null;
  to: OnCallPerson | null;
}

/** GET /api/v1/oncall — one row per schedule. */
export interface OnCallAnswer {
  at: string;
  items: Array<{
    schedule: { id: string; name: string; timeZone: string };
    team: { id: string; name: string } | null;
    user: OnCallPerson | null;
    source: ShiftSource | null;
    until: string | null;
    nextHandoff: Handover | null;
    problem?: string;
  }>;
}

export interface Shift {
  user: OnCallPerson;
  start: string;
  end: string;
  source: ShiftSource;
}

export interface Gap {
  start: string;
  end: string;
}

/** GET /api/v1/schedules/:id/shifts — the final shifts and the gaps over [from, to). */
export interface ScheduleShifts {
  schedule: { id: string; name: string; timeZone: string };
  from: string;
  to: string;
  shifts: Shift[];
  gaps: Gap[];
  nextHandoff: Handover | null;
}

/** A secret calendar address: shown once, replacing the previous one. */
export interface CalendarToken {
  token: string;
  path: string;
  url: string;
}

// The server's own types (type imports are erased from the web build; of policy.ts only TARGET_TYPES is kept).
export { TARGET_TYPES } from '../../../src/domain/escalation/policy.js';
export type { EscalationLevel, EscalationPolicy, EscalationTarget, TargetType } from '../../../src/domain/escalation/policy.js';
import type { TargetType } from '../../../src/domain/escalation/policy.js';

export interface EscalationPolicyInput {
  name: string;
  description?: string;
  teamId?: string | null;
  repeat?: number;
  levels: Array<{ delayMinutes: number; targets: Array<{ type: TargetType; id: string }> }>;
}

/** A page (someone being paged), as /api/v1/pages answers; `events` only on GET /pages/:id. */
export type {
  PageEventView as PageEvent,
  PageNotificationView as PageNotification,
  PageView as PageRecord,
} from '../../../src/usecases/paging/page-view.js';

/** The pages list's filters: open = triggered or acknowledged; mine = open pages that notified me. */
export type PageFilter = 'open' | 'acknowledged' | 'resolved' | 'mine';

export interface PageInput {
  message: string;
  details?: string;
  escalationPolicyId?: string;
  scheduleId?: string;
  userId?: string;
}

/** GET /api/v1/schedules/:id/slack-user-group — the Slack user group kept equal to who is on call. */
export interface UserGroupStatus {
  schedule: { id: string; name: string };
  handle: string;
  usergroupId: string | null;
  /** Slack user ids. */
  members: string[];
  guestsLeftOut: Array<{ userId: string; name: string; slackUserId: string | null }>;
  leftOut: Array<{ userId: string; name: string; slackUserId: string | null; reason: 'guest' | 'bot' | 'deactivated' | 'no_slack_account' }>;
  lastSyncAt: string | null;
  lastSyncResult: 'set' | 'unchanged' | 'kept' | 'failed' | null;
  lastSyncDetail: string | null;
  warning: string | null;
  warningAt: string | null;
}

/** GET /api/v1/schedules/:id/rota-source — a spreadsheet rota synced from its published CSV address. */
export interface RotaSourceStatus {
  schedule: { id: string; name: string };
  /** Masked. */
  url: string;
  urlSealed: boolean;
  mode: 'overrides' | 'layer';
  role: 'primary' | 'secondary';
  columns: Record<string, string> | null;
  intervalMinutes: number;
  lastCheckedAt: string | null;
  lastChangedAt: string | null;
  lastAppliedAt: string | null;
  lastOutcome: 'applied' | 'unchanged' | 'refused' | 'failed' | null;
  lastMessage: string | null;
  lastFile: { applied: number; replaced: number; problems: Array<{ line: number; code: string; column?: string; value?: string; message: string }>; ignoredColumns: string[] } | null;
  nextCheckAt: string;
}

/** Runbooks (issue 5). Step definitions are the domain's own data form, shared with the server. */
export type { LocalizedText, RunbookStep, RunbookDefinition } from '../../../src/domain/runbooks/types.js';
import type { LocalizedText, RunbookDefinition, RunbookStep } from '../../../src/domain/runbooks/types.js';

export interface RunbookTriggerView {
  severityAtLeast?: string;
  service?: string;
  tag?: string;
}

export interface RunbookSummary {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  triggers: RunbookTriggerView[];
  source: 'file' | 'api';
  file: string | null;
  stepCount: number;
  version: string;
}

export interface RunbookDetail extends RunbookSummary {
  definition: RunbookDefinition;
  /** The text as written (files, YAML saved through the API); null when only the data form exists. */
  yaml: string | null;
  updatedAt: string;
}

export interface RunbookProblemView {
  level: 'error' | 'warning';
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type RunStatus = 'running' | 'completed' | 'abandoned';
export type RunMove = 'answer' | 'complete' | 'proceed' | 'skip' | 'back' | 'abandon';

export interface RunAnswer {
  stepId: string;
  question: LocalizedText;
  value: unknown;
  display: string;
  by: UserRef;
  at: string;
}

export interface RunView {
  id: string;
  incidentId: string;
  runbook: { id: string; title: LocalizedText };
  status: RunStatus;
  version: string;
  /** Grows with every move. */
  revision: number;
  currentStep: RunbookStep | null;
  /** The earlier answer to the current question when people went back; null otherwise. */
  suggestion: unknown;
  moves: RunMove[];
  answers: RunAnswer[];
  done: string[];
  skipped: string[];
  progress: { answered: number; total: number };
  startedAt: string;
  finishedAt: string | null;
  /** The run's message in the incident channel, when Slack is on. */
  slack: { channel: string; ts: string } | null;
}

export type StepAction = 'answer' | 'complete' | 'proceed' | 'skip';

/** Postmortems (issue 5). */
export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

export interface PostmortemSection {
  id: string;
  heading: LocalizedText;
  /** What the section is for, shown while it is empty. */
  prompt: LocalizedText | null;
  /** Hikeshi writes this section from the incident's record. */
  generated: boolean;
  /** The template shows the action items table in this section. */
  actionItems: boolean;
  text: string;
  /** A person wrote here: regeneration leaves it alone. */
  edited: boolean;
}

export interface PostmortemDuration {
  name: string;
  ms: number | null;
  reason: string | null;
}

export interface ReadinessItem {
  id: string;
  label: LocalizedText;
  done: boolean;
}

export interface ReadinessGap {
  id: string;
  label: LocalizedText;
  reason: LocalizedText;
}

export const ACTION_ITEM_STATUSES = ['open', 'done', 'wont-do'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export interface ActionItem {
  id: string;
  incidentId: string;
  title: string;
  ownerId: string | null;
  owner: UserRef | null;
  /** YYYY-MM-DD in the team's time zone. */
  dueDate: string | null;
  status: ActionItemStatus;
  externalUrl: string | null;
}

export interface ActionItemInput {
  title?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  status?: ActionItemStatus;
  externalUrl?: string | null;
}

export interface PostmortemView {
  incidentId: string;
  incident: { id: string; reference: string; title: string; severity: string; status: string };
  status: PostmortemStatus;
  sections: PostmortemSection[];
  durations: PostmortemDuration[];
  readiness: { percent: number; items: ReadinessItem[]; missing: ReadinessGap[] };
  actionItems: ActionItem[];
  owner: UserRef | null;
  reviewers: Array<UserRef & { approvedAt: string | null }>;
  meetingAt: string | null;
  timelineReviewed: boolean;
  timelineReview: { by: UserRef; at: string } | null;
  /** The incident's current severity was confirmed. */
  severityConfirmed: boolean;
  severityConfirmation: { severity: string; by: UserRef; at: string } | null;
  sloImpactNote: string;
  generatedAt: string | null;
  publishedAt: string | null;
  /** Only in the answer to regenerate: which sections were rewritten and which kept. */
  refreshed?: string[];
  kept?: string[];
}

export interface PostmortemPatch {
  sections?: Record<string, string>;
  ownerId?: string | null;
  meetingAt?: string | null;
  reviewers?: string[];
  timelineReviewed?: boolean;
  severityConfirmed?: boolean;
  sloImpactNote?: string;
}
