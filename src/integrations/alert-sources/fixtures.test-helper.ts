import { readFileSync } from 'node:fs';
import type { IntegrationKind } from '../../domain/alerts/alert.js';
import type { ParseContext } from './source.js';

/** A real payload from test/fixtures/alert-sources/<kind>/<name>.json. */
export function fixture(kind: IntegrationKind, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../test/fixtures/alert-sources/${kind}/${name}.json`, import.meta.url), 'utf8'));
}

export const context: ParseContext = { receivedAt: '2026-11-20T09:00:00.000Z', newKey: () => 'generated-key' };
