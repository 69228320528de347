/** One CSV record and the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** Set when a quoted field is never closed: everything from `line` on is unreliable. */
  unterminatedQuoteAt: number | null;
}

/**
 * RFC 4180 CSV: comma-separated; a field in double quotes may hold commas, line breaks and
 * doubled quotes (`""`). Accepts a leading byte-order mark and CRLF, LF or CR line ends.
 * Lenient where spreadsheets are: a quote inside an unquoted field, or text after a closing
 * quote, is kept as text. Lines that are entirely empty are skipped.
 */
export function parseCsv(text: string): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  let quoteLine = 0;
  let sawAnything = false;

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (sawAnything) records.push({ line: recordLine, fields });
    fields = [];
    sawAnything = false;
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      sawAnything = true;
    } else if (c === ',') {
      endField();
      sawAnything = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      sawAnything = true;
    }
  }
  if (quoted) return { records, unterminatedQuoteAt: quoteLine };
  endRecord();
  return { records, unterminatedQuoteAt: null };
}

