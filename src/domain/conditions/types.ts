/**
 * The condition language: plain data (`all` / `any` / `not` over `{field, op, value}` leaves),
 * read and checked against a field catalog before use, evaluated with own-property lookups only.
 * Used by severity rules and by alert routing rules. No Node-only imports: the web app runs it too.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ConditionLeaf;

export interface ConditionLeaf {
  field: string;
  op: ConditionOp;
  value?: unknown;
}

export const CONDITION_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'starts_with',
  'matches',
  'exists',
  'sev_gte',
  'sev_lte',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export type FieldType = 'number' | 'boolean' | 'text' | 'choice' | 'user' | 'severity' | 'list' | 'time';

export interface FieldSpec {
  type: FieldType;
  choices?: string[];
}

/** Answers what a field path names; handles wildcards such as `alert.labels.*`. */
export type FieldCatalog = (field: string) => FieldSpec | undefined;

/** `path` names the place in the input, like `rules[2].when.all[1].value`. */
export interface Problem {
  path: string;
  message: string;
}

/** One leaf that decided a match: what it asked for and what the facts held. */
export interface Evidence {
  field: string;
  op: ConditionOp;
  expected: unknown;
  actual: unknown;
  /** Set when the leaf sits under a `not`: the match came from it being false. */
  negated?: boolean;
}

/** Nested plain objects; read through own properties only. */
export type Facts = Readonly<Record<string, unknown>>;

export interface ConditionReading {
  condition?: Condition;
  problems: Problem[];
}

export interface ConditionResult {
  matched: boolean;
  evidence: Evidence[];
}
