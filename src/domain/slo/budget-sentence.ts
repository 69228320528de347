import type { SloWindow } from './types.js';

export type SentenceLanguage = 'en' | 'ja';

export interface BudgetFigures {
  /** The incident's reference, `INC-12`. */
  reference: string;
  sloName: string;
  window: SloWindow;
  bad: number;
  budget: number;
  share: number;
  unit: 'events' | 'minutes';
}

const amount = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A share as people read it: one decimal, `25.5 %`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** A policy line as people say it: `20 %` (no trailing `.0`). */
export function formatThreshold(share: number): string {
  return `${Number((share * 100).toFixed(1))} %`;
}

/** `28-day`, `weekly`, `monthly` (en); `28日間`, `週次`, `月次` (ja). */
export function windowLabel(window: SloWindow, language: SentenceLanguage): string {
  if (window.kind === 'rolling') return language === 'ja' ? `${window.days}日間` : `${window.days}-day`;
  if (window.unit === 'week') return language === 'ja' ? '週次' : 'weekly';
  return language === 'ja' ? '月次' : 'monthly';
}

/**
 * "INC-12 burnt 25.5 % of checkout-availability's 28-day budget (30,600 of 120,000 errors)",
 * and the same in Japanese; minutes for timeslices SLOs.
 */
export function budgetSentence(figures: BudgetFigures, language: SentenceLanguage): string {
  const share = formatShare(figures.share);
  const window = windowLabel(figures.window, language);
  const bad = amount(figures.bad);
  const budget = amount(figures.budget);
  if (language === 'ja') {
    const of = figures.unit === 'events' ? `エラー ${budget} 件中 ${bad} 件` : `不良 ${budget} 分中 ${bad} 分`;
    return `${figures.reference} は ${figures.sloName} の${window}エラーバジェットの ${share} を消費しました（${of}）`;
  }
  const of = figures.unit === 'events' ? `${bad} of ${budget} errors` : `${bad} of ${budget} bad minutes`;
  return `${figures.reference} burnt ${share} of ${figures.sloName}'s ${window} budget (${of})`;
}
