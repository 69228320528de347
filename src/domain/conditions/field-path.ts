/**
 * Field paths: dotted names, with bracketed quoted segments for keys that hold dots or slashes,
 * e.g. `alert.labels["k8s.io/app"]`. Lookups go through own properties of plain objects only.
 */

/** Segments that could reach an object's prototype; refused wherever a path is read. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const FIELD_PATH_MAX = 256;

const BARE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Splits a path into its segments; `undefined` when it is not well formed. */
export function parseFieldPath(path: string): string[] | undefined {
  if (path.length === 0 || path.length > FIELD_PATH_MAX) return undefined;
  const segments: string[] = [];
  let rest = path;
  let expectSegment = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const quoted = readQuoted(rest.slice(1));
      if (!quoted || !quoted.rest.startsWith(']') || quoted.value.length === 0) return undefined;
      segments.push(quoted.value);
      rest = quoted.rest.slice(1);
      expectSegment = false;
    } else if (expectSegment) {
      const bare = BARE_SEGMENT.exec(rest);
      if (!bare) return undefined;
      segments.push(bare[0]);
      rest = rest.slice(bare[0].length);
      expectSegment = false;
    } else if (rest.startsWith('.')) {
      rest = rest.slice(1);
      expectSegment = true;
      if (rest.length === 0) return undefined;
    } else {
      return undefined;
    }
  }
  return segments;
}

function readQuoted(text: string): { value: string; rest: string } | undefined {
  const quote = text[0];
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let i = 1; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 1;
    } else if (char === quote) {
      return { value, rest: text.slice(i + 1) };
    } else {
      value += char;
    }
  }
  return undefined;
}

/** The segment that may not be used, if any. */
export function forbiddenSegment(segments: readonly string[]): string | undefined {
  return segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
}

/** Walks own properties of plain objects; anything else (a prototype, an array index, a missing key) is `undefined`. */
export function lookupFact(facts: unknown, segments: readonly string[]): unknown {
  let current: unknown = facts;
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment) || !isPlainRecord(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
