import { RE2JS } from 're2js';

/** Patterns are RE2 (linear time, no backtracking), so a rule cannot stall evaluation. */
export const REGEX_MAX = 256;

const CACHE_MAX = 1000;
const compiled = new Map<string, RE2JS>();

/** Compiles (once) or answers the reason the pattern is refused. */
export function compileRegex(pattern: string): { regex?: RE2JS; error?: string } {
  if (pattern.length > REGEX_MAX) return { error: `a pattern may be at most ${REGEX_MAX} characters` };
  const cached = compiled.get(pattern);
  if (cached) return { regex: cached };
  try {
    const regex = RE2JS.compile(pattern);
    if (compiled.size >= CACHE_MAX) compiled.clear();
    compiled.set(pattern, regex);
    return { regex };
  } catch (error) {
    return { error: `not an RE2 pattern: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** True when the pattern matches anywhere in the text; a refused pattern matches nothing. */
export function regexFinds(pattern: string, text: string): boolean {
  return compileRegex(pattern).regex?.test(text) ?? false;
}
