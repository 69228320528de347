import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv (RFC 4180)', () => {
  it.each<[string, string, [number, string[]][]]>([
    ['plain rows with LF', 'a,b\n1,2\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['CRLF line ends', 'a,b\r\n1,2\r\n', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['old Mac CR line ends', 'a,b\r1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['no newline at the end', 'a,b\n1,2', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['a byte-order mark before the header', '\uFEFFdate,primary\n2025-01-01,ann', [[1, ['date', 'primary']], [2, ['2025-01-01', 'ann']]]],
    ['a comma inside quotes', 'name\n"Smith, Jane"', [[1, ['name']], [2, ['Smith, Jane']]]],
    ['doubled quotes inside quotes', 'name\n"Jane ""JJ"" Smith"', [[1, ['name']], [2, ['Jane "JJ" Smith']]]],
    ['a newline inside quotes (the next record\'s line number counts it)', 'a,b\n"line one\nline two",x\ny,z', [[1, ['a', 'b']], [2, ['line one\nline two', 'x']], [4, ['y', 'z']]]],
    ['a CRLF inside quotes is kept verbatim', 'a\r\n"1\r\n2"\r\nz', [[1, ['a']], [2, ['1\r\n2']], [4, ['z']]]],
    ['empty fields, quoted and not', 'a,b,c\n,"",', [[1, ['a', 'b', 'c']], [2, ['', '', '']]]],
    ['blank lines are skipped but still counted', 'a\n\n1\n\r\n2', [[1, ['a']], [3, ['1']], [5, ['2']]]],
    ['a stray quote inside an unquoted field is text', 'a\n5" display', [[1, ['a']], [2, ['5" display']]]],
    ['text after a closing quote is kept', 'a\n"x"y', [[1, ['a']], [2, ['xy']]]],
    ['spaces around fields are kept (the mapper trims)', 'a, b \n', [[1, ['a', ' b ']]]],
    ['an empty file', '', []],
  ])('%s', (_case, text, expected) => {
    const result = parseCsv(text);
    expect(result.unterminatedQuoteAt).toBeNull();
    expect(result.records.map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it('reports a quote that is never closed, with the line it opened on', () => {
    const result = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(result.unterminatedQuoteAt).toBe(3);
    expect(result.records.map((r) => r.line)).toEqual([1, 2]);
  });
});
