import { ValidationError } from '../../errors.js';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 20_000;
export const TAG_MAX = 64;
export const TAGS_MAX = 30;

export function validTitle(title: string, field = 'title'): string {
  const trimmed = title.trim();
  if (!trimmed) throw new ValidationError(field, 'must not be empty');
  if ([...trimmed].length > TITLE_MAX) throw new ValidationError(field, `must be at most ${TITLE_MAX} characters`);
  return trimmed;
}

export function validSummary(summary: string): string {
  if ([...summary].length > SUMMARY_MAX) {
    throw new ValidationError('summary', `must be at most ${SUMMARY_MAX} characters`);
  }
  return summary;
}

export function validSeverity(severity: string, severities: readonly string[]): string {
  if (!severities.includes(severity)) {
    throw new ValidationError('severity', `must be one of ${severities.join(', ')} (got "${severity}")`);
  }
  return severity;
}

export function validTags(tags: readonly string[]): string[] {
  if (tags.length > TAGS_MAX) throw new ValidationError('tags', `at most ${TAGS_MAX} tags`);
  const seen = new Set<string>();
  tags.forEach((raw, index) => {
    const tag = raw.trim();
    if (!tag) throw new ValidationError(`tags[${index}]`, 'must not be empty');
    if ([...tag].length > TAG_MAX) throw new ValidationError(`tags[${index}]`, `must be at most ${TAG_MAX} characters`);
    seen.add(tag);
  });
  return [...seen];
}

/** Severities are listed worst first; the default for a new incident is the mildest. */
export function defaultSeverity(severities: readonly string[]): string {
  const mildest = severities[severities.length - 1];
  if (!mildest) throw new ValidationError('severities', 'at least one severity must be configured');
  return mildest;
}
