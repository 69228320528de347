import type { sloBudgetEn } from './slo-budget-en.js';

/** インシデントのエラーバジェットパネルの日本語文言（ja.ts に展開される）。キーは slo-budget-en.ts と一致させること。 */
export const sloBudgetJa: Record<keyof typeof sloBudgetEn, string> = {
  'sloBudget.title': 'エラーバジェット',
  'sloBudget.postmortemRequired': 'ポストモーテム必須',
  'sloBudget.requiredHint': 'このインシデントで、あるSLOがエラーバジェットの{threshold}以上を消費しました（エラーバジェットポリシー）。',
  'sloBudget.window.rolling': '{days}日間ウィンドウ',
  'sloBudget.window.week': '暦週',
  'sloBudget.window.month': '暦月',
  'sloBudget.events': 'エラー {budget} 件中 {bad} 件',
  'sloBudget.minutes': '不良 {budget} 分中 {bad} 分',
  'sloBudget.estimated': '推定値',
  'sloBudget.estimatedHint': 'このSLOはインシデントからの推定値で、計測値ではありません。',
  'sloBudget.fallback': '代替期間',
  'sloBudget.fallbackHint': '影響開始または緩和の時刻が未記録のため、宣言〜解決を使用しました。',
  'sloBudget.span': '影響 {from} – {to}',
  'sloBudget.barLabel': '{slo}: エラーバジェットの {share}',
  'sloBudget.threshold': 'ポリシーの基準: {threshold}',
  'timeline.budgetBurnt': '{slo}: このインシデントでエラーバジェットの {share} を消費',
  'timeline.postmortemRequired': 'ポストモーテム必須: {slo} がエラーバジェットの {share} を消費',
};
