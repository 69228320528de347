import { ProblemList, formatPath, quote } from '../runbooks/problems.js';
import { checkKeys, isRecord, readBoolean, readId, readLocalized, readOneOf } from '../runbooks/read.js';
import type { LocalizedText } from './types.js';

/** What Hikeshi can write into a section from the incident's record. */
export const GENERATORS = ['summary', 'impact', 'slo-impact', 'timeline', 'detection', 'resolution', 'responders', 'runbook-answers'] as const;
export type Generator = (typeof GENERATORS)[number];

export interface TemplateSection {
  id: string;
  heading: LocalizedText;
  /** What the section is for, shown to the writer while it is empty. */
  prompt?: LocalizedText;
  generator?: Generator;
  /** The action items table is shown in this section. */
  actionItems?: boolean;
}

export interface PostmortemTemplate {
  sections: TemplateSection[];
}

const section = (id: string, en: string, ja: string, prompt: [string, string], extra: Partial<TemplateSection> = {}): TemplateSection => ({
  id,
  heading: { en, ja },
  prompt: { en: prompt[0], ja: prompt[1] },
  ...extra,
});

/** Google SRE's sections with PagerDuty's "how'd we do" split out (reference/sre-practice.md §4). */
export const DEFAULT_TEMPLATE: PostmortemTemplate = {
  sections: [
    section('summary', 'Summary', '概要', ['What happened, in two or three sentences.', '何が起きたかを2〜3文で。'], { generator: 'summary' }),
    section('impact', 'Impact', '影響', ['Who was affected, how many, for how long; support inquiries; SLO budget.', '誰が、何人、どのくらいの時間影響を受けたか。問い合わせ件数、SLOバジェット。'], { generator: 'impact' }),
    section('slo-impact', 'SLO impact', 'SLOへの影響', ['The error budget each SLO of the affected services lost to this incident.', '影響を受けたサービスのSLOごとに、このインシデントで消費したエラーバジェット。'], { generator: 'slo-impact' }),
    section('timeline', 'Timeline', 'タイムライン', ['Check the times and add what is missing.', '時刻を確認し、足りない出来事を追記してください。'], { generator: 'timeline' }),
    section('root-causes', 'Root causes', '根本原因', ['The contributing factors, not a person to blame.', '寄与要因を書きます。個人を責めません。']),
    section('trigger', 'Trigger', 'きっかけ', ['What set it off (a deploy, traffic, a dependency).', '何が引き金になったか（デプロイ、トラフィック、依存先など）。']),
    section('detection', 'Detection', '検知', ['How we found out, and how we could have found out sooner.', 'どのように気付いたか、もっと早く気付けたか。'], { generator: 'detection' }),
    section('resolution', 'Resolution', '解決', ['What stopped the impact, temporarily and for good.', '影響を止めた対応（暫定対応と恒久対応）。'], { generator: 'resolution' }),
    section('what-went-well', 'What went well', 'うまくいったこと', ['Keep doing these.', '今後も続けたいこと。']),
    section('what-went-wrong', 'What went wrong', 'うまくいかなかったこと', ['Where the response or the system let us down.', '対応やシステムがうまく機能しなかった点。']),
    section('where-we-got-lucky', 'Where we got lucky', '運が良かったこと', ['What could have made this much worse.', 'もっと悪くなり得た点。']),
    section('action-items', 'Action items', 'アクションアイテム', ['Each with an owner and a due date.', 'それぞれに担当者と期日を。'], { actionItems: true }),
    section('lessons', 'Lessons learned', '教訓', ['What we now know that we did not before.', '今回新たに分かったこと。']),
  ],
};

export interface TemplateValidation {
  template?: PostmortemTemplate;
  problems: Array<{ path: string; message: string }>;
}

/** Validates a template given as data (settings file or API); every problem is listed. */
export function validateTemplate(raw: unknown): TemplateValidation {
  const problems = new ProblemList();
  const sections: TemplateSection[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.sections) || raw.sections.length === 0) {
    problems.error(['sections'], 'a template needs a non-empty list of sections');
  } else {
    checkKeys(raw, ['sections'], [], problems);
    const seen = new Map<string, number>();
    const generators = new Map<string, number>();
    let actionItemsAt: number | undefined;
    raw.sections.forEach((item, index) => {
      const at = ['sections', index];
      if (!isRecord(item)) return problems.error(at, `must be {id, heading, prompt?, generator?, actionItems?} (got ${quote(item)})`);
      checkKeys(item, ['id', 'heading', 'prompt', 'generator', 'actionItems'], at, problems);
      const id = readId(item.id, [...at, 'id'], problems);
      if (id !== undefined && seen.has(id)) problems.error([...at, 'id'], `duplicate section id ${quote(id)} (first used by sections[${seen.get(id)}])`);
      if (id !== undefined && !seen.has(id)) seen.set(id, index);
      const heading = readLocalized(item.heading, [...at, 'heading'], problems, true);
      const prompt = readLocalized(item.prompt, [...at, 'prompt'], problems, false);
      const generator = item.generator === undefined ? undefined : readOneOf(item.generator, GENERATORS, [...at, 'generator'], problems, 'generator');
      if (generator !== undefined && generators.has(generator)) {
        problems.error([...at, 'generator'], `generator ${quote(generator)} is already used by sections[${generators.get(generator)}]`);
      }
      if (generator !== undefined) generators.set(generator, index);
      const actionItems = readBoolean(item.actionItems, [...at, 'actionItems'], problems, false);
      if (actionItems && actionItemsAt !== undefined) problems.error([...at, 'actionItems'], `the action items are already shown in sections[${actionItemsAt}]`);
      if (actionItems) actionItemsAt ??= index;
      if (id === undefined || heading === undefined) return;
      sections.push({ id, heading, ...(prompt ? { prompt } : {}), ...(generator ? { generator } : {}), ...(actionItems ? { actionItems } : {}) });
    });
  }
  const listed = problems.items.map((item) => ({ path: formatPath(item.at), message: item.message }));
  return problems.hasErrors ? { problems: listed } : { template: { sections }, problems: listed };
}
