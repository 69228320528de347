import type { Executor } from '../database.js';

/** Whose shifts a calendar feed shows: one schedule's, or one person's across schedules. */
export type CalendarSubject = { scheduleId: string } | { userId: string };

/** Stores a feed token's hash for its subject, replacing the subject's previous token. */
export async function replaceCalendarFeed(
  tx: Executor,
  subject: CalendarSubject,
  feed: { tokenHash: string; createdById: string | null; createdAt: string },
): Promise<void> {
  const scheduleId = 'scheduleId' in subject ? subject.scheduleId : null;
  const userId = 'userId' in subject ? subject.userId : null;
  await tx
    .deleteFrom('calendar_feeds')
    .where(scheduleId === null ? 'user_id' : 'schedule_id', '=', scheduleId ?? (userId as string))
    .execute();
  await tx
    .insertInto('calendar_feeds')
    .values({ token_hash: feed.tokenHash, schedule_id: scheduleId, user_id: userId, created_by_id: feed.createdById, created_at: feed.createdAt })
    .execute();
}

export async function findCalendarFeedByHash(tx: Executor, tokenHash: string): Promise<CalendarSubject | undefined> {
  const row = await tx.selectFrom('calendar_feeds').select(['schedule_id', 'user_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  if (row.schedule_id !== null) return { scheduleId: row.schedule_id };
  return row.user_id === null ? undefined : { userId: row.user_id };
}
