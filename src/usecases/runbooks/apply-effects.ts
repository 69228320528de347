import { changeIncident, type IncidentChange } from '../../domain/incidents/change.js';
import { writeEntry } from '../../domain/incidents/entries.js';
import type { Incident, IncidentRole } from '../../domain/incidents/incident.js';
import type { TimelineDraft } from '../../domain/incidents/timeline.js';
import { matchPerson } from '../../domain/catalog/match-person.js';
import type { RunEffect } from '../../domain/runbooks/run-state.js';
import { pickText } from '../../domain/runbooks/text.js';
import type { FieldValue, InviteTarget, LocalizedText } from '../../domain/runbooks/types.js';
import { HikeshiError, ValidationError } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import type { Transaction } from 'kysely';
import type { Executor } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import { updateIncident as saveIncident } from '../../store/repositories/incidents.js';
import type { StoredRun } from '../../store/repositories/runbooks.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import { listUsersByIds, listUsersByKeys } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { planFieldsChange, reevaluateAfterFieldChange } from '../incidents/incident-fields.js';
import { addActionItem } from '../postmortems/create-action-item.js';
import type { Principal } from '../principal.js';
import { SLACK_JOB_ATTEMPTS, enqueueChangeJobs, enqueueEntryJobs } from '../slack/enqueue-slack-jobs.js';
import { enqueueIncidentBudget } from '../slos/enqueue-incident-budget.js';

/** The names runbook files use for the incident's own columns. */
const TIME_FIELDS: Record<string, 'impactStartedAt' | 'detectedAt'> = { impact_started_at: 'impactStartedAt', detected_at: 'detectedAt' };
const ROLE_FIELDS: Record<string, IncidentRole> = { commander: 'commander', communications: 'communications', scribe: 'scribe' };

/**
 * Carries out a run's effects in the caller's transaction, in order, as the incident's own
 * use cases would: a field, severity or status goes through `changeIncident` (timeline and
 * Slack sync as for a PATCH), a status update is a timeline entry echoed to Slack, a
 * follow-up is a postmortem action item, invites and pages are jobs. An effect the incident
 * refuses (a status move it does not allow, a team that does not exist) is written on the
 * timeline as `runbook.action_failed` and the run goes on: a runbook never gets stuck on
 * the incident's state. An answer the incident refuses is refused with the move instead.
 */
export async function applyRunEffects(
  tx: Transaction<Database>,
  deps: Deps,
  incident: Incident,
  run: StoredRun,
  effects: readonly RunEffect[],
  principal: Principal,
): Promise<Incident> {
  const now = deps.clock.now();
  const base = { runId: run.id, runbookId: run.runbookId };
  let current = incident;
  const change = async (stepId: string, wanted: IncidentChange) => {
    const { incident: next, timeline } = changeIncident(current, wanted, { severities: deps.settings.severities, now });
    if (!timeline.length) return;
    await saveIncident(tx, next, current);
    const events = await appendEvents(tx, next.id, timeline.map((draft) => withStep(draft, stepId)), principal.actor, now);
    await enqueueChangeJobs(tx, deps, next, events);
    await enqueueIncidentBudget(tx, next, events, now);
    current = next;
  };
  const note = (drafts: TimelineDraft[]) => appendEvents(tx, current.id, drafts, principal.actor, now);
  /** A declared custom fact: set for real, as a PATCH would, and the severity policy looks again. */
  const setFact = async (stepId: string, field: string, value: FieldValue) => {
    const facts = await planFieldsChange(tx, deps, current, { [field]: value }, 'api');
    if (!facts.timeline.length) return;
    await saveIncident(tx, facts.incident, current);
    const events = await appendEvents(tx, current.id, facts.timeline.map((draft) => withStep(draft, stepId)), principal.actor, now);
    await enqueueChangeJobs(tx, deps, facts.incident, events);
    current = await reevaluateAfterFieldChange(tx, deps, facts.incident, facts.changed, now);
  };

  for (const effect of effects) {
    try {
      switch (effect.kind) {
        case 'timeline': {
          const payload: Record<string, unknown> = { ...effect.entry.payload, runId: run.id };
          // A person named in an answer reads as their name on the timeline and in the postmortem.
          if (effect.entry.kind === 'runbook.answered' && userQuestion(run, effect.entry.payload.stepId)) {
            payload.answer = (await listUsersByIds(tx, [String(effect.entry.payload.value)]))[0]?.name ?? payload.answer;
          }
          await note([{ kind: effect.entry.kind, payload } as unknown as TimelineDraft]);
          break;
        }
        case 'set-field':
          if (TIME_FIELDS[effect.field]) await change(effect.stepId, { [TIME_FIELDS[effect.field]!]: String(effect.value) });
          else if (effect.field === 'summary') await change(effect.stepId, { summary: String(effect.value) });
          else if (ROLE_FIELDS[effect.field]) {
            await change(effect.stepId, { roles: { [ROLE_FIELDS[effect.field]!]: await userId(tx, effect.stepId, String(effect.value)) } });
          } else if (deps.settings.fields.some((field) => field.key === effect.field)) {
            await setFact(effect.stepId, effect.field, effect.value);
          } else {
            // A field no longer declared (a run started before the settings changed): kept on the timeline.
            await note([{ kind: 'runbook.field_recorded', payload: { ...base, stepId: effect.stepId, field: effect.field, value: effect.value } }]);
          }
          break;
        case 'set-severity':
          await change(effect.stepId, { severity: effect.severity });
          break;
        case 'set-status':
          await change(effect.stepId, { status: effect.status });
          break;
        case 'post-update': {
          const [event] = await note([writeEntry(current, 'status_update', bothLanguages(effect.message))]);
          await enqueueEntryJobs(tx, deps, current, event!);
          break;
        }
        case 'invite': {
          const userIds = await inviteeIds(tx, effect.target);
          if (deps.integrations?.slack) {
            const key = `slack.inviteResponders:${current.id}:runbook:${run.id}:${effect.stepId}:${run.revision}`;
            await enqueue(tx, 'slack.inviteResponders', { incidentId: current.id, userIds }, { key, maxAttempts: SLACK_JOB_ATTEMPTS }, now);
          }
          break;
        }
        case 'page':
          await enqueue(tx, 'runbooks.pageTarget', { runId: run.id, stepId: effect.stepId }, { key: `runbooks.pageTarget:${run.id}:${effect.stepId}:${run.revision}` }, now);
          break;
        case 'create-follow-up': {
          const assigneeId = effect.assignee ? current.roles[effect.assignee] : null;
          const item = await addActionItem(tx, current.id, { title: pickText(effect.title, 'en'), ownerId: assigneeId }, now);
          const payload = { ...base, stepId: effect.stepId, actionItemId: item.id, title: effect.title, assignee: effect.assignee ?? null, assigneeId };
          await note([{ kind: 'runbook.follow_up', payload }]);
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof HikeshiError)) throw error;
      // An answer the incident refuses (no such user, a time after the resolution) is the person's to correct.
      if (effect.kind === 'set-field' && error instanceof ValidationError && answered(run, effect.stepId)) {
        throw error.field === effect.stepId ? error : new ValidationError(effect.stepId, `${error.field} ${error.reason}`);
      }
      const stepId = 'stepId' in effect ? effect.stepId : '';
      await note([{ kind: 'runbook.action_failed', payload: { ...base, stepId, action: effect.kind, error: error.message } }]);
    }
  }
  return current;
}

function userQuestion(run: StoredRun, stepId: string): boolean {
  return run.definition.steps.some((step) => step.id === stepId && step.type === 'ask' && step.answer === 'user');
}

function answered(run: StoredRun, stepId: string): boolean {
  return run.definition.steps.some((step) => step.id === stepId && step.type === 'ask');
}

function withStep(draft: TimelineDraft, stepId: string): TimelineDraft {
  return { ...draft, payload: { ...draft.payload, runbookStep: stepId } } as unknown as TimelineDraft;
}

function bothLanguages(text: LocalizedText): string {
  return [...new Set([text.en, text.ja].filter((t): t is string => Boolean(t?.trim())))].join('\n');
}

/** The Hikeshi user an answer names (an id, e-mail, Slack id or name). */
async function userId(tx: Executor, stepId: string, value: FieldValue | string): Promise<string> {
  const key = String(value);
  const match = matchPerson(await listUsersByKeys(tx, [key]), key);
  if (typeof match === 'string') return match;
  throw new ValidationError(stepId, match === undefined ? `no Hikeshi user "${key}"` : `"${key}" names ${match.ambiguous} people; pick one`);
}

async function inviteeIds(tx: Executor, target: InviteTarget): Promise<string[]> {
  if ('user' in target) return [await userId(tx, 'user', target.user)];
  const [team] = await findTeamsByIdOrName(tx, [target.team]);
  if (!team) throw new ValidationError('team', `no team "${target.team}"`);
  return team.memberIds;
}
