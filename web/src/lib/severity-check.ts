import type { FieldDefinition } from '../../../src/domain/fields/definition.js';
import { severityFactCatalog } from '../../../src/domain/severity/fact-catalog.js';
import { readSeverityPolicy, type PolicyReading } from '../../../src/domain/severity/read-policy.js';

export type SeverityEditorCheck = PolicyReading & { ok: boolean };

/**
 * The server's own policy reading, run in the browser as people type: the same problems,
 * lines and example outcomes the server gives when it loads the file or refuses a save,
 * against the same facts (the declared incident fields and Hikeshi's own).
 */
export function checkSeverityText(text: string, fields: readonly FieldDefinition[], severities: readonly string[]): SeverityEditorCheck {
  const reading = readSeverityPolicy(text, { catalog: severityFactCatalog(fields), severities });
  return { ...reading, ok: reading.problems.length === 0 };
}
