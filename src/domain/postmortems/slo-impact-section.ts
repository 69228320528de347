import { budgetSentence, formatThreshold } from '../slo/budget-sentence.js';
import { postmortemRequired } from '../slo/incident-budget.js';
import { POSTMORTEM_REQUIRED_SHARE } from '../slo/attribution.js';
import type { Language } from '../runbooks/types.js';
import { inlineText } from './format.js';
import type { IncidentSnapshot } from './snapshot.js';

const WORDS = {
  en: {
    none: 'No SLO budget figures: no SLO covers the incident’s services, or the incident is not mitigated yet.',
    estimated: 'estimated from incidents, not measured',
    fallback: 'impact start or mitigation not recorded: declared → resolved used',
    required: (share: string) => `**Postmortem required**: one SLO lost ${share} or more of its error budget (error budget policy).`,
  },
  ja: {
    none: 'SLOバジェットの数値はありません（サービスを対象とするSLOがないか、まだ緩和されていません）。',
    estimated: 'インシデントからの推定値で、計測値ではありません',
    fallback: '影響開始または緩和の時刻が未記録のため、宣言〜解決を使用',
    required: (share: string) => `**ポストモーテム必須**: エラーバジェットの ${share} 以上を消費したSLOがあります（エラーバジェットポリシー）。`,
  },
} as const;

/** The `slo-impact` generator: the budget the incident burnt per SLO, as sentences with their caveats. */
export function sloImpactText(snapshot: IncidentSnapshot, { language }: { language: Language }): string {
  const w = WORDS[language];
  const impacts = snapshot.sloImpact;
  if (!impacts?.length) return w.none;
  const lines = impacts.map((impact) => {
    const sentence = budgetSentence({ ...impact, reference: snapshot.reference, sloName: impact.slo, share: impact.budgetConsumed }, language);
    const notes = [impact.estimated ? w.estimated : null, impact.fallback ? w.fallback : null].filter(Boolean);
    return `- ${inlineText(sentence)}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  });
  if (postmortemRequired(impacts.map((impact) => impact.budgetConsumed))) lines.push('', w.required(formatThreshold(POSTMORTEM_REQUIRED_SHARE)));
  return lines.join('\n');
}
