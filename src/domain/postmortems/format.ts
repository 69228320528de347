import { DateTime } from 'luxon';

/** `2026-12-01 19:05` in the given IANA zone; the zone is named once, in the table header. */
export function formatTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * Text from people made safe inside a Markdown table cell: a `|` would end the cell and
 * a line break the row. Backslashes are doubled first so `\|` written by someone stays text.
 */
export function tableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim() || ' ';
}

/** A table with a header row; every cell is escaped. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Text from people made safe on a Markdown line of its own: no accidental heading, list or quote. */
export function inlineText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/^([#>*+-]|\d+\.)(\s)/, '\\$1$2');
}
