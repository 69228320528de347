import { ValidationError } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import type { Deps } from '../deps.js';
import { whoIsOnCall, type OnCallEntry } from '../oncall/who-is-on-call.js';
import type { Principal } from '../principal.js';

/** The app was mentioned in a channel: the message, as Slack sent it, to be answered in its thread. */
export interface OncallMention {
  channelId: string;
  /** The mentioning message. */
  ts: string;
  /** Its thread, when the mention is a reply; the answer goes there. */
  threadTs: string | undefined;
  askerSlackUserId: string;
  /** The message text, Slack markup and all (the job reads it). */
  text: string;
}

/** Longer mentions are cut: the payload carries the question, not a document. */
export const MENTION_TEXT_MAX = 3_000;

/**
 * Queues the answer to a mention of the app (`slack.answerOncall`). The job decides whether
 * it asks for the on-call, and answers for the people on call at this instant. Its key (the
 * message) makes a second delivery of the same message a no-op.
 */
export async function requestOncallAnswer(deps: Deps, mention: OncallMention): Promise<boolean> {
  const now = deps.clock.now();
  return enqueue(
    deps.db,
    'slack.answerOncall',
    {
      channelId: mention.channelId,
      ts: mention.ts,
      threadTs: mention.threadTs ?? mention.ts,
      askerSlackUserId: mention.askerSlackUserId,
      text: [...mention.text].slice(0, MENTION_TEXT_MAX).join(''),
      at: now.toISOString(),
    },
    { key: `slack.answerOncall:${mention.channelId}:${mention.ts}` },
    now,
  );
}

/** What someone asked of the on-call, as plain text (Slack markup already turned into words). */
export interface OncallQuestion {
  /** May start with a schedule, team or service name: `payments refunds are failing`. */
  text: string;
  /** When false the text is only a question (`who is oncall today?`): no name is looked for. */
  mayName: boolean;
  /** ISO 8601; default now. */
  at?: string;
}

export type OncallScope = { kind: 'default' } | { kind: 'schedule' | 'team' | 'service'; name: string };

export type OncallLookup =
  | {
      kind: 'found';
      at: string;
      scope: OncallScope;
      /** One per schedule, by schedule name; empty when no schedule applies. */
      items: OnCallEntry[];
      /** The question without the name that chose the scope. */
      question: string;
    }
  | {
      kind: 'unknown';
      at: string;
      /** The word that names no schedule, team or service. */
      name: string;
      /** Every schedule's name. */
      schedules: string[];
    };

/** A name is at most this many words: `Payments EU primary`. */
const MAX_NAME_WORDS = 4;
/** One word that reads as a name (no question mark): a lone unknown one is answered with the schedules that exist. */
const NAME_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}_.&'-]*$/u;

/**
 * Who is on call for what someone asked. Without a name: the one schedule when there is one,
 * else every schedule. The leading words may name a schedule, then a team, then a service
 * (exact id, or name in any case): the longest name wins and the rest is the question. A
 * single word that names nothing is answered with the schedules that exist.
 */
export async function findOncall(deps: Deps, question: OncallQuestion, principal: Principal): Promise<OncallLookup> {
  const all = await whoIsOnCall(deps, question.at === undefined ? {} : { at: question.at }, principal);
  const text = question.text.trim();
  const words = [...text.matchAll(/\S+/g)];
  if (question.mayName) {
    for (let n = Math.min(words.length, MAX_NAME_WORDS); n >= 1; n--) {
      const last = words[n - 1]!;
      const name = text.slice(0, last.index + last[0].length).replace(/\s+/g, ' ').replace(/[\s:;,.!?]+$/u, '');
      if (!name) continue;
      const narrowed = await narrowTo(deps, all.at, all.items, name, principal);
      if (narrowed) {
        return { kind: 'found', at: all.at, ...narrowed, question: text.slice(last.index + last[0].length).trim() };
      }
    }
    if (words.length === 1 && NAME_LIKE.test(text)) {
      return { kind: 'unknown', at: all.at, name: text, schedules: all.items.map((i) => i.schedule.name) };
    }
  }
  return { kind: 'found', at: all.at, scope: { kind: 'default' }, items: all.items, question: text };
}

async function narrowTo(
  deps: Deps,
  at: string,
  items: OnCallEntry[],
  name: string,
  principal: Principal,
): Promise<{ scope: OncallScope; items: OnCallEntry[] } | undefined> {
  const same = (candidate: string) => candidate.toLowerCase() === name.toLowerCase();
  const schedules = items.filter((i) => i.schedule.id === name || same(i.schedule.name));
  if (schedules.length) return { scope: { kind: 'schedule', name: schedules[0]!.schedule.name }, items: schedules };
  const teams = items.filter((i) => i.team && (i.team.id === name || same(i.team.name)));
  if (teams.length) return { scope: { kind: 'team', name: teams[0]!.team!.name }, items: teams };
  // A team without schedules, or a service (its owning team's schedules): named exactly.
  for (const kind of ['team', 'service'] as const) {
    try {
      const answer = await whoIsOnCall(deps, { at, [kind]: name }, principal);
      return { scope: { kind, name }, items: answer.items };
    } catch (error) {
      if (!(error instanceof ValidationError && error.field === kind)) throw error;
    }
  }
  return undefined;
}
