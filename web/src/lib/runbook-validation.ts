import { parse } from 'yaml';
import { BUILT_IN_FIELDS } from '../../../src/domain/runbooks/fields.js';
import { parseRunbookFile } from '../../../src/domain/runbooks/parse-file.js';
import type { RunbookProblem } from '../../../src/domain/runbooks/problems.js';
import type { FieldDefinition } from '../../../src/domain/fields/definition.js';
import { knownFieldsOf } from '../../../src/domain/fields/known-fields.js';
import type { RunbookDefinition } from '../api/types.js';

export interface EditorCheck {
  problems: RunbookProblem[];
  /** Present when the text has no error (warnings allowed): what Save would store. */
  runbook?: RunbookDefinition;
  /** The document as far as YAML could read it, for the outline; undefined on a syntax error. */
  document: unknown;
}

/**
 * The server's own file checks, run in the browser as people type: the same messages,
 * lines and field paths the server gives when it loads a file or refuses a save, against
 * the same fields (the incident's own and the custom fields the settings file declares).
 */
export function checkRunbookText(text: string, severities: readonly string[], fields: readonly FieldDefinition[]): EditorCheck {
  const result = parseRunbookFile(text, 'editor', { severities: [...severities], fields: { ...knownFieldsOf(fields), ...BUILT_IN_FIELDS } });
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    document = undefined;
  }
  return { problems: result.problems, ...(result.runbook ? { runbook: result.runbook } : {}), document };
}

/** The character offset where a 1-based line starts, for jumping the editor's caret there. */
export function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}
