import type { Settings } from '../../config/settings.js';
import { knownFieldsOf } from '../../domain/fields/known-fields.js';
import { BUILT_IN_FIELDS } from '../../domain/runbooks/fields.js';
import type { RunbookContext } from '../../domain/runbooks/validate.js';

/** What a runbook is validated against: the configured severities and the fields it may write (the incident's own and the declared custom ones). */
export function runbookContext(settings: Settings): RunbookContext {
  return { severities: settings.severities, fields: { ...knownFieldsOf(settings.fields), ...BUILT_IN_FIELDS } };
}
