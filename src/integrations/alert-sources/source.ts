import type { Static, TSchema } from 'typebox';
import type { AlertEvent, IntegrationKind } from '../../domain/alerts/alert.js';

/** What a parser may use besides the payload: it stays pure (no clock, no randomness of its own). */
export interface ParseContext {
  /** When Hikeshi received the request (ISO 8601), the fallback for a missing source time. */
  receivedAt: string;
  /** A fresh dedup key, for a PagerDuty trigger that carries none. */
  newKey: () => string;
}

/** One monitor's payload format: its schema and the pure mapping to alert events. */
export interface AlertSource<Schema extends TSchema = TSchema> {
  kind: IntegrationKind;
  schema: Schema;
  /** For a union schema: the one member to name errors against, chosen by the body's shape. */
  explainWith?: (body: unknown) => TSchema;
  /** Checks the schema cannot express (one of two fields present), naming the field. */
  check?: (payload: Static<Schema>) => { field: string; reason: string } | undefined;
  toAlertEvents(payload: Static<Schema>, context: ParseContext): AlertEvent[];
}

/** Alertmanager sends `0001-01-01T00:00:00Z` for "not ended": no time at all. */
export function sourceTime(value: string | undefined, fallback: string): string {
  if (!value || value.startsWith('0001-')) return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

/** Keeps string values only: labels and annotations are text by convention. */
export function textRecord(value: Record<string, unknown> | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!value) return record;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') record[key] = item;
    else if (typeof item === 'number' || typeof item === 'boolean') record[key] = String(item);
  }
  return record;
}
