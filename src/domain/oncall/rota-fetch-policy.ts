import { ValidationError } from '../../errors.js';

/**
 * How a rota source (a spreadsheet's "published as CSV" link) is checked: which URLs are
 * accepted, how they are shown, which conditional headers go out, what an answer means and
 * when the next check falls due. Pure; the download and the database live elsewhere.
 *
 * A published sheet's address is its credential (Google's carries a `2PACX-…` key in the
 * path), so a URL is only ever shown masked.
 */
export const ROTA_SYNC = {
  minIntervalMinutes: 5,
  maxIntervalMinutes: 24 * 60,
  defaultIntervalMinutes: 15,
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 30_000,
  /**
   * Download attempts of one periodic check (retried with the job runner's backoff: 1, 2,
   * 4 s); the last one records the failure. The job itself keeps the runner's default
   * attempts, so a database that is briefly away does not end the periodic chain.
   */
  downloadAttempts: 4,
  maxUrlLength: 2_048,
} as const;

/** An http(s) address, or ValidationError('url'). */
export function parseSourceUrl(text: string): URL {
  if (text.length > ROTA_SYNC.maxUrlLength) throw new ValidationError('url', `must be at most ${ROTA_SYNC.maxUrlLength} characters`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ValidationError('url', 'is not a URL (expected https://…)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError('url', `must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (!url.hostname) throw new ValidationError('url', 'has no host');
  return url;
}

export function checkIntervalMinutes(value: number | undefined): number {
  const minutes = value ?? ROTA_SYNC.defaultIntervalMinutes;
  if (!Number.isInteger(minutes) || minutes < ROTA_SYNC.minIntervalMinutes || minutes > ROTA_SYNC.maxIntervalMinutes) {
    throw new ValidationError('intervalMinutes', `must be a whole number of minutes from ${ROTA_SYNC.minIntervalMinutes} to ${ROTA_SYNC.maxIntervalMinutes}`);
  }
  return minutes;
}

/** A path segment this long is treated as a key (Google: `2PACX-1v…`, ~90 characters). */
const SECRET_SEGMENT_LENGTH = 16;
const KEPT_CHARACTERS = 4;

/**
 * The URL with its secrets hidden: no user or password, every query value and any long
 * path segment cut to its first characters, no fragment. Enough to recognise the sheet.
 */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '[not a URL]';
  }
  const path = url.pathname
    .split('/')
    .map((segment) => (segment.length >= SECRET_SEGMENT_LENGTH ? `${segment.slice(0, KEPT_CHARACTERS)}…` : segment))
    .join('/');
  const query = [...url.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=…`).join('&');
  const credentials = url.username || url.password ? '…@' : '';
  return `${url.protocol}//${credentials}${url.host}${path}${query ? `?${query}` : ''}`;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** If-None-Match / If-Modified-Since from the last applied file's answer. */
export function conditionalHeaders(validators: Validators | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

export type StatusClass = 'not_modified' | 'content' | 'transient' | 'refused';

/**
 * What an HTTP status (after redirects) means for a check: 304 unchanged, 2xx a file,
 * 408 / 425 / 429 / 5xx worth retrying, anything else (404 after the sheet was
 * unpublished, 403, 410, …) a refusal that the next periodic check tries again.
 */
export function classifyStatus(status: number): StatusClass {
  if (status === 304) return 'not_modified';
  if (status >= 200 && status < 300) return 'content';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  return 'refused';
}

const TEXT_TYPES = ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values', 'application/octet-stream', 'application/vnd.ms-excel'];

/** Why a Content-Type cannot be a CSV file (an HTML sign-in page, JSON, …), or null when it may be. */
export function contentTypeProblem(contentType: string | null): string | null {
  if (contentType === null || contentType.trim() === '') return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (TEXT_TYPES.includes(type)) return null;
  if (type === 'text/html') return 'the address answered with a web page (text/html), not CSV: is the sheet published as CSV?';
  return `the address answered with ${type}, not CSV`;
}

/** Seconds or an HTTP date in Retry-After, as milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The next periodic check: `intervalMinutes` after this one. */
export function nextCheckAt(checkedAt: Date, intervalMinutes: number): Date {
  return new Date(checkedAt.getTime() + intervalMinutes * 60_000);
}
