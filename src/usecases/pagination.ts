import { ValidationError } from '../errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

type FieldType = 'string' | 'number';
type Decoded<F extends Record<string, FieldType>> = { [K in keyof F]: F[K] extends 'number' ? number : string };

export function decodeCursor<F extends Record<string, FieldType>>(cursor: string, fields: F): Decoded<F> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>;
    const ok = Object.entries(fields).every(([field, type]) =>
      type === 'number' ? Number.isInteger(value[field]) : typeof value[field] === 'string',
    );
    if (ok) return value as Decoded<F>;
  } catch {
    // reported below
  }
  throw new ValidationError('cursor', 'is not a cursor this API returned');
}

/** Fetch one row more than asked: its presence says there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => Record<string, string | number>): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
