import { pickText } from '../runbooks/text.js';
import { budgetSentence, formatShare } from '../slo/budget-sentence.js';
import type { Language } from '../runbooks/types.js';
import { LABELS } from './labels.js';
import type { IncidentSnapshot, SnapshotEntry } from './snapshot.js';

/** Timeline kinds a postmortem shows; the channel automation's own steps are left out. */
export const POSTMORTEM_TIMELINE_KINDS: ReadonlySet<SnapshotEntry['kind']> = new Set<SnapshotEntry['kind']>([
  'incident.declared',
  'status.changed',
  'severity.changed',
  'role.assigned',
  'field.changed',
  'services.changed',
  'slo.budget_burnt',
  'postmortem.required',
  'note',
  'status_update',
  'slack.message_captured',
  'runbook.started',
  'runbook.answered',
  'runbook.task_done',
  'runbook.action_taken',
  'runbook.completed',
  'runbook.abandoned',
  'alert.declared',
  'alert.all_resolved',
]);

const WORDS = {
  en: {
    declared: 'Incident declared',
    status: 'Status',
    severity: 'Severity',
    services: 'Services',
    update: 'Status update',
    note: 'Note',
    runbookStarted: 'Runbook started',
    runbookDone: 'Runbook completed',
    runbookAbandoned: 'Runbook abandoned',
    action: 'Runbook action',
    task: 'Done',
    message: 'message',
    postmortemRequired: (slo: string, share: string) => `Postmortem required: ${slo} lost ${share} of its error budget`,
    alertDeclared: 'Declared by alert',
    alertsResolved: 'All alerts resolved',
  },
  ja: {
    declared: 'インシデント宣言',
    status: 'ステータス',
    severity: '重大度',
    services: 'サービス',
    update: '状況報告',
    note: 'メモ',
    runbookStarted: 'ランブック開始',
    runbookDone: 'ランブック完了',
    runbookAbandoned: 'ランブック中止',
    action: 'ランブックのアクション',
    task: '完了',
    message: 'メッセージ',
    postmortemRequired: (slo: string, share: string) => `ポストモーテム必須: ${slo} がエラーバジェットの ${share} を消費`,
    alertDeclared: 'アラートにより宣言',
    alertsResolved: 'アラートがすべて解消',
  },
} as const;

/** One timeline entry as a line of the postmortem's timeline. */
export function describeEntry(entry: SnapshotEntry, snapshot: Pick<IncidentSnapshot, 'people' | 'services' | 'reference'>, language: Language): string {
  const w = WORDS[language];
  const person = (id: string | null) => (id === null ? LABELS[language].none : (snapshot.people[id] ?? id));
  const service = (id: string) => snapshot.services.find((s) => s.id === id)?.name ?? id;
  const value = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v));
  switch (entry.kind) {
    case 'incident.declared':
      return `${w.declared}: ${entry.payload.title} (${entry.payload.severity})`;
    case 'status.changed':
      return `${w.status}: ${entry.payload.from} → ${entry.payload.to}`;
    case 'severity.changed':
      return `${w.severity}: ${entry.payload.from} → ${entry.payload.to}`;
    case 'role.assigned': {
      const role = LABELS[language].roles[entry.payload.role as keyof (typeof LABELS)['en']['roles']] ?? entry.payload.role;
      return `${role}: ${person(entry.payload.to)}`;
    }
    case 'field.changed':
      return `${entry.payload.field}: ${value(entry.payload.from)} → ${value(entry.payload.to)}`;
    case 'services.changed':
      return `${w.services}: ${[...entry.payload.added.map((id) => `+${service(id)}`), ...entry.payload.removed.map((id) => `−${service(id)}`)].join(', ')}`;
    case 'slo.budget_burnt':
      return budgetSentence({ ...entry.payload, reference: snapshot.reference }, language);
    case 'postmortem.required':
      return w.postmortemRequired(entry.payload.sloName, formatShare(entry.payload.share));
    case 'note':
      return `${w.note}: ${entry.payload.body}`;
    case 'status_update':
      return `${w.update} (${entry.payload.status}): ${entry.payload.body}`;
    case 'slack.message_captured':
      return `${entry.payload.author}: ${entry.payload.body}${entry.payload.permalink ? ` ([${w.message}](${entry.payload.permalink}))` : ''}`;
    case 'runbook.started':
      return `${w.runbookStarted}: ${pickText(entry.payload.title, language)}`;
    case 'runbook.answered':
      return `${pickText(entry.payload.question, language)} → ${entry.payload.answer}`;
    case 'runbook.task_done':
      return `${w.task}: ${pickText(entry.payload.text, language)}`;
    case 'runbook.action_taken':
      return `${w.action}: ${entry.payload.action}`;
    case 'runbook.completed':
      return `${w.runbookDone}: ${entry.payload.runbookId}`;
    case 'runbook.abandoned':
      return `${w.runbookAbandoned}: ${entry.payload.runbookId}${entry.payload.reason ? ` (${entry.payload.reason})` : ''}`;
    case 'alert.declared':
      return `${w.alertDeclared} #${entry.payload.alertNumber}: ${entry.payload.title} (${entry.payload.severity})`;
    case 'alert.all_resolved':
      return `${w.alertsResolved} (${entry.payload.alerts})`;
    default:
      return entry.kind;
  }
}
