/** A place in a runbook document: `['steps', 3, 'type']`. */
export type DocumentPath = ReadonlyArray<string | number>;

/**
 * One thing wrong with a runbook. Errors refuse the runbook; warnings (an unreachable
 * step) are shown but do not. `line`/`column` (1-based) are there when it came from a file.
 */
export interface RunbookProblem {
  level: 'error' | 'warning';
  /** `steps[3].type`; empty for the document as a whole (a YAML syntax error, not a map). */
  path: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** `first-response.yaml:14:7 steps[3].type: unknown step type "aks" (...)`. */
export function formatProblem(problem: RunbookProblem): string {
  const place = problem.file
    ? `${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''} `
    : '';
  const prefix = problem.level === 'warning' ? 'warning: ' : '';
  return `${place}${prefix}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

export function formatPath(path: DocumentPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** Collects every problem of a document, each with the path it is about. */
export class ProblemList {
  readonly items: Array<{ level: 'error' | 'warning'; at: DocumentPath; message: string }> = [];

  error(at: DocumentPath, message: string): void {
    this.items.push({ level: 'error', at, message });
  }

  warn(at: DocumentPath, message: string): void {
    this.items.push({ level: 'warning', at, message });
  }

  get hasErrors(): boolean {
    return this.items.some((item) => item.level === 'error');
  }
}

export function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}
