import { DateTime } from 'luxon';

/**
 * The Slack texts sent at a handoff (issue 4 (3)), in Slack mrkdwn. Slack texts are English
 * throughout Hikeshi (see src/slack/oncall/answer-text.ts). Names are escaped; people are
 * mentioned only where they should be notified.
 */

export interface NoticePerson {
  name: string;
  slackUserId: string | null;
}

export interface NoticeShift {
  scheduleName: string;
  timeZone: string;
  /** When this shift ends (the next handoff), or null when none is planned. */
  until: string | null;
}

/** The schedule's user group, when it syncs one. */
export interface NoticeGroup {
  handle: string;
  usergroupId: string | null;
}

export interface IncomingNotice extends NoticeShift {
  group: NoticeGroup | null;
  /** Slack keeps guests out of user groups: they are told how people reach them instead. */
  guest: boolean;
  /** How to ask the app, e.g. `@hikeshi oncall`. */
  askWith: string;
}

/** To the person whose shift starts now. */
export function incomingNoticeText(notice: IncomingNotice): string {
  const lines = [`:wave: Your on-call shift on *${escape(notice.scheduleName)}* starts now${untilText(notice)}.`];
  const ask = `\`${notice.askWith} ${escape(notice.scheduleName)}\``;
  if (notice.guest) {
    const group = notice.group ? `, so you are not in @${notice.group.handle}` : '';
    lines.push(`Slack keeps guests out of user groups${group}: people reach you by mentioning the app, ${ask}, which answers with a mention of you.`);
  } else if (notice.group) {
    lines.push(`People reach you with ${groupMention(notice.group)}, which Hikeshi keeps set to the people on call, or with ${ask}.`);
  }
  return lines.join('\n');
}

/** In the channel, when a guest takes over a schedule that syncs a user group. */
export function guestOnCallChannelText(notice: NoticeShift & { person: NoticePerson; group: NoticeGroup; askWith: string }): string {
  return [
    `:information_source: ${who(notice.person)} is on call for *${escape(notice.scheduleName)}* from now${untilText(notice)}.`,
    `Slack keeps guests out of user groups, so @${notice.group.handle} still reaches its last member; to reach ${who(notice.person)}, mention the app: \`${notice.askWith} ${escape(notice.scheduleName)}\`.`,
  ].join('\n');
}

export interface OpenIncidentLine {
  reference: string;
  title: string;
  severity: string;
  status: string;
}

export interface OpenPageLine {
  title: string;
  status: string;
  createdAt: string;
}

export interface OutgoingNotice {
  scheduleName: string;
  timeZone: string;
  /** Who is on call now; null in a gap. */
  next: NoticePerson | null;
  incidents: readonly OpenIncidentLine[];
  /** Open pages that notified the person; null when Hikeshi has no paging to ask. */
  pages: readonly OpenPageLine[] | null;
}

/** Incidents and pages listed in full; past this, how many more there are. */
export const MAX_NOTICE_ITEMS = 10;

/** To the person whose shift just ended: who has it now, and what is still open. */
export function outgoingNoticeText(notice: OutgoingNotice): string {
  const next = notice.next ? `${who(notice.next)} is on call now` : 'nobody is on call now (a gap in the schedule)';
  const lines = [`:checkered_flag: Your on-call shift on *${escape(notice.scheduleName)}* has ended; ${next}.`];
  lines.push(
    ...section(
      'Open incidents',
      notice.incidents.map((i) => `${i.reference} · ${i.severity} · ${i.status} — ${escape(i.title)}`),
      'No open incidents.',
    ),
  );
  if (notice.pages) {
    lines.push(
      ...section(
        'Open pages that notified you',
        notice.pages.map((p) => `${escape(p.title)} · ${p.status} · since ${localTime(p.createdAt, notice.timeZone)}`),
        'No open pages notified you.',
      ),
    );
  }
  return lines.join('\n');
}

function section(title: string, items: readonly string[], none: string): string[] {
  if (!items.length) return [none];
  const more = items.length - MAX_NOTICE_ITEMS;
  return [
    `*${title} (${items.length}):*`,
    ...items.slice(0, MAX_NOTICE_ITEMS).map((line) => `• ${line}`),
    ...(more > 0 ? [`…and ${more} more.`] : []),
  ];
}

function untilText(shift: NoticeShift): string {
  return shift.until ? ` until ${localTime(shift.until, shift.timeZone)} (${shift.timeZone})` : ' (no handoff is planned after it yet)';
}

/** `Mon 7 Dec 2026, 09:00` in the schedule's zone: the wall clock the rota is written in. */
export function localTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm', { locale: 'en-GB' });
}

function groupMention(group: NoticeGroup): string {
  return group.usergroupId ? `<!subteam^${group.usergroupId}|@${group.handle}>` : `@${group.handle}`;
}

function who(person: NoticePerson): string {
  return person.slackUserId ? `<@${person.slackUserId}>` : escape(person.name);
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
