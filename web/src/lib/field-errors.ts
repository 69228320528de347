import { ApiError } from '../api/client.js';

/**
 * Places a 4xx problem's message next to the input it names (`end`,
 * `levels[1].targets[0].id`). The server writes the detail as "field: reason".
 */
export function fieldMessage(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError) || error.field !== field) return null;
  const detail = error.detail ?? error.title;
  return detail.startsWith(`${field}: `) ? detail.slice(field.length + 2) : detail;
}

/** The error unless one of `placed` shows it next to its field. */
export function unplacedError(error: unknown, placed: (field: string) => boolean): unknown {
  return error instanceof ApiError && error.field && placed(error.field) ? null : error;
}

/** The field a 4xx problem names, if any. */
export function errorField(error: unknown): string | undefined {
  return error instanceof ApiError ? error.field : undefined;
}
