import type { RunbookTimelineDraft } from '../runbooks/run-state.js';
import type { SloWindow } from '../slo/types.js';

/** What happened, as data; the repository adds id and incident, the actor comes from the caller. */
export type TimelineDraft =
  // A runbook run's progress (src/domain/runbooks): started, each answer, task and action, its end.
  | RunbookTimelineDraft
  // A runbook answer or action written to a field the incident has no column for yet (custom fields).
  | { kind: 'runbook.field_recorded'; payload: { runId: string; runbookId: string; stepId: string; field: string; value: unknown } }
  // A runbook action the incident refused (a status move it does not allow, an unknown team); the run went on.
  | { kind: 'runbook.action_failed'; payload: { runId: string; runbookId: string; stepId: string; action: string; error: string } }
  // A runbook's `create-follow-up` action: the postmortem action item it created.
  | { kind: 'runbook.follow_up'; payload: { runId: string; runbookId: string; stepId: string; actionItemId: string; title: { en?: string; ja?: string }; assignee: string | null; assigneeId: string | null } }
  | { kind: 'incident.declared'; payload: { title: string; severity: string; status: string } }
  | { kind: 'status.changed'; payload: { from: string; to: string } }
  // A person's change carries only from/to; the severity policy's (or a confirmed proposal) names the rules and their reason.
  | { kind: 'severity.changed'; payload: { from: string; to: string } & Partial<SeverityRuling> & { proposalId?: string } }
  // The severity policy disagrees with the incident's severity and asks a person to confirm (src/usecases/severity).
  | { kind: 'severity.proposed'; payload: SeverityRuling & { proposalId: string; from: string; to: string; why: string } }
  | { kind: 'severity.proposal_dismissed'; payload: { proposalId: string; to: string } }
  | { kind: 'severity.proposal_withdrawn'; payload: { proposalId: string; to: string } }
  | { kind: 'role.assigned'; payload: { role: string; from: string | null; to: string | null } }
  | { kind: 'field.changed'; payload: { field: string; from: unknown; to: unknown } }
  // A customer-support inquiry counted into the inquiries field (helpdesk webhook or a click in Slack).
  | { kind: 'inquiry.recorded'; payload: { inquiryId: string; ticketId: string | null; source: string | null; note: string | null; url: string | null; field: string; from: number; to: number } }
  | { kind: 'services.changed'; payload: { added: string[]; removed: string[] } }
  // The error budget the incident burnt on one SLO of its services, first computed at mitigation (src/usecases/slos).
  | { kind: 'slo.budget_burnt'; payload: SloBudgetBurntPayload }
  // One SLO's share reached the error-budget policy's threshold (20 %): a postmortem is required.
  | { kind: 'postmortem.required'; payload: { sloId: string; sloName: string; share: number; threshold: number } }
  // An alert's life on the incident it was attached to (src/usecases/alerts): attached by a route or its
  // service, the incident declared for it (quoting the route and the severity rules), acknowledged, resolved.
  | { kind: 'alert.attached'; payload: AlertEntry & { action: 'page' | 'declare' | 'attach'; rule: number | null; pageId: string | null; pageNumber: number | null } }
  | { kind: 'alert.declared'; payload: AlertEntry & { rule: number | null; route: unknown; severity: string; severityRules: { ruleId: string; severity: string; reason: { en: string; ja: string } }[] } }
  | { kind: 'alert.acknowledged'; payload: AlertEntry }
  | { kind: 'alert.resolved'; payload: AlertEntry & { occurrences: number } }
  | { kind: 'alert.all_resolved'; payload: { alerts: number } }
  | { kind: 'note'; payload: { body: string } }
  | { kind: 'status_update'; payload: { body: string; status: string } }
  // Written by the Slack adapter's jobs: every step of the channel automation, failures included.
  | { kind: 'slack.channel_created'; payload: { channelId: string; channelName: string; via: 'bot' | 'admin'; adopted: boolean } }
  | { kind: 'slack.invited'; payload: { slackUserIds: string[]; via: 'bot' | 'admin' } }
  | { kind: 'slack.invite_skipped'; payload: { slackUserId: string; reason: string; detail: string } }
  | { kind: 'slack.step_failed'; payload: { step: string; error: string; willRetry: boolean } }
  | { kind: 'slack.posted'; payload: { channelId: string; message: 'summary' | 'announcement' | 'resolution' } }
  | { kind: 'slack.message_captured'; payload: { body: string; author: string; authorSlackId: string; permalink: string | null; ts: string } };

export interface SloBudgetBurntPayload {
  sloId: string;
  sloName: string;
  window: SloWindow;
  bad: number;
  budget: number;
  share: number;
  unit: 'events' | 'minutes';
  estimated: boolean;
  fallback: boolean;
}

/** Which alert an `alert.*` entry is about, as it was when written. */
export interface AlertEntry {
  alertId: string;
  alertNumber: number;
  title: string;
  alertSeverity: string;
  source: string;
}

/** The rules behind a severity the policy applied or proposed, and what caused the look. */
export interface SeverityRuling {
  ruleIds: string[];
  reason: { en: string; ja: string };
  policyVersion: number;
  cause: string;
}

export type TimelineKind = TimelineDraft['kind'];

/** Kinds a person may add by hand; every other kind is written by Hikeshi itself. */
export const HUMAN_TIMELINE_KINDS = ['note', 'status_update'] as const;
export type HumanTimelineKind = (typeof HUMAN_TIMELINE_KINDS)[number];

export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'Hikeshi' };
