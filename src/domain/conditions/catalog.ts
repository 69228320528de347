import { parseFieldPath } from './field-path.js';
import type { FieldCatalog, FieldSpec } from './types.js';

/**
 * A catalog from a table of field paths. A key ending in `.*` stands for any one further
 * segment: `alert.labels.*` answers `alert.labels.env` and `alert.labels["k8s.io/app"]`.
 */
export function fieldCatalog(entries: Readonly<Record<string, FieldSpec>>): FieldCatalog {
  const exact = new Map<string, FieldSpec>();
  const wildcards = new Map<string, FieldSpec>();
  for (const [key, spec] of Object.entries(entries)) {
    if (key.endsWith('.*')) wildcards.set(key.slice(0, -2), spec);
    else exact.set(key, spec);
  }
  return (field) => {
    const segments = parseFieldPath(field);
    if (!segments) return undefined;
    const direct = exact.get(segments.join('.'));
    if (direct && segments.every((segment) => !segment.includes('.'))) return direct;
    if (segments.length < 2) return undefined;
    return wildcards.get(segments.slice(0, -1).join('.'));
  };
}
