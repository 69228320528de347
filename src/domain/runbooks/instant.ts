const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A moment written as ISO 8601 with `Z` or an offset, as UTC ISO; undefined otherwise.
 * A time without an offset is refused: under pressure "10:05" means different moments
 * to people in Tokyo and in London. Impossible dates (February 30th) are refused too,
 * where `Date.parse` would roll them over.
 */
export function parseInstant(text: string): string | undefined {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const time = Date.parse(text.trim().replace(' ', 'T'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
