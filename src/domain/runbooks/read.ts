import type { DocumentPath, ProblemList } from './problems.js';
import { quote } from './problems.js';
import { LANGUAGES, type LocalizedText } from './types.js';

export const TEXT_MAX = 4_000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses keys the format does not know, so a typo (`writeTo`) is not silently ignored. */
export function checkKeys(value: Record<string, unknown>, allowed: readonly string[], at: DocumentPath, problems: ProblemList): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.error([...at, key], `is not a known field (expected one of ${allowed.join(', ')})`);
  }
}

export function readId(value: unknown, at: DocumentPath, problems: ProblemList): string | undefined {
  if (value === undefined || value === null) {
    problems.error(at, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    problems.error(at, `must be 1 to 64 letters, digits, "-" or "_", starting with a letter or digit (got ${quote(value)})`);
    return undefined;
  }
  return value;
}

export function readString(value: unknown, at: DocumentPath, problems: ProblemList, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) problems.error(at, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || !value.trim()) {
    problems.error(at, `must be a non-empty string (got ${quote(value)})`);
    return undefined;
  }
  if ([...value].length > TEXT_MAX) {
    problems.error(at, `must be at most ${TEXT_MAX} characters`);
    return undefined;
  }
  return value.trim();
}

/** A plain string (English) or `{en, ja}` with at least one of them. */
export function readLocalized(value: unknown, at: DocumentPath, problems: ProblemList, required: boolean): LocalizedText | undefined {
  if (value === undefined || value === null) {
    if (required) problems.error(at, 'is required');
    return undefined;
  }
  if (typeof value === 'string') {
    const en = readString(value, at, problems, true);
    return en === undefined ? undefined : { en };
  }
  if (!isRecord(value)) {
    problems.error(at, `must be a string or {en, ja} (got ${quote(value)})`);
    return undefined;
  }
  checkKeys(value, LANGUAGES, at, problems);
  const text: LocalizedText = {};
  for (const language of LANGUAGES) {
    const translation = readString(value[language], [...at, language], problems, false);
    if (translation !== undefined) text[language] = translation;
  }
  if (text.en === undefined && text.ja === undefined && LANGUAGES.every((l) => value[l] === undefined)) {
    problems.error(at, 'must give at least one of en, ja');
    return undefined;
  }
  return text;
}

export function readBoolean(value: unknown, at: DocumentPath, problems: ProblemList, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    problems.error(at, `must be true or false (got ${quote(value)})`);
    return fallback;
  }
  return value;
}

export function readNumber(value: unknown, at: DocumentPath, problems: ProblemList): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.error(at, `must be a number (got ${quote(value)})`);
    return undefined;
  }
  return value;
}

export function readOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  at: DocumentPath,
  problems: ProblemList,
  what: string,
): T | undefined {
  if (value === undefined || value === null) {
    problems.error(at, `is required (one of ${allowed.join(', ')})`);
    return undefined;
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.error(at, `unknown ${what} ${quote(value)} (expected ${allowed.join(', ')})`);
    return undefined;
  }
  return value as T;
}

