/** Text for terminals: widths that hold for Japanese, no control characters from stored data. */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** East Asian Wide and Fullwidth ranges (UAX #11), plus emoji: two terminal columns each. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x2614, 0x2615],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];

function graphemeWidth(grapheme: string): number {
  const first = grapheme.codePointAt(0)!;
  // An emoji sequence (❤️, 👩‍💻) is one picture two columns wide.
  if (grapheme.includes('\ufe0f') || (first >= 0x1f300 && first <= 0x1faff)) return 2;
  let width = 0;
  for (const char of grapheme) width += codePointWidth(char);
  return width;
}

/** Per code point, as terminals draw them: a halfwidth ﾞ after ｶ takes its own column. */
function codePointWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || ZERO_WIDTH.test(char)) return 0;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** Cuts to at most `max` columns, ending with `…` when something was cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = graphemeWidth(segment);
    if (width + w > max - 1) break;
    out += segment;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Stored text may hold anything; a terminal must not receive escape sequences from it. */
export function clean(text: string, { multiline = false } = {}): string {
  const controls = multiline ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g;
  return text.replace(controls, multiline ? '' : ' ');
}

/** Columns separated by two spaces; the last column is not padded. */
export function table(headers: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  const all = headers ? [headers, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return all
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

/** `key: value` lines with the values aligned; later lines of a value are indented to match. */
export function keyValues(pairs: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...pairs.map(([key]) => displayWidth(key))) + 2;
  return pairs
    .map(([key, value]) => padEnd(`${key}:`, width) + value.split('\n').join(`\n${' '.repeat(width)}`))
    .join('\n');
}

/** `2026-01-01T09:00:00.000Z` → `2026-01-01 09:00:00Z`: UTC, so the record reads the same everywhere. */
export function formatTime(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
