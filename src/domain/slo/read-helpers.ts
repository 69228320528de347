import type { YamlPath } from '../yaml/located-yaml.js';

/** Collects problems with the YAML path they are about; readers stop at the first broken field of a document. */
export class ProblemList {
  constructor(
    readonly items: Array<{ at: YamlPath; message: string; document?: number }> = [],
    private readonly document?: number,
  ) {}

  add(at: YamlPath, message: string): undefined {
    this.items.push({ at, message, ...(this.document === undefined ? {} : { document: this.document }) });
    return undefined;
  }

  /** The same list, for problems that lie in another document of the file (an SLO's referenced SLI). */
  inDocument(document: number): ProblemList {
    return new ProblemList(this.items, document);
  }
}

/** A problem in one document of a multi-document file. */
export interface DocumentProblem {
  document: number;
  at: YamlPath;
  message: string;
}

export function formatYamlPath(path: YamlPath): string {
  return path.reduce<string>((out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only: a document's `__proto__` or `constructor` key is never the prototype's. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function text(record: Record<string, unknown>, key: string, at: YamlPath, problems: ProblemList, options: { required?: boolean; max?: number } = {}): string | undefined {
  const value = own(record, key);
  if (value === undefined || value === null) return options.required ? problems.add([...at, key], 'is required') : undefined;
  if (typeof value !== 'string' || !value.trim()) return problems.add([...at, key], `must be a non-empty string (got ${JSON.stringify(value)})`);
  if (options.max !== undefined && value.length > options.max) return problems.add([...at, key], `must be at most ${options.max} characters`);
  return value.trim();
}

/** A duration like `300ms`, `2s` or `1m` in milliseconds. */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * ({ ms: 1, s: 1_000, m: 60_000 } as const)[match[2] as 'ms' | 's' | 'm'];
}

/** An objective written as a percentage must lie strictly between 0 and 100: 100 % leaves no budget. */
export function objectiveFromPercent(value: unknown, at: YamlPath, problems: ProblemList): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problems.add(at, `must be a percentage such as 99.9 (got ${JSON.stringify(value)})`);
  if (value >= 100) return problems.add(at, `must be below 100: ${value} % leaves no error budget`);
  if (value <= 0) return problems.add(at, `must be above 0 (got ${value})`);
  return fromPercent(value);
}

/** 99.9 → 0.999 exactly as written (plain division gives 0.9990000000000001). */
export function fromPercent(value: number): number {
  return Number((value / 100).toPrecision(12));
}

export const SLO_ID = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
