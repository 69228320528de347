import { describe, expect, it } from 'vitest';
import { clean, displayWidth, keyValues, table, truncate } from './output.js';

describe('terminal text', () => {
  it.each([
    ['ASCII', 'API down', 8],
    ['kanji and kana, two columns each', '決済APIの遅延', 13],
    ['fullwidth brackets', '（本番）', 8],
    ['halfwidth katakana, one column each', 'ｶﾞｲﾄﾞ', 5],
    ['a combining accent adds nothing', 'cafe\u0301', 4],
    ['an emoji', '🔥', 2],
    ['an emoji with presentation selector', '❤️', 2],
    ['an emoji joined with ZWJ', '👩‍💻', 2],
    ['control characters take no column', 'a\u001b', 1],
  ])('measures %s', (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('cuts a Japanese title at a column, never in the middle of a character', () => {
    expect(truncate('データベース接続エラー', 9)).toBe('データベ…');
    expect(truncate('データベース接続エラー', 8)).toBe('データ…');
    expect(displayWidth(truncate('データベース接続エラー', 10))).toBeLessThanOrEqual(10);
    expect(truncate('short', 10)).toBe('short');
  });

  it('aligns columns after wide titles and does not pad the last one', () => {
    expect(table(['REF', 'TITLE', 'SEV'], [['INC-1', '決済API', 'SEV1'], ['INC-22', 'db', 'SEV2']])).toBe(
      ['REF     TITLE    SEV', 'INC-1   決済API  SEV1', 'INC-22  db       SEV2'].join('\n'),
    );
  });

  it('indents the later lines of a multi-line value under the first', () => {
    expect(keyValues([['id', '1'], ['summary', 'a\nb']])).toBe('id:      1\nsummary: a\n         b');
  });

  it('keeps escape sequences from stored text away from the terminal', () => {
    expect(clean('title\u001b[2J\nnext')).toBe('title [2J next');
    expect(clean('line\u001b\nnext', { multiline: true })).toBe('line\nnext');
  });
});
