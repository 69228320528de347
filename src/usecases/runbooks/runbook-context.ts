import type { Settings } from '../../config/settings.js';
import { BUILT_IN_FIELDS } from '../../domain/runbooks/fields.js';
import type { RunbookContext } from '../../domain/runbooks/validate.js';
import type { KnownFields } from '../../domain/runbooks/types.js';

/**
 * The impact figures runbooks record before the settings file can declare custom fields
 * (issue 7). The incident has no column for them: a run stores them in its answers and on
 * the timeline (`runbook.field_recorded`), which the postmortem reads.
 */
export const RECORDED_FIELDS: KnownFields = {
  cs_inquiries: { type: 'number' },
  affected_users: { type: 'number' },
};

/** What a runbook is validated against: the configured severities and the fields it may write. */
export function runbookContext(settings: Settings): RunbookContext {
  return { severities: settings.severities, fields: { ...BUILT_IN_FIELDS, ...RECORDED_FIELDS } };
}
