import { pickText } from '../../../src/domain/runbooks/text.js';
import type { Language, LocalizedText } from '../../../src/domain/runbooks/types.js';

/** One row of the editor's live outline: a step, what it says, and where a run goes after it. */
export interface OutlineRow {
  index: number;
  id: string;
  type: string;
  /** The question, task or guidance in the chosen language; the action's kind; empty for a branch. */
  text: string;
  /** Each way on: `then` (the step's own next, or the following one), a branch's cases, its default. */
  exits: OutlineExit[];
}

export type OutlineExit =
  | { kind: 'then'; to: string }
  | { kind: 'case'; to: string; when: string }
  | { kind: 'default'; to: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function localized(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (isRecord(value)) return pickText(value as LocalizedText, language);
  return '';
}

/** `cs-inquiries ≥ 50`, `customer-facing = yes`, `cause ∈ db, network`. */
function describeCondition(when: unknown): string {
  if (!isRecord(when)) return '?';
  const step = typeof when.step === 'string' ? when.step : '?';
  const show = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));
  if ('yes' in when) return `${step} = ${when.yes === false ? 'no' : 'yes'}`;
  if ('gte' in when) return `${step} ≥ ${show(when.gte)}`;
  if ('lte' in when) return `${step} ≤ ${show(when.lte)}`;
  if ('equals' in when) return `${step} = ${show(when.equals)}`;
  if ('in' in when) return `${step} ∈ ${show(when.in)}`;
  return step;
}

/**
 * The steps as far as they can be read, even while the document has errors, so the
 * outline follows the typing instead of vanishing at the first mistake. Steps that are
 * not maps are left out; a missing id shows as `#n`.
 */
export function outlineSteps(document: unknown, language: Language): OutlineRow[] {
  if (!isRecord(document) || !Array.isArray(document.steps)) return [];
  const steps = document.steps;
  const idAt = (index: number): string => {
    const step = steps[index];
    return isRecord(step) && typeof step.id === 'string' && step.id ? step.id : `#${index + 1}`;
  };
  return steps.flatMap((step, index): OutlineRow[] => {
    if (!isRecord(step)) return [];
    const type = typeof step.type === 'string' ? step.type : '?';
    const following = index + 1 < steps.length ? idAt(index + 1) : 'end';
    if (type === 'branch') {
      const cases = Array.isArray(step.cases) ? step.cases : [];
      const exits: OutlineExit[] = cases.map((c) => ({
        kind: 'case',
        to: isRecord(c) && typeof c.goto === 'string' ? c.goto : '?',
        when: describeCondition(isRecord(c) ? c.when : undefined),
      }));
      exits.push({ kind: 'default', to: typeof step.default === 'string' ? step.default : following });
      return [{ index, id: idAt(index), type, text: '', exits }];
    }
    const text =
      type === 'ask' ? localized(step.question, language) : type === 'action' ? (typeof step.action === 'string' ? step.action : '') : localized(step.text, language);
    return [{ index, id: idAt(index), type, text, exits: [{ kind: 'then', to: typeof step.next === 'string' ? step.next : following }] }];
  });
}
