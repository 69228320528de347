import type { factsEn } from './facts-en.js';

/** インシデントの「事実」パネルの日本語文言（ja.ts に展開される）。キーは facts-en.ts と一致させること。 */
export const factsJa: Record<keyof typeof factsEn, string> = {
  'timeline.severityProposed': '{actor} が重大度を {from} から {to} に変更することを提案しました',
  'timeline.severityProposalDismissed': '{actor} が提案された {to} を採用せず、重大度をそのままにしました',
  'timeline.severityProposalWithdrawn': '事実が元に戻ったため、{actor} が {to} の提案を取り下げました',
  'timeline.inquiryRecorded': '{actor} がお客様からの問い合わせを記録しました（計 {count} 件）',
  'facts.title': '事実',
  'facts.yes': 'はい',
  'facts.no': 'いいえ',
  'facts.unknown': '—',
  'proposal.title.milder': '重大度ポリシーがより軽い重大度を提案しています',
  'proposal.title.person_set': '重大度ポリシーが、人が設定した重大度と異なる判定をしています',
  'proposal.title.worse_needs_confirmation': '重大度ポリシーがより重い重大度を提案しています',
  'proposal.rules': 'ルール: {rules}',
  'proposal.confirm': '{severity} に変更',
  'proposal.dismiss': '現在の重大度のままにする',
  'facts.addInquiry': '問い合わせ +1',
};
