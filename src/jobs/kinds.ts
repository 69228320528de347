import type { Mailer } from '../notify/email.js';
import { announceIncidentHandler, type AnnounceIncidentPayload } from '../slack/automation/announce-incident.js';
import { slackAutomation } from '../slack/automation/automation.js';
import { createChannelHandler, type CreateChannelPayload } from '../slack/automation/create-channel.js';
import { inviteRespondersHandler, type InviteRespondersPayload } from '../slack/automation/invite-responders.js';
import { postUpdateHandler, type PostUpdatePayload } from '../slack/automation/post-update.js';
import { syncChannelHandler, type SyncChannelPayload } from '../slack/automation/sync-channel.js';
import { answerOncallHandler, type AnswerOncallPayload } from '../slack/oncall/answer-job.js';
import { refreshPageMessagesHandler, type RefreshPageMessagesPayload } from '../slack/paging/refresh-page-messages-job.js';
import { remindPostmortemHandler, type RemindPostmortemPayload } from '../slack/postmortems/remind-job.js';
import { applyHandoffHandler, type ApplyHandoffPayload } from '../slack/usergroups/apply-handoff-job.js';
import { notifyHandoffHandler, type NotifyHandoffPayload } from '../slack/usergroups/notify-handoff-job.js';
import { reconcileUserGroupsHandler, type ReconcileUserGroupsPayload } from '../slack/usergroups/reconcile-job.js';
import { syncUserGroupHandler, type SyncUserGroupPayload } from '../slack/usergroups/sync-user-group-job.js';
import { showStepHandler, type ShowStepPayload } from '../slack/runbooks/show-step-job.js';
import { postWeeklyHandler, type PostWeeklyPayload } from '../slack/reports/post-weekly-job.js';
import { postSeverityHandler, type PostSeverityPayload } from '../slack/severity/post-severity-job.js';
import type { SlackRuntime } from '../slack/runtime.js';
import type { Deps } from '../usecases/deps.js';
import type { JobHandler } from './handler.js';
import { alertsRoute, type AlertsRoutePayload } from './handlers/alerts-route.js';
import { purgeFinished, type PurgeFinishedPayload } from './handlers/purge-finished.js';
import { runbooksPage, type RunbooksPagePayload } from './handlers/runbooks-page-target.js';
import { runbooksStartTriggered, type StartTriggeredPayload } from './handlers/runbooks-start-triggered.js';
import { pagingEscalate, type PagingEscalatePayload } from './handlers/paging-escalate.js';
import { pagingNotify, type PagingNotifyPayload } from './handlers/paging-notify.js';
import { pagingUpdateWebhook, type PagingUpdateWebhookPayload } from './handlers/paging-update-webhook.js';
import { captureMessage, type CaptureMessagePayload } from './handlers/slack-capture-message.js';
import { syncRota, type SyncRotaPayload } from './handlers/sync-rota.js';
import { sloPull, type SloPullPayload } from './handlers/slo-pull.js';
import { sloEvaluateBurn, type SloEvaluateBurnPayload } from './handlers/slo-evaluate-burn.js';
import { slosComputeIncidentBudget, type ComputeIncidentBudgetPayload } from './handlers/slos-compute-incident-budget.js';

/**
 * The one list of job kinds. To add a kind (`area.verbObject`):
 * 1. write `handlers/<verb-object>.ts` exporting its payload type and handler (or a
 *    factory taking what it needs from `JobDeps`);
 * 2. add one line to `JobPayloads` and one to `createJobHandlers`: the compiler flags a
 *    kind that has a payload type but no handler, and `enqueue` checks the payload type.
 * Payloads carry ids, not records; keep them small and free of secrets.
 */
export interface JobPayloads {
  'jobs.purgeFinished': PurgeFinishedPayload;
  'slack.captureMessage': CaptureMessagePayload;
  // Incident channel automation (src/slack/automation), enqueued by the incident use cases.
  'slack.createChannel': CreateChannelPayload;
  'slack.inviteResponders': InviteRespondersPayload;
  'slack.syncChannel': SyncChannelPayload;
  'slack.announceIncident': AnnounceIncidentPayload;
  'slack.postUpdate': PostUpdatePayload;
  // `@Hikeshi oncall` answered in the mention's thread (src/slack/oncall).
  'slack.answerOncall': AnswerOncallPayload;
  // Handoffs: the timer, the notices and the schedule's Slack user group (src/slack/usergroups).
  'oncall.applyHandoff': ApplyHandoffPayload;
  'oncall.notifyHandoff': NotifyHandoffPayload;
  'oncall.syncUserGroup': SyncUserGroupPayload;
  'oncall.reconcileUserGroups': ReconcileUserGroupsPayload;
  // A schedule's spreadsheet rota checked periodically (src/usecases/oncall/rota-sources).
  'oncall.syncRota': SyncRotaPayload;
  // Paging (src/usecases/paging): one notification sent, a level's escalation timer, a paged
  // webhook told of the acknowledgement or resolution, and the page's Slack DMs brought up to date.
  'paging.notify': PagingNotifyPayload;
  'paging.escalate': PagingEscalatePayload;
  'paging.updateWebhook': PagingUpdateWebhookPayload;
  'paging.refreshSlackMessages': RefreshPageMessagesPayload;
  // A postmortem's pre-meeting reminder to the owners while checklist items are missing (src/slack/postmortems).
  'postmortems.remind': RemindPostmortemPayload;
  // Runbooks (src/usecases/runbooks): the runs a declaration triggers, a run's page action,
  // and the run's message in the incident channel (src/slack/runbooks).
  'runbooks.startTriggered': StartTriggeredPayload;
  'runbooks.pageTarget': RunbooksPagePayload;
  'runbooks.showStep': ShowStepPayload;
  // Alerts (src/usecases/alerts): an ingest batch's opened / acknowledged / resolved alerts routed to pages and incidents.
  'alerts.routeAlerts': AlertsRoutePayload;
  // The weekly review posted to reports.weekly.channel on a durable weekly timer (src/slack/reports).
  'reports.postWeekly': PostWeeklyPayload;
  // Severity (src/usecases/severity): what the policy applied or proposed, quoted in the incident channel (src/slack/severity).
  'slack.postSeverity': PostSeverityPayload;
  // SLOs (src/usecases/slos): each pulled or estimated SLO's minute timer, and the burn-rate sweep raising/resolving alerts.
  'slo.pullPrometheus': SloPullPayload;
  'slo.evaluateBurn': SloEvaluateBurnPayload;
  // SLOs (src/usecases/slos): the error budget an incident burnt, computed when it is mitigated or resolved.
  'slos.computeIncidentBudget': ComputeIncidentBudgetPayload;
}

export type JobKind = keyof JobPayloads;

export type JobHandlers = { [K in JobKind]: JobHandler<JobPayloads[K]> };

/** Services handlers need besides the database, given once at start-up. */
export interface JobDeps {
  /** The use cases' dependencies: handlers record outcomes through use cases. */
  deps: Deps;
  /** Present when Slack is configured. */
  slack?: SlackRuntime;
  /** Present when email is configured (HIKESHI_SMTP_URL). */
  mailer?: Mailer;
}

export function createJobHandlers(jobDeps: JobDeps): JobHandlers {
  const slack = slackAutomation(jobDeps);
  return {
    'jobs.purgeFinished': purgeFinished,
    'slack.captureMessage': captureMessage(jobDeps),
    'slack.createChannel': createChannelHandler(slack),
    'slack.inviteResponders': inviteRespondersHandler(slack),
    'slack.syncChannel': syncChannelHandler(slack),
    'slack.announceIncident': announceIncidentHandler(slack),
    'slack.postUpdate': postUpdateHandler(slack),
    'slack.answerOncall': answerOncallHandler(jobDeps),
    'oncall.applyHandoff': applyHandoffHandler(jobDeps.deps),
    'oncall.notifyHandoff': notifyHandoffHandler(slack),
    'oncall.syncUserGroup': syncUserGroupHandler(slack),
    'oncall.reconcileUserGroups': reconcileUserGroupsHandler(jobDeps.deps),
    'oncall.syncRota': syncRota(jobDeps),
    'paging.notify': pagingNotify(jobDeps),
    'paging.escalate': pagingEscalate(jobDeps.deps),
    'paging.updateWebhook': pagingUpdateWebhook(jobDeps.deps),
    'paging.refreshSlackMessages': refreshPageMessagesHandler(jobDeps.deps, jobDeps.slack),
    'postmortems.remind': remindPostmortemHandler(slack),
    'runbooks.startTriggered': runbooksStartTriggered(jobDeps.deps),
    'runbooks.pageTarget': runbooksPage(jobDeps.deps),
    'runbooks.showStep': showStepHandler(slack),
    'alerts.routeAlerts': alertsRoute(jobDeps.deps),
    'reports.postWeekly': postWeeklyHandler(jobDeps.deps, slack),
    'slack.postSeverity': postSeverityHandler(slack),
    'slo.pullPrometheus': sloPull(jobDeps.deps),
    'slo.evaluateBurn': sloEvaluateBurn(jobDeps.deps),
    'slos.computeIncidentBudget': slosComputeIncidentBudget(jobDeps.deps),
  };
}
