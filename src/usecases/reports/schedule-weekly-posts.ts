import { reportSettings, type WeeklyPostSettings } from '../../config/report-settings.js';
import { postMoments } from '../../domain/reports/weekly-post.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { Deps } from '../deps.js';

/** `reports.postWeekly`: one week's review for one scope, posted to reports.weekly.channel. */
export interface PostWeeklyPayload {
  week: string;
  team?: string;
  service?: string;
}

type Scope = WeeklyPostSettings['scopes'][number];

/**
 * Plans each scope's weekly post. At start-up (`catchUp`) the latest post moment is planned
 * too, so a post missed while the server was down goes out once when it is back; the key
 * (scope + week) makes every later planning of the same post a no-op.
 */
export async function scheduleWeeklyPosts(deps: Deps, db: Executor, now: Date, options: { catchUp: boolean }): Promise<number> {
  const { working, weekly } = reportSettings(deps.settings);
  if (!weekly) return 0;
  const moments = postMoments({ day: weekly.day, time: weekly.time, timeZone: working.timeZone }, now.getTime());
  let planned = 0;
  for (const scope of weekly.scopes) {
    for (const moment of options.catchUp ? [moments.latest, moments.next] : [moments.next]) {
      const payload: PostWeeklyPayload = { week: moment.week, ...scope };
      if (await enqueue(db, 'reports.postWeekly', payload, { key: weeklyPostKey(scope, moment.week), runAt: new Date(moment.at) }, now)) planned += 1;
    }
  }
  return planned;
}

export function weeklyPostKey(scope: Scope, week: string): string {
  return `reports.postWeekly:${scopeKey(scope)}:${week}`;
}

export function scopeKey(scope: Scope): string {
  if (scope.team !== undefined) return `team:${scope.team}`;
  if (scope.service !== undefined) return `service:${scope.service}`;
  return 'organisation';
}
