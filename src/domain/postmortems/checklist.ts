import { ProblemList, formatPath, quote } from '../runbooks/problems.js';
import { checkKeys, isRecord, readId, readLocalized, readNumber, readOneOf, readString } from '../runbooks/read.js';
import { formatShare } from '../slo/budget-sentence.js';
import { postmortemRequired } from '../slo/incident-budget.js';
import type { IncidentSnapshot } from './snapshot.js';
import type { PostmortemTemplate } from './template.js';
import type { ActionItem, LocalizedText, Postmortem } from './types.js';

export const CHECKERS = [
  'impact-quantified',
  'timeline-reviewed',
  'section-written',
  'action-items-complete',
  'severity-confirmed',
  'slo-impact-recorded',
  'error-budget-policy',
  'reviewers-assigned',
  'owner-assigned',
] as const;
export type CheckerId = (typeof CHECKERS)[number];

export interface CheckParams {
  /** impact-quantified: the incident fields that count as an impact figure. */
  fields?: string[];
  /** section-written: the template section that must have text. */
  section?: string;
  /** section-written: characters (default 1); action-items-complete and reviewers-assigned: how many (default 1). */
  minimum?: number;
}

/** One line of the pre-meeting checklist; `check` names a checker, so the rules are data. */
export interface ChecklistItem {
  id: string;
  label: LocalizedText;
  check: CheckerId;
  params?: CheckParams;
}

export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { id: 'impact-quantified', label: { en: 'Impact quantified', ja: '影響が数値化されている' }, check: 'impact-quantified', params: { fields: ['affected_users', 'cs_inquiries'] } },
  { id: 'timeline-reviewed', label: { en: 'Timeline reviewed', ja: 'タイムラインが確認済み' }, check: 'timeline-reviewed' },
  { id: 'root-cause-written', label: { en: 'Root cause written', ja: '根本原因が書かれている' }, check: 'section-written', params: { section: 'root-causes' } },
  { id: 'action-items-complete', label: { en: 'Every action item has an owner and a due date', ja: 'すべてのアクションアイテムに担当者と期日がある' }, check: 'action-items-complete' },
  { id: 'severity-confirmed', label: { en: 'Severity confirmed', ja: '重大度が確定している' }, check: 'severity-confirmed' },
  { id: 'slo-impact-recorded', label: { en: 'SLO / error budget impact recorded', ja: 'SLO・エラーバジェットへの影響が記録されている' }, check: 'slo-impact-recorded' },
  { id: 'error-budget-policy', label: { en: 'Error budget policy: an incident that took 20 % or more of a budget has an action item', ja: 'エラーバジェットポリシー: バジェットの20 %以上を消費したインシデントにアクションアイテムがある' }, check: 'error-budget-policy' },
];

export interface ReadinessInput {
  postmortem: Postmortem;
  actionItems: readonly ActionItem[];
  snapshot: Pick<IncidentSnapshot, 'fields' | 'severity' | 'sloImpact'>;
}

/** Why the item is not done yet; null when it is. */
type Checker = (input: ReadinessInput, params: CheckParams) => LocalizedText | null;

const CHECKS: Record<CheckerId, Checker> = {
  'impact-quantified': ({ snapshot }, { fields = [] }) => {
    const recorded = fields.filter((name) => Object.hasOwn(snapshot.fields, name) && snapshot.fields[name]!.value !== null);
    return recorded.length
      ? null
      : { en: `none of ${fields.join(', ')} has a value`, ja: `${fields.join('、')}のいずれにも値がありません` };
  },
  'timeline-reviewed': ({ postmortem }) =>
    postmortem.timelineReviewed ? null : { en: 'nobody has marked the timeline as reviewed', ja: 'タイムラインの確認済みマークがありません' },
  'section-written': ({ postmortem }, { section = '', minimum = 1 }) => {
    const length = [...(postmortem.sections[section]?.text.trim() ?? '')].length;
    if (length >= minimum) return null;
    return length === 0
      ? { en: `section "${section}" is empty`, ja: `セクション「${section}」が空です` }
      : { en: `section "${section}" has ${length} characters; at least ${minimum} expected`, ja: `セクション「${section}」は${length}文字です（${minimum}文字以上必要）` };
  },
  'action-items-complete': ({ actionItems }, { minimum = 1 }) => {
    const items = actionItems.filter((item) => item.status !== 'wont-do');
    if (items.length < minimum) {
      return { en: `${items.length} action item${items.length === 1 ? '' : 's'}; at least ${minimum} expected`, ja: `アクションアイテムが${items.length}件です（${minimum}件以上必要）` };
    }
    const gaps = items.flatMap((item) => {
      const missing = [item.ownerId ? null : 'owner', item.dueDate ? null : 'due date'].filter(Boolean);
      return missing.length ? [{ item, missing }] : [];
    });
    if (!gaps.length) return null;
    return {
      en: gaps.map((g) => `"${g.item.title}" has no ${g.missing.join(' and no ')}`).join('; '),
      ja: gaps.map((g) => `「${g.item.title}」に${g.missing.map((m) => (m === 'owner' ? '担当者' : '期日')).join('と')}がありません`).join('、'),
    };
  },
  'severity-confirmed': ({ postmortem, snapshot }) => {
    const confirmed = postmortem.severityConfirmed;
    if (!confirmed) return { en: 'nobody has confirmed the severity', ja: '重大度が確定されていません' };
    return confirmed.severity === snapshot.severity
      ? null
      : {
          en: `${confirmed.severity} was confirmed, but the incident is now ${snapshot.severity}`,
          ja: `${confirmed.severity}で確定されましたが、現在のインシデントは${snapshot.severity}です`,
        };
  },
  'slo-impact-recorded': ({ postmortem, snapshot }) =>
    snapshot.sloImpact?.length || postmortem.sloImpactNote?.trim()
      ? null
      : { en: 'no SLO budget figures and no note on SLO impact', ja: 'SLOバジェットの数値もSLO影響のメモもありません' },
  'error-budget-policy': ({ actionItems, snapshot }) => {
    const impacts = snapshot.sloImpact ?? [];
    if (!postmortemRequired(impacts.map((impact) => impact.budgetConsumed))) return null;
    if (actionItems.some((item) => item.status !== 'wont-do')) return null;
    const worst = impacts.reduce((a, b) => (b.budgetConsumed > a.budgetConsumed ? b : a));
    const share = formatShare(worst.budgetConsumed);
    return {
      en: `postmortem required: ${worst.slo} lost ${share} of its error budget, and there is no action item yet`,
      ja: `ポストモーテム必須: ${worst.slo} がエラーバジェットの ${share} を消費しましたが、アクションアイテムがまだありません`,
    };
  },
  'reviewers-assigned': ({ postmortem }, { minimum = 1 }) =>
    postmortem.reviewers.length >= minimum ? null : { en: `${postmortem.reviewers.length} reviewers; at least ${minimum} expected`, ja: `レビュアーが${postmortem.reviewers.length}人です（${minimum}人以上必要）` },
  'owner-assigned': ({ postmortem }) => (postmortem.ownerId ? null : { en: 'the postmortem has no owner', ja: 'ポストモーテムのオーナーがいません' }),
};

export interface ChecklistResult {
  id: string;
  label: LocalizedText;
  done: boolean;
  reason: LocalizedText | null;
}

export interface Readiness {
  /** 0..100, rounded down: 100 only when everything is done. */
  percent: number;
  items: ChecklistResult[];
  missing: ChecklistResult[];
}

export function readiness(checklist: readonly ChecklistItem[], input: ReadinessInput): Readiness {
  const items = checklist.map((item): ChecklistResult => {
    const reason = CHECKS[item.check](input, item.params ?? {});
    return { id: item.id, label: item.label, done: reason === null, reason };
  });
  const done = items.filter((item) => item.done).length;
  return {
    percent: items.length ? Math.floor((100 * done) / items.length) : 100,
    items,
    missing: items.filter((item) => !item.done),
  };
}

const PARAMS_BY_CHECKER: Record<CheckerId, ReadonlyArray<keyof CheckParams>> = {
  'impact-quantified': ['fields'],
  'timeline-reviewed': [],
  'section-written': ['section', 'minimum'],
  'action-items-complete': ['minimum'],
  'severity-confirmed': [],
  'slo-impact-recorded': [],
  'error-budget-policy': [],
  'reviewers-assigned': ['minimum'],
  'owner-assigned': [],
};

/** Validates a checklist given as data against the template whose sections it may name. */
export function validateChecklist(raw: unknown, template: PostmortemTemplate): { checklist?: ChecklistItem[]; problems: Array<{ path: string; message: string }> } {
  const problems = new ProblemList();
  const checklist: ChecklistItem[] = [];
  if (!Array.isArray(raw)) {
    problems.error([], 'a checklist must be a list of {id, label, check, params?}');
  } else {
    const seen = new Set<string>();
    raw.forEach((item, index) => {
      const at = [index];
      if (!isRecord(item)) return problems.error(at, `must be {id, label, check, params?} (got ${quote(item)})`);
      checkKeys(item, ['id', 'label', 'check', 'params'], at, problems);
      const id = readId(item.id, [...at, 'id'], problems);
      if (id !== undefined && seen.has(id)) problems.error([...at, 'id'], `duplicate checklist item ${quote(id)}`);
      if (id !== undefined) seen.add(id);
      const label = readLocalized(item.label, [...at, 'label'], problems, true);
      const check = readOneOf(item.check, CHECKERS, [...at, 'check'], problems, 'check');
      const params = check ? readParams(item.params, check, template, [...at, 'params'], problems) : undefined;
      if (id && label && check && params) checklist.push({ id, label, check, ...(Object.keys(params).length ? { params } : {}) });
    });
  }
  const listed = problems.items.map((item) => ({ path: formatPath(item.at), message: item.message }));
  return problems.hasErrors ? { problems: listed } : { checklist, problems: listed };
}

function readParams(raw: unknown, check: CheckerId, template: PostmortemTemplate, at: Array<string | number>, problems: ProblemList): CheckParams | undefined {
  const allowed = PARAMS_BY_CHECKER[check];
  const given = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(given)) {
    problems.error(at, 'must be a map');
    return undefined;
  }
  if (!allowed.length && Object.keys(given).length) {
    problems.error(at, `${check} takes no parameters`);
    return undefined;
  }
  checkKeys(given, allowed, at, problems);
  const params: CheckParams = {};
  if (allowed.includes('fields')) {
    if (!Array.isArray(given.fields) || !given.fields.length) problems.error([...at, 'fields'], 'must be a non-empty list of incident field names');
    else params.fields = given.fields.flatMap((name, i) => readString(name, [...at, 'fields', i], problems, true) ?? []);
  }
  if (allowed.includes('section')) {
    const section = readString(given.section, [...at, 'section'], problems, true);
    if (section !== undefined && !template.sections.some((s) => s.id === section)) {
      problems.error([...at, 'section'], `the template has no section ${quote(section)} (sections: ${template.sections.map((s) => s.id).join(', ')})`);
    } else if (section !== undefined) {
      params.section = section;
    }
  }
  if (given.minimum !== undefined) {
    const minimum = readNumber(given.minimum, [...at, 'minimum'], problems);
    if (minimum !== undefined && (!Number.isInteger(minimum) || minimum < 0)) problems.error([...at, 'minimum'], `must be a whole number, 0 or more (got ${minimum})`);
    else if (minimum !== undefined) params.minimum = minimum;
  }
  return problems.hasErrors ? undefined : params;
}
