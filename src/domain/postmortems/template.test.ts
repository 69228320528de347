import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, validateChecklist } from './checklist.js';
import { DEFAULT_TEMPLATE, validateTemplate } from './template.js';

describe('validateTemplate', () => {
  it('accepts the default template: thirteen sections in the order of the issue (SLO impact after impact), each headed in English and Japanese', () => {
    const { template, problems } = validateTemplate(DEFAULT_TEMPLATE);
    expect(problems).toEqual([]);
    expect(template?.sections.map((s) => s.id)).toEqual([
      'summary', 'impact', 'slo-impact', 'timeline', 'root-causes', 'trigger', 'detection', 'resolution',
      'what-went-well', 'what-went-wrong', 'where-we-got-lucky', 'action-items', 'lessons',
    ]);
    for (const section of template!.sections) expect(Object.keys(section.heading).sort()).toEqual(['en', 'ja']);
  });

  it('accepts a short template with plain-string headings', () => {
    expect(validateTemplate({ sections: [{ id: 'what', heading: 'What happened', generator: 'summary' }, { id: 'next', heading: 'Next', actionItems: true }] }).problems).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['no sections', { sections: [] }, ['sections: a template needs a non-empty list of sections']],
    ['a duplicate section id', { sections: [{ id: 'a', heading: 'A' }, { id: 'a', heading: 'B' }] }, ['sections[1].id: duplicate section id "a" (first used by sections[0])']],
    ['an unknown generator', { sections: [{ id: 'a', heading: 'A', generator: 'ai' }] }, ['sections[0].generator: unknown generator "ai" (expected summary, impact, slo-impact, timeline, detection, resolution, responders, runbook-answers)']],
    ['one generator in two sections', { sections: [{ id: 'a', heading: 'A', generator: 'timeline' }, { id: 'b', heading: 'B', generator: 'timeline' }] }, ['sections[1].generator: generator "timeline" is already used by sections[0]']],
    ['the action items table twice', { sections: [{ id: 'a', heading: 'A', actionItems: true }, { id: 'b', heading: 'B', actionItems: true }] }, ['sections[1].actionItems: the action items are already shown in sections[0]']],
    ['a section without a heading, and a misspelt key', { sections: [{ id: 'a', heading: null, generater: 'summary' }] }, ['sections[0].generater: is not a known field (expected one of id, heading, prompt, generator, actionItems)', 'sections[0].heading: is required']],
  ])('refuses %s', (_name, raw, expected) => {
    const result = validateTemplate(raw);
    expect(result.template).toBeUndefined();
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });
});

describe('validateChecklist', () => {
  it('accepts the default checklist against the default template', () => {
    expect(validateChecklist(DEFAULT_CHECKLIST, DEFAULT_TEMPLATE)).toEqual({ checklist: DEFAULT_CHECKLIST, problems: [] });
  });

  it.each<[string, unknown, string]>([
    ['not a list', { items: [] }, ': a checklist must be a list of {id, label, check, params?}'],
    ['an unknown checker (rules are data, never code)', [{ id: 'x', label: 'X', check: 'eval("1")' }], '[0].check: unknown check "eval("1")" (expected impact-quantified, timeline-reviewed'],
    ['a section the template does not have', [{ id: 'x', label: 'X', check: 'section-written', params: { section: 'root-cause' } }], '[0].params.section: the template has no section "root-cause"'],
    ['parameters for a checker that takes none', [{ id: 'x', label: 'X', check: 'timeline-reviewed', params: { minimum: 1 } }], '[0].params: timeline-reviewed takes no parameters'],
    ['a negative minimum', [{ id: 'x', label: 'X', check: 'action-items-complete', params: { minimum: -1 } }], '[0].params.minimum: must be a whole number, 0 or more (got -1)'],
    ['impact fields missing', [{ id: 'x', label: 'X', check: 'impact-quantified' }], '[0].params.fields: must be a non-empty list of incident field names'],
    ['a duplicate item id', [{ id: 'x', label: 'X', check: 'owner-assigned' }, { id: 'x', label: 'Y', check: 'owner-assigned' }], '[1].id: duplicate checklist item "x"'],
  ])('refuses %s', (_name, raw, expected) => {
    const result = validateChecklist(raw, DEFAULT_TEMPLATE);
    expect(result.checklist).toBeUndefined();
    expect(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toContain(expected);
  });
});
