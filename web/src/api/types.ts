/** Shapes of the Hikeshi REST API (/api/v1), as the web app uses them. */

export interface User {
  id: string;
  name: string;
  email: string;
  role: string;
  timeZone?: string | null;
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
