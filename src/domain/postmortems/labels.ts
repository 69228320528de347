import type { Language } from '../runbooks/types.js';
import type { DurationName, IncidentDuration, Moment } from './durations.js';
import type { ActionItemStatus, PostmortemStatus } from './types.js';

/** The words generated text and the export use, in both languages. */
export const LABELS = {
  en: {
    postmortem: 'Postmortem',
    status: 'Status',
    severity: 'Severity',
    services: 'Services',
    owner: 'Owner',
    reviewers: 'Reviewers',
    meeting: 'Review meeting',
    durations: 'Durations',
    measure: 'Measure',
    from: 'From',
    to: 'To',
    duration: 'Duration',
    time: 'Time',
    event: 'Event',
    by: 'By',
    question: 'Question',
    answer: 'Answer',
    actionItem: 'Action item',
    due: 'Due',
    link: 'Link',
    readiness: 'Readiness',
    none: 'none',
    noActionItems: 'No action items yet.',
    noEntries: 'Nothing on the timeline yet.',
    noAnswers: 'No runbook answers.',
    notRecorded: 'not recorded',
    approved: 'approved',
    impactWindow: 'Impact window',
    ongoing: 'ongoing',
    budgetConsumed: 'error budget consumed',
    slo: 'SLO',
    sloImpact: 'SLO / error budget impact',
    declared: 'Declared',
    detected: 'Detected',
    acknowledged: 'Acknowledged',
    mitigated: 'Mitigated',
    resolved: 'Resolved',
    afterImpact: 'after the impact began',
    statusChanges: 'Status changes',
    roles: { commander: 'Incident commander', communications: 'Communications', scribe: 'Scribe' },
    answeredBy: 'Runbook answers by',
  },
  ja: {
    postmortem: 'ポストモーテム',
    status: 'ステータス',
    severity: '重大度',
    services: 'サービス',
    owner: 'オーナー',
    reviewers: 'レビュアー',
    meeting: 'レビュー会議',
    durations: '所要時間',
    measure: '指標',
    from: '起点',
    to: '終点',
    duration: '時間',
    time: '時刻',
    event: '出来事',
    by: '実施者',
    question: '質問',
    answer: '回答',
    actionItem: 'アクションアイテム',
    due: '期日',
    link: 'リンク',
    readiness: '準備状況',
    none: 'なし',
    noActionItems: 'アクションアイテムはまだありません。',
    noEntries: 'タイムラインはまだ空です。',
    noAnswers: 'ランブックの回答はありません。',
    notRecorded: '未記録',
    approved: '承認済み',
    impactWindow: '影響期間',
    ongoing: '継続中',
    budgetConsumed: 'エラーバジェット消費',
    slo: 'SLO',
    sloImpact: 'SLO・エラーバジェットへの影響',
    declared: '宣言',
    detected: '検知',
    acknowledged: '確認',
    mitigated: '緩和',
    resolved: '解決',
    afterImpact: '（影響開始から）',
    statusChanges: 'ステータスの変化',
    roles: { commander: 'インシデントコマンダー', communications: 'コミュニケーション担当', scribe: '記録係' },
    answeredBy: 'ランブック回答者',
  },
} as const;

export const DURATION_LABELS: Record<Language, Record<DurationName, string>> = {
  en: { timeToDetect: 'Time to detect', timeToAcknowledge: 'Time to acknowledge', timeToMitigate: 'Time to mitigate', timeToResolve: 'Time to resolve' },
  ja: { timeToDetect: '検知までの時間', timeToAcknowledge: '確認までの時間', timeToMitigate: '緩和までの時間', timeToResolve: '解決までの時間' },
};

export const MOMENT_LABELS: Record<Language, Record<Moment, string>> = {
  en: { impactStartedAt: 'impact start', detectedAt: 'detected', declaredAt: 'declared', acknowledgedAt: 'acknowledged', mitigatedAt: 'mitigated', resolvedAt: 'resolved' },
  ja: { impactStartedAt: '影響開始', detectedAt: '検知', declaredAt: '宣言', acknowledgedAt: '確認', mitigatedAt: '緩和', resolvedAt: '解決' },
};

export const STATUS_LABELS: Record<Language, Record<PostmortemStatus, string>> = {
  en: { draft: 'Draft', in_review: 'In review', published: 'Published' },
  ja: { draft: '下書き', in_review: 'レビュー中', published: '公開済み' },
};

export const ACTION_STATUS_LABELS: Record<Language, Record<ActionItemStatus, string>> = {
  en: { open: 'open', done: 'done', 'wont-do': "won't do" },
  ja: { open: '未完了', done: '完了', 'wont-do': '対応しない' },
};

/** Why a duration is blank, in the reader's language. */
export function durationGap(duration: IncidentDuration, language: Language): string {
  if (duration.reversed) {
    return language === 'ja'
      ? `${MOMENT_LABELS.ja[duration.to]}が${MOMENT_LABELS.ja[duration.from]}より前です。時刻を確認してください`
      : duration.reason!;
  }
  return language === 'ja' ? `${duration.missing.map((m) => MOMENT_LABELS.ja[m]).join('と')}が未記録です` : duration.reason!;
}
