import type { Alert } from './alert.js';

/** Cuts text to `max` characters (code points), marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const PAGE_MESSAGE_MAX = 500;
const PAGE_DETAILS_MAX = 10_000;
const INCIDENT_TITLE_MAX = 200;

type Described = Pick<Alert, 'number' | 'title' | 'summary' | 'severity' | 'labels' | 'source'>;

/** `[critical] Disk full on db-1` — what the on-call reads first. */
export function pageMessageFor(alert: Described): string {
  return clip(`[${alert.severity}] ${alert.title}`, PAGE_MESSAGE_MAX);
}

/** The summary, then the labels one per line, then where it came from. */
export function pageDetailsFor(alert: Described): string {
  const labels = Object.entries(alert.labels).map(([key, value]) => `${key}=${value}`);
  const parts = [alert.summary.trim(), labels.join('\n'), `Alert #${alert.number} from ${alert.source}`].filter((part) => part.length > 0);
  return clip(parts.join('\n\n'), PAGE_DETAILS_MAX);
}

export function incidentTitleFor(alert: Described): string {
  return clip(alert.title, INCIDENT_TITLE_MAX) || `Alert #${alert.number}`;
}
