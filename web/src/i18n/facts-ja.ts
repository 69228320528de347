import type { factsEn } from './facts-en.js';

/** インシデントの「事実」パネルの日本語文言（ja.ts に展開される）。キーは facts-en.ts と一致させること。 */
export const factsJa: Record<keyof typeof factsEn, string> = {
  'facts.title': '事実',
  'facts.yes': 'はい',
  'facts.no': 'いいえ',
  'facts.unknown': '—',
  'facts.addInquiry': '問い合わせ +1',
};
