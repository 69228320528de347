import { fail } from './errors.js';

/** Arguments of one call: query string, form fields (always strings) or a JSON body (any type). */
export type Args = Record<string, unknown>;

export function str(args: Args, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A required string argument; `missing_argument` (or the given error) when absent or empty. */
export function need(args: Args, key: string, error = 'missing_argument'): string {
  const value = str(args, key);
  if (value === undefined || value === '') fail(error);
  return value;
}

export function bool(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

export function int(args: Args, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  return Number.isFinite(n) ? n : undefined;
}

/** A comma-separated list (form) or an array (JSON); blanks dropped, duplicates kept out. */
export function list(args: Args, key: string): string[] {
  const value = args[key];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return [...new Set(items.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** A JSON argument: form bodies carry it as a JSON string, JSON bodies as a value. */
export function json(args: Args, key: string, error: string): unknown {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return fail(error);
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** Slack cursor pagination: an opaque base64 cursor, `next_cursor: ''` on the last page. */
export function paginate<T>(items: readonly T[], args: Args, defaultLimit: number): Page<T> {
  const cursor = str(args, 'cursor');
  let offset = 0;
  if (cursor) {
    const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) fail('invalid_cursor');
    offset = Number(match[1]);
    if (offset > items.length) fail('invalid_cursor');
  }
  const requested = int(args, 'limit') ?? 0;
  const limit = Math.min(requested > 0 ? requested : defaultLimit, 1000);
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    nextCursor: end < items.length ? Buffer.from(`offset:${end}`).toString('base64') : '',
  };
}
