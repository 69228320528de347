import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both engines (timestamptz on Postgres). */
type Timestamp = string;
/** JSON columns: jsonb on Postgres, text on SQLite; repositories encode and decode. */
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  time_zone: string;
  slack_user_id: string | null;
  role: 'admin' | 'responder' | 'viewer';
  password_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface ServicesTable {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  tier: number;
  /** Paged by alerts routed to the service with action `page` (migration 0011). */
  escalation_policy_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentsTable {
  id: string;
  number: number;
  title: string;
  summary: string;
  status: string;
  severity: string;
  tags: Json;
  commander_id: string | null;
  communications_lead_id: string | null;
  scribe_id: string | null;
  declared_by_id: string | null;
  impact_started_at: Timestamp | null;
  detected_at: Timestamp | null;
  declared_at: Timestamp;
  acknowledged_at: Timestamp | null;
  mitigated_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Custom facts by field key (migration 0009). */
  custom_fields: ColumnType<unknown, string | undefined, string>;
  /** Who set the severity: 'declared' | 'policy' | 'person' (migration 0012). */
  severity_source: ColumnType<string, string | undefined, string>;
  /** The policy's pending proposal, or NULL (migration 0012). */
  severity_proposal: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Customer-support inquiries counted into an incident (migration 0009). */
export interface IncidentInquiriesTable {
  id: string;
  incident_id: string;
  ticket_id: string | null;
  source: string | null;
  note: string | null;
  url: string | null;
  field: string;
  count: number;
  actor: Json;
  recorded_at: Timestamp;
}

export interface IncidentServicesTable {
  incident_id: string;
  service_id: string;
}

export interface TimelineEventsTable {
  id: string;
  incident_id: string;
  kind: string;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string;
  payload: Json;
  occurred_at: Timestamp;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: 'admin' | 'responder' | 'viewer';
  token_hash: string;
  token_prefix: string;
  created_by_id: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  idempotency_key: string | null;
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SlackInstallationsTable {
  team_id: string;
  team_name: string;
  app_id: string | null;
  bot_user_id: string;
  bot_token_sealed: string;
  bot_scopes: string;
  admin_user_id: string | null;
  admin_user_name: string | null;
  admin_token_sealed: string | null;
  admin_scopes: string | null;
  admin_verified_at: Timestamp | null;
  installed_by_user_id: string;
  installed_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentSlackChannelsTable {
  incident_id: string;
  channel_id: string;
  channel_name: string;
  summary_ts: string | null;
  announcement_ts: string | null;
  created_at: Timestamp;
}

export interface SlackDeliveriesTable {
  event_id: string;
  received_at: Timestamp;
}

export interface SchedulesTable {
  id: string;
  name: string;
  description: string;
  time_zone: string;
  team_id: string | null;
  handoff_time: string;
  rota_columns: Json;
  layers: Json;
  overrides: Json;
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScheduleUserGroupsTable {
  schedule_id: string;
  handle: string;
  usergroup_id: string | null;
  members: Json;
  left_out: Json;
  last_sync_at: Timestamp | null;
  last_sync_result: string | null;
  last_sync_detail: string | null;
  last_warning: string | null;
  last_warning_at: Timestamp | null;
  sync_claimed_until: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedsTable {
  token_hash: string;
  schedule_id: string | null;
  user_id: string | null;
  created_by_id: string | null;
  created_at: Timestamp;
}

export interface EscalationPoliciesTable {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  repeat: number;
  levels: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PagesTable {
  id: string;
  number: number;
  message: string;
  details: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  escalation_policy_id: string | null;
  target_type: 'policy' | 'schedule' | 'user';
  target_id: string;
  target_name: string;
  plan: Json;
  level: number;
  cycle: number;
  next_escalation_at: Timestamp | null;
  incident_id: string | null;
  source: string;
  created_by: Json;
  created_at: Timestamp;
  acknowledged_by: Json | null;
  acknowledged_at: Timestamp | null;
  resolved_by: Json | null;
  resolved_at: Timestamp | null;
  updated_at: Timestamp;
  request_key: string | null;
}

export interface PageNotificationsTable {
  id: string;
  page_id: string;
  cycle: number;
  level: number;
  recipient_type: 'user' | 'webhook';
  recipient_id: string;
  recipient_name: string;
  channel: 'slack' | 'email' | 'webhook';
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  delivery_ref: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface PageEventsTable {
  id: string;
  page_id: string;
  at: Timestamp;
  kind: string;
  level: number;
  cycle: number;
  actor: Json | null;
  text: string;
}

export interface RotaSourcesTable {
  id: string;
  schedule_id: string;
  /** Sealed with the SecretBox when `url_storage` is `sealed`. */
  url: string;
  url_storage: 'sealed' | 'plain';
  url_masked: string;
  mode: 'overrides' | 'layer';
  role: 'primary' | 'secondary';
  columns: Json | null;
  interval_minutes: number;
  generation: number;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  last_checked_at: Timestamp | null;
  last_changed_at: Timestamp | null;
  last_applied_at: Timestamp | null;
  last_outcome: 'applied' | 'unchanged' | 'refused' | 'failed' | null;
  last_message: string | null;
  last_result: Json | null;
  next_check_at: Timestamp;
  created_by_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PostmortemsTable {
  incident_id: string;
  /** The domain's Postmortem. */
  state: Json;
  status: string;
  owner_id: string | null;
  meeting_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionItemsTable {
  id: string;
  incident_id: string;
  title: string;
  owner_id: string | null;
  /** YYYY-MM-DD. */
  due_date: string | null;
  status: string;
  external_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RunbooksTable {
  id: string;
  source: 'file' | 'api';
  file: string | null;
  yaml: string | null;
  definition: Json;
  version: string;
  updated_at: Timestamp;
}

export interface RunbookRunsTable {
  id: string;
  incident_id: string;
  runbook_id: string;
  definition: Json;
  version: string;
  state: Json;
  status: string;
  revision: number;
  started_by: string | null;
  slack_channel: string | null;
  slack_ts: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IntegrationsTable {
  id: string;
  name: string;
  kind: 'generic' | 'alertmanager' | 'grafana' | 'datadog' | 'pagerduty' | 'waroom';
  /** sha256 hex of the token; the token itself is never stored. */
  token_hash: string;
  token_hint: string;
  /** Sealed with the SecretBox (Grafana's HMAC signing secret). */
  hmac_secret: string | null;
  hmac_header: string | null;
  hmac_timestamp_header: string | null;
  rate_limit_per_minute: Generated<number>;
  routes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlertsTable {
  id: string;
  number: number;
  integration_id: string | null;
  source: string;
  dedup_key: string;
  /** `${integration_id}:${dedup_key}` while open; NULL once resolved. */
  open_key: string | null;
  status: 'firing' | 'acknowledged' | 'resolved';
  title: string;
  summary: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
  source_severity: string | null;
  labels: Json;
  annotations: Json;
  group_key: string | null;
  links: Json;
  occurrences: number;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  acknowledged_at: Timestamp | null;
  resolved_at: Timestamp | null;
  last_payload: Json;
  service_id: string | null;
  incident_id: string | null;
  page_id: string | null;
  routed_at: Timestamp | null;
  /** The status whose consequences routing carried out (migration 0011). */
  routed_status: 'firing' | 'acknowledged' | 'resolved' | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlertEventsTable {
  id: string;
  alert_id: string;
  kind: string;
  count: number;
  at: Timestamp;
  actor: Json | null;
  detail: Json | null;
}

export interface IntegrationChangesTable {
  id: string;
  integration_id: string;
  summary: string;
  source: string | null;
  happened_at: Timestamp;
  payload: Json;
  created_at: Timestamp;
}

/** Accepted severity policies; the highest version is in force (migration 0012). */
export interface SeverityPoliciesTable {
  id: string;
  version: number;
  source: 'file' | 'api';
  text: string;
  created_by: Json;
  created_at: Timestamp;
}

/** SLO definitions from the slos folder ('file') or the API ('api') (migration 0013). */
export interface SlosTable {
  id: string;
  service_id: string;
  name: string;
  description: string;
  definition: Json;
  origin: 'file' | 'api';
  file: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One SLO minute of SLI data; `minute` is epoch ms of the minute's start (migration 0013). */
export interface SliMinutesTable {
  slo_id: string;
  minute: number;
  good: number;
  total: number;
  origin: 'prometheus' | 'push' | 'estimate';
  received_at: Timestamp;
}

/** Hour and day sums of SLI minutes, UTC-aligned; `start` in epoch ms (migration 0013). */
export interface SliRollupsTable {
  slo_id: string;
  unit: 'hour' | 'day';
  start: number;
  good: number;
  total: number;
  bad: number;
  minutes_with_data: number;
}

/** Spans of SLI data a source could not supply; `start`/`end` in epoch ms (migration 0013). */
export interface SliGapsTable {
  slo_id: string;
  start: number;
  end: number;
  reason: string;
  detail: string | null;
  at: Timestamp;
}

/** How far a pulled or estimated SLO's timer got (`pulled_until` epoch ms) (migration 0013). */
export interface SliPullStatesTable {
  slo_id: string;
  pulled_until: number;
  failures: number;
  last_error: string | null;
  last_error_at: Timestamp | null;
  last_success_at: Timestamp | null;
}

/** The error budget an incident burnt per SLO; spans in epoch ms, flags 0/1 (migration 0014). */
export interface IncidentSloImpactsTable {
  incident_id: string;
  slo_id: string;
  slo_name: string;
  service_id: string;
  slo_window: Json;
  span_start: number;
  span_end: number;
  fallback: number;
  bad: number;
  budget: number;
  share: number;
  unit: 'events' | 'minutes';
  estimated: number;
  computed_at: Timestamp;
}

/** The burn state last sent to the alert pipeline per SLO (migration 0013). */
export interface SloBurnStatesTable {
  slo_id: string;
  state: 'ok' | 'ticket' | 'page';
  changed_at: Timestamp;
  evaluated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  services: ServicesTable;
  incidents: IncidentsTable;
  incident_services: IncidentServicesTable;
  incident_inquiries: IncidentInquiriesTable;
  timeline_events: TimelineEventsTable;
  counters: CountersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  jobs: JobsTable;
  slack_installations: SlackInstallationsTable;
  incident_slack_channels: IncidentSlackChannelsTable;
  slack_deliveries: SlackDeliveriesTable;
  schedules: SchedulesTable;
  schedule_user_groups: ScheduleUserGroupsTable;
  calendar_feeds: CalendarFeedsTable;
  rota_sources: RotaSourcesTable;
  escalation_policies: EscalationPoliciesTable;
  pages: PagesTable;
  page_notifications: PageNotificationsTable;
  page_events: PageEventsTable;
  runbooks: RunbooksTable;
  runbook_runs: RunbookRunsTable;
  postmortems: PostmortemsTable;
  action_items: ActionItemsTable;
  integrations: IntegrationsTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  integration_changes: IntegrationChangesTable;
  severity_policies: SeverityPoliciesTable;
  slos: SlosTable;
  sli_minutes: SliMinutesTable;
  sli_rollups: SliRollupsTable;
  sli_gaps: SliGapsTable;
  sli_pull_states: SliPullStatesTable;
  slo_burn_states: SloBurnStatesTable;
  incident_slo_impacts: IncidentSloImpactsTable;
}

export type UserRow = Selectable<UsersTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentInsert = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type TimelineEventRow = Selectable<TimelineEventsTable>;
export type JobRow = Selectable<JobsTable>;
