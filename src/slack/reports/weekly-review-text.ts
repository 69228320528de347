import { formatDuration } from '../../domain/postmortems/durations.js';
import { REPORT_LABELS } from '../../domain/reports/labels.js';
import { percent, scopeName } from '../../domain/reports/markdown.js';
import type { WeeklyReview } from '../../domain/reports/weekly-review.js';
import { escapeText } from '../blocks/text.js';

const STATUS_EMOJI = { healthy: ':large_green_circle:', at_risk: ':large_yellow_circle:', exhausted: ':red_circle:', no_data: ':white_circle:' } as const;

/** The weekly review as one Slack message (mrkdwn): the headline figures and a link to the page. */
export function weeklyReviewText(review: WeeklyReview, url: string | null): string {
  const l = REPORT_LABELS.en;
  const title = `*${l.title} ${review.week} — ${escapeText(scopeName(review.scope, l))}*`;
  const slos = review.slos.length
    ? review.slos.map((row) => `${STATUS_EMOJI[row.status]} ${escapeText(row.name)}: ${l.budgetLeft.toLowerCase()} ${percent(row.budgetRemaining, 1, l.noData)}, ${l.burntThisWeek.toLowerCase()} ${percent(row.burntThisWeek, 1, l.noData)}`)
    : [l.noSlos];
  const burners = review.attribution.flatMap((a) => a.incidents.filter((i) => i.bad > 0).map((i) => `${i.reference} ${percent(i.share, 1, l.noData)} of ${escapeText(a.sloId)}${i.postmortemRequired ? ` (${l.postmortemRequired})` : ''}`));
  const unattributed = review.attribution.filter((a) => a.unattributed.bad > 0).map((a) => `${l.unattributed}: ${percent(a.unattributed.share, 1, l.noData)} of ${escapeText(a.sloId)}`);
  const counts = Object.entries(review.incidents.declaredBySeverity).map(([severity, n]) => `${severity} ${n}`).join(' · ');
  const d = review.incidents.durations;
  const stat = (s: typeof d.timeToMitigate) => (s.n ? `p50 ${formatDuration(s.p50!)}, p90 ${formatDuration(s.p90!)} (n=${s.n})` : l.noData);
  const p = review.paging.interruptions;
  const lines = [
    title,
    `*${l.sloStatus}*`,
    ...slos,
    ...(burners.length || unattributed.length ? [`*${l.attribution}*`, ...burners, ...unattributed] : []),
    `*${l.incidents}*: ${review.noData.incidents ? l.noIncidents : counts}`,
    `${l.timeToAcknowledge}: ${stat(d.timeToAcknowledge)} · ${l.timeToMitigate}: ${stat(d.timeToMitigate)}`,
    `*${l.paging}*: ${review.noData.paging ? l.noPages : `${l.business} ${p.business} · ${l.off} ${p.off} · ${l.sleep} ${p.sleep}`}`,
    `*${l.followUps}*: ${l.opened} ${review.followUps.opened} · ${l.closed} ${review.followUps.closed} · ${l.overdue} ${review.followUps.overdue}`,
    `*${l.postmortemsDue}*: ${review.postmortemsDue.count ? review.postmortemsDue.items.map((i) => i.reference).slice(0, 10).join(', ') : l.none}`,
    ...(url ? [`<${url}|Open the weekly review>`] : []),
  ];
  return lines.join('\n');
}
