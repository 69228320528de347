/** Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
export const CHANNEL_NAME_MAX = 80;

/**
 * A channel name from the configured pattern (`inc-{number}-{slug}`). Slack refuses
 * characters outside a-z 0-9 - _, so the slug keeps the Latin letters and digits of the
 * title (NFKC folds full-width ＡＰＩ to API) and drops the rest: `決済APIの遅延` gives
 * `inc-12-api`, an all-Japanese title gives `inc-12`. The number keeps names unique.
 */
export function channelName(pattern: string, incident: { number: number; title: string; severity?: string }): string {
  const name = pattern
    .replaceAll('{number}', String(incident.number))
    .replaceAll('{slug}', slugify(incident.title))
    .replaceAll('{severity}', incident.severity ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return truncate(name || `inc-${incident.number}`);
}

export function slugify(title: string): string {
  return title
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: café → cafe
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function truncate(name: string): string {
  return name.length <= CHANNEL_NAME_MAX ? name : name.slice(0, CHANNEL_NAME_MAX).replace(/-+$/, '');
}

/** The next name to try when Slack answers `name_taken`: `inc-12-api` → `inc-12-api-2` → `-3`. */
export function alternativeName(name: string, attempt: number): string {
  const suffix = `-${attempt + 1}`;
  return `${name.slice(0, CHANNEL_NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}
