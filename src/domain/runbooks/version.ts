import { createHash } from 'node:crypto';
import type { RunbookDefinition } from './types.js';

/** A short fingerprint of a definition: equal for equal content, whatever the key order. */
export function runbookVersion(definition: RunbookDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex').slice(0, 16);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
