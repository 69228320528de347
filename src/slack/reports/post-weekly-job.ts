import type { WebClient } from '@slack/web-api';
import { reportSettings } from '../../config/report-settings.js';
import type { JobHandler } from '../../jobs/handler.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { scheduleWeeklyPosts, scopeKey, type PostWeeklyPayload } from '../../usecases/reports/schedule-weekly-posts.js';
import { getWeeklyReview } from '../../usecases/reports/weekly-review.js';
import type { Deps } from '../../usecases/deps.js';
import type { SlackAutomation } from '../automation/automation.js';
import { callSlack } from '../client.js';
import { weeklyReviewText } from './weekly-review-text.js';

/** Marks the weekly post (Slack message metadata) so a retried job finds what it already posted. */
export const WEEKLY_REVIEW_EVENT_TYPE = 'hikeshi_weekly_review';
const LOOK_BACK = 100;

export type { PostWeeklyPayload };

/**
 * `reports.postWeekly`: plans the next week's post first (so the chain survives a failure
 * here), then posts this week's review to reports.weekly.channel once: a retry looks for
 * its own earlier message before posting again.
 */
export function postWeeklyHandler(deps: Deps, automation: SlackAutomation | undefined): JobHandler<PostWeeklyPayload> {
  return async (payload, ctx) => {
    await scheduleWeeklyPosts(deps, ctx.database.db, ctx.now, { catchUp: false });
    const { weekly } = reportSettings(deps.settings);
    if (!automation || !weekly) {
      ctx.logger?.info({ week: payload.week }, 'weekly review not posted: Slack or reports.weekly is not configured');
      return;
    }
    const mark = { week: payload.week, scope: scopeKey(payload) };
    const bot = await automation.bot();
    if (ctx.attempt > 1 && (await alreadyPosted(bot.client, weekly.channel, mark))) return;
    const review = await getWeeklyReview(deps, SYSTEM_PRINCIPAL, payload);
    const base = deps.settings.publicUrl?.replace(/\/+$/, '');
    const query = new URLSearchParams({ week: review.week, ...(payload.team ? { team: payload.team } : {}), ...(payload.service ? { service: payload.service } : {}) });
    const text = weeklyReviewText(review, base ? `${base}/reports/weekly?${query}` : null);
    await callSlack('chat.postMessage', () =>
      bot.client.chat.postMessage({ channel: weekly.channel, text, unfurl_links: false, unfurl_media: false, metadata: { event_type: WEEKLY_REVIEW_EVENT_TYPE, event_payload: mark } }),
    );
  };
}

async function alreadyPosted(client: WebClient, channel: string, mark: { week: string; scope: string }): Promise<boolean> {
  const history = await callSlack('conversations.history', () => client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true }));
  return (history.messages ?? []).some((m) => {
    const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
    return m.metadata?.event_type === WEEKLY_REVIEW_EVENT_TYPE && payload?.week === mark.week && payload?.scope === mark.scope;
  });
}
