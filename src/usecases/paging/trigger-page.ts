import type { Transaction } from 'kysely';
import type { Page, PageSource, PageTarget } from '../../domain/escalation/page.js';
import { startEscalation, type EscalationPlan } from '../../domain/escalation/plan.js';
import { resolveTargets, type Resolution } from '../../domain/escalation/recipients.js';
import { matchPerson } from '../../domain/catalog/match-person.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import type { Database } from '../../store/schema.js';
import { nextValue } from '../../store/repositories/counters.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';
import { findPageByRequestKey, insertPage } from '../../store/repositories/pages.js';
import { listUsersByKeys } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { findSchedule } from '../oncall/read-schedules.js';
import { authorize, type Principal } from '../principal.js';
import type { PageView } from './page-view.js';
import { findPolicy } from './read-policies.js';
import { readPageView } from './read-pages.js';
import { appendPageEvent, recordLevel } from './record-level.js';
import { targetLookups } from './target-lookups.js';

export interface TriggerPageInput {
  message: string;
  details?: string;
  /** Exactly one of these three, each an id or a name. */
  escalationPolicyId?: string;
  scheduleId?: string;
  userId?: string;
  /** Incident id or reference (`INC-12`). */
  incidentId?: string;
  source: PageSource;
  /**
   * The caller's retry key (an API Idempotency-Key, the Slack message that asked): a request
   * repeated with it answers the page it already made instead of paging again.
   */
  requestKey?: string;
}

const MESSAGE_MAX = 500;
const DETAILS_MAX = 10_000;

/**
 * Pages a policy (escalating until someone acknowledges), or a schedule's on-call or a person
 * directly (no escalation). Level 1 is recorded and its notifications enqueued in the same
 * transaction as the page; a 201 means the page will be delivered, whatever happens next.
 */
export async function triggerPage(deps: Deps, principal: Principal, input: TriggerPageInput): Promise<PageView> {
  authorize(principal, 'responder');
  const text = readText(input);
  const requestKey = input.requestKey;
  if (requestKey !== undefined) {
    const made = await findPageByRequestKey(deps.db, requestKey);
    if (made) return readPageView(deps.db, made);
  }
  const now = deps.clock.now();
  const planned = await planPage(deps, input, now);
  const trigger = deps.db.transaction().execute(async (tx) => readPageView(tx, await recordPage(tx, deps, principal, input, text, planned, now)));
  return trigger.catch(async (error: unknown) => {
    // The same request, running concurrently, committed first: answer its page.
    const made = requestKey !== undefined && isUniqueViolation(error) ? await findPageByRequestKey(deps.db, requestKey) : undefined;
    if (made) return readPageView(deps.db, made);
    throw error;
  });
}

/**
 * `triggerPage` inside the caller's transaction (an alert's routing pages with what it
 * records, or not at all). The caller serialises requests with the same `requestKey`
 * (it holds the row the key is named after); a key already used answers its page.
 */
export async function triggerPageInTx(
  tx: Transaction<Database>,
  deps: Deps,
  principal: Principal,
  input: TriggerPageInput,
  now: Date,
): Promise<{ page: Page; created: boolean }> {
  authorize(principal, 'responder');
  const text = readText(input);
  if (input.requestKey !== undefined) {
    const made = await findPageByRequestKey(tx, input.requestKey);
    if (made) return { page: made, created: false };
  }
  const planned = await planPage({ ...deps, db: tx }, input, now);
  return { page: await recordPage(tx, deps, principal, input, text, planned, now), created: true };
}

function readText(input: TriggerPageInput): { message: string; details: string } {
  const message = input.message.trim();
  if (!message) throw new ValidationError('message', 'must not be empty');
  if ([...message].length > MESSAGE_MAX) throw new ValidationError('message', `must be at most ${MESSAGE_MAX} characters`);
  const details = (input.details ?? '').trim();
  if (details.length > DETAILS_MAX) throw new ValidationError('details', `must be at most ${DETAILS_MAX} characters`);
  return { message, details };
}

interface PlannedPage {
  target: PageTarget;
  plan: EscalationPlan;
  incidentId: string | null;
  first: ReturnType<typeof startEscalation>;
  resolution: Resolution;
}

/** Whom the page reaches first, read before the transaction that records it (or inside the caller's). */
async function planPage(deps: Deps, input: TriggerPageInput, now: Date): Promise<PlannedPage> {
  const { target, plan } = await pageTarget(deps.db, input);
  const incidentId = input.incidentId === undefined ? null : await incidentOf(deps.db, input.incidentId);
  const first = startEscalation(plan, now);
  const resolution = resolveTargets(first.targets, await targetLookups(deps, first.targets, now));
  return { target, plan, incidentId, first, resolution };
}

async function recordPage(
  tx: Executor,
  deps: Deps,
  principal: Principal,
  input: TriggerPageInput,
  text: { message: string; details: string },
  { target, plan, incidentId, first, resolution }: PlannedPage,
  now: Date,
): Promise<Page> {
  const at = now.toISOString();
  const page: Page = {
    id: newId(now.getTime()),
    number: await nextValue(tx, 'pages'),
    message: text.message,
    details: text.details,
    status: 'triggered',
    target,
    plan,
    level: first.level,
    cycle: first.cycle,
    nextEscalationAt: first.nextEscalationAt?.toISOString() ?? null,
    incidentId,
    source: input.source,
    createdBy: principal.actor,
    createdAt: at,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    updatedAt: at,
  };
  await insertPage(tx, page, input.requestKey ?? null);
  await appendPageEvent(tx, page, { kind: 'triggered', level: 0, cycle: 0, actor: principal.actor, text: `${principal.actor.name} paged ${describe(target)}: ${text.message}` }, now);
  await recordLevel(tx, deps, page, first, resolution, now);
  return page;
}

async function pageTarget(tx: Executor, input: TriggerPageInput): Promise<{ target: PageTarget; plan: EscalationPlan }> {
  const given = (['escalationPolicyId', 'scheduleId', 'userId'] as const).filter((field) => input[field] !== undefined);
  if (given.length !== 1) {
    throw new ValidationError(given[1] ?? 'escalationPolicyId', 'give exactly one of escalationPolicyId, scheduleId or userId');
  }
  const field = given[0]!;
  const key = input[field]!.trim();
  try {
    if (field === 'escalationPolicyId') {
      const policy = await findPolicy(tx, key);
      return { target: { type: 'policy', id: policy.id, name: policy.name }, plan: { escalates: true, repeat: policy.repeat, levels: policy.levels } };
    }
    if (field === 'scheduleId') {
      const schedule = await findSchedule(tx, key);
      return direct({ type: 'schedule', id: schedule.id, name: schedule.name });
    }
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError(field, `no ${field === 'scheduleId' ? 'schedule' : 'escalation policy'} "${key}"`);
    throw error;
  }
  const users = await listUsersByKeys(tx, [key]);
  const match = matchPerson(users, key);
  if (typeof match !== 'string') {
    throw new ValidationError('userId', match === undefined ? `no user "${key}"` : `"${key}" names ${match.ambiguous} people; use an id or e-mail`);
  }
  return direct({ type: 'user', id: match, name: users.find((u) => u.id === match)!.name });
}

/** A schedule or person paged directly: one level, no timer. */
function direct(target: PageTarget): { target: PageTarget; plan: EscalationPlan } {
  const type = target.type === 'schedule' ? 'schedule' : 'user';
  return { target, plan: { escalates: false, repeat: 0, levels: [{ delayMinutes: 0, targets: [{ type, id: target.id, name: target.name }] }] } };
}

async function incidentOf(tx: Executor, reference: string): Promise<string> {
  try {
    return (await findIncident(tx, reference.trim())).id;
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError('incidentId', `no incident "${reference}"`);
    throw error;
  }
}

function describe(target: PageTarget): string {
  if (target.type === 'policy') return `escalation policy ${target.name}`;
  return target.type === 'schedule' ? `the on-call of ${target.name}` : target.name;
}
