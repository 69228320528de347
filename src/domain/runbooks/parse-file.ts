import { LineCounter, parseDocument } from 'yaml';
import { offsetOf } from '../yaml/located-yaml.js';
import type { DocumentPath, RunbookProblem } from './problems.js';
import { formatPath } from './problems.js';
import { type RunbookContext, type RunbookValidation, checkRunbook } from './validate.js';

/**
 * Parses and validates a runbook file. Every problem names the file, the line and column
 * of the field it is about (the nearest enclosing one when the field is missing) and its path.
 */
export function parseRunbookFile(text: string, file: string, ctx: RunbookContext): RunbookValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { level: 'error', path: '', message: `YAML: ${error.message.split('\n')[0]}`, file, line: position.line, column: position.col };
      }),
    };
  }
  const { runbook, problems } = checkRunbook(doc.toJS({ maxAliasCount: 100 }), ctx);
  const located = problems.items.map((item): RunbookProblem => {
    const offset = offsetOf(doc, item.at);
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    return {
      level: item.level,
      path: formatPath(item.at),
      message: item.message,
      file,
      ...(position ? { line: position.line, column: position.col } : {}),
    };
  });
  // In reading order, as an editor shows them.
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ...(runbook ? { runbook } : {}), problems: located };
}
