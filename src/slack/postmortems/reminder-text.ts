import { formatTime } from '../../domain/postmortems/format.js';
import { pickText } from '../../domain/runbooks/text.js';
import type { PostmortemReminder } from '../../usecases/postmortems/read-reminder.js';
import { escapeMrkdwn } from '../views/declare-modal.js';

/** The DM: which postmortem, when the meeting is, how ready it is and exactly what is missing. */
export function reminderText(reminder: PostmortemReminder): string {
  const { language } = reminder;
  const title = escapeMrkdwn(`${reminder.reference}: ${reminder.title}`);
  const meeting = `${formatTime(reminder.meetingAt, reminder.timeZone)} (${reminder.timeZone})`;
  const link = reminder.url ? `<${reminder.url}|${title}>` : `*${title}*`;
  const missing = reminder.missing.map((item) => `• ${escapeMrkdwn(`${pickText(item.label, language)}: ${pickText(item.reason, language)}`)}`);
  const head =
    language === 'ja'
      ? `ポストモーテム ${link} のレビュー会議は ${meeting} です。準備は ${reminder.percent}% で、次の項目が残っています:`
      : `The postmortem review of ${link} is at ${meeting}. It is ${reminder.percent}% ready; still missing:`;
  return [head, ...missing].join('\n');
}
