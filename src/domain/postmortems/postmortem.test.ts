import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, readiness, type ChecklistItem, type ReadinessInput } from './checklist.js';
import { createDraft, editSection, isEdited, regenerateDraft } from './draft.js';
import { confirmSeverity, markTimelineReviewed, setSloImpactNote } from './facts.js';
import { transitionPostmortem } from './lifecycle.js';
import { postmortemMarkdown } from './markdown.js';
import { reminderRecipients, reminderTimes } from './reminders.js';
import type { IncidentSnapshot, SnapshotEntry } from './snapshot.js';
import { DEFAULT_TEMPLATE } from './template.js';
import type { ActionItem, Postmortem } from './types.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const UTC = { language: 'en' as const, timeZone: 'UTC' };
const AT = new Date('2026-12-02T09:00:00Z');

let entryId = 0;
const entry = (at: string, actor: string | null, draft: Omit<SnapshotEntry, 'id' | 'at' | 'actor'>): SnapshotEntry =>
  ({ id: `e${++entryId}`, at, actor, ...draft }) as SnapshotEntry;

/** A SEV2 payment outage: declared, first-response runbook answered in Slack, a pinned message, resolved. */
const snapshot: IncidentSnapshot = {
  reference: 'INC-42',
  title: 'Payments failing | card declines',
  summary: 'Card payments failed for 2 hours after a database failover.',
  severity: 'SEV2',
  status: 'resolved',
  services: [{ id: 's1', name: 'Payments' }],
  tags: ['customer-facing'],
  roles: { commander: 'Alice', communications: null, scribe: 'Bob' },
  impactStartedAt: '2026-12-01T00:50:00.000Z',
  detectedAt: '2026-12-01T00:58:00.000Z',
  declaredAt: '2026-12-01T01:00:00.000Z',
  acknowledgedAt: '2026-12-01T01:03:00.000Z',
  mitigatedAt: '2026-12-01T01:40:00.000Z',
  resolvedAt: '2026-12-01T02:55:00.000Z',
  closedAt: null,
  fields: {
    affected_users: { label: { en: 'Affected users', ja: '影響ユーザー数' }, type: 'number', value: 1200 },
    cs_inquiries: { label: { en: 'Support inquiries', ja: '問い合わせ件数' }, type: 'number', value: 37 },
    personal_data_exposed: { label: { en: 'Personal data exposed', ja: '個人情報の漏洩' }, type: 'boolean', value: false },
    affected_vehicles: { label: { en: 'Affected vehicles' }, type: 'number', value: null },
  },
  timeline: [
    entry('2026-12-01T01:00:00Z', 'Alice', { kind: 'incident.declared', payload: { title: 'Payments failing', severity: 'SEV2', status: 'triage' } }),
    entry('2026-12-01T01:00:05Z', null, { kind: 'slack.channel_created', payload: { channelId: 'C1', channelName: 'inc-42', via: 'bot', adopted: false } }),
    entry('2026-12-01T01:01:00Z', null, { kind: 'runbook.started', payload: { runbookId: 'first-response', title: { en: 'First response', ja: '初動対応' } } }),
    entry('2026-12-01T01:02:00Z', 'Alice', {
      kind: 'runbook.answered',
      payload: { runbookId: 'first-response', stepId: 'affected-users', question: { en: 'How many users are affected?', ja: '影響ユーザー数は？' }, answer: '1200', value: 1200 },
    }),
    entry('2026-12-01T01:03:00Z', 'Alice', { kind: 'status.changed', payload: { from: 'triage', to: 'investigating' } }),
    entry('2026-12-01T01:10:00Z', 'Bob', {
      kind: 'slack.message_captured',
      payload: { body: 'Failover done | replica lag 0\nwatching', author: 'Bob', authorSlackId: 'U2', permalink: 'https://x.slack.com/p1', ts: '1.2' },
    }),
    entry('2026-12-01T01:40:00Z', 'Alice', { kind: 'status.changed', payload: { from: 'investigating', to: 'monitoring' } }),
    entry('2026-12-01T01:45:00Z', 'Alice', { kind: 'status_update', payload: { body: 'Payments recovering', status: 'monitoring' } }),
    entry('2026-12-01T02:55:00Z', 'Alice', { kind: 'status.changed', payload: { from: 'monitoring', to: 'resolved' } }),
  ],
  sloImpact: [{ slo: 'Payments availability', budgetConsumed: 0.234, bad: 28_080, budget: 120_000, unit: 'events', window: { kind: 'rolling', days: 28 }, estimated: false, fallback: false }],
  people: { u1: 'Alice', u2: 'Bob', u3: 'Carol' },
};

const draft = () => createDraft('i42', DEFAULT_TEMPLATE, snapshot, UTC, AT);

describe('createDraft', () => {
  it('fills the generated sections from the incident and leaves the rest for people', () => {
    const { sections } = draft();
    expect(Object.keys(sections)).toEqual(DEFAULT_TEMPLATE.sections.map((s) => s.id));
    expect(sections['root-causes']).toEqual({ text: '', generatedHash: null });
    expect(sections.summary!.text).toContain('**INC-42: Payments failing | card declines**');
    expect(sections.summary!.text).toContain('- Resolved: 2026-12-01 02:55 (2 h 05 min)');
  });

  it('writes the impact figures that have values, the impact window and the SLO budget burnt', () => {
    expect(draft().sections.impact!.text).toBe(
      [
        '- Impact window: 2026-12-01 00:50 – 2026-12-01 01:40 (50 min)',
        '- Affected users: 1,200',
        '- Support inquiries: 37',
        '- Personal data exposed: no',
        '- SLO Payments availability: 23.4% error budget consumed',
      ].join('\n'),
    );
  });

  it.each<[string, IncidentSnapshot['sloImpact'], 'en' | 'ja', string]>([
    ['the SLO impact section: the sentence per SLO and the policy line at 20 % or more', snapshot.sloImpact, 'en', "- INC-42 burnt 23.4 % of Payments availability's 28-day budget (28,080 of 120,000 errors)\n\n**Postmortem required**: one SLO lost 20 % or more of its error budget (error budget policy)."],
    ['the SLO impact section in Japanese, with the estimate and fallback caveats', [{ ...snapshot.sloImpact![0]!, budgetConsumed: 0.1, bad: 12_000, estimated: true, fallback: true }], 'ja', '- INC-42 は Payments availability の28日間エラーバジェットの 10.0 % を消費しました（エラー 120,000 件中 12,000 件） (インシデントからの推定値で、計測値ではありません; 影響開始または緩和の時刻が未記録のため、宣言〜解決を使用)'],
    ['no figures yet says why instead of claiming no impact', null, 'en', 'No SLO budget figures: no SLO covers the incident’s services, or the incident is not mitigated yet.'],
  ])('%s', (_name, sloImpact, language, expected) => {
    const made = createDraft('i42', DEFAULT_TEMPLATE, { ...snapshot, sloImpact }, { language, timeZone: 'UTC' }, AT);
    expect(made.sections['slo-impact']!.text).toBe(expected);
  });

  it('writes the timeline as a table of what matters, leaving out channel automation, with pipes and line breaks escaped', () => {
    const text = draft().sections.timeline!.text;
    expect(text.split('\n')).toEqual([
      '| Time (UTC) | Event | By |',
      '| --- | --- | --- |',
      '| 2026-12-01 01:00 | Incident declared: Payments failing (SEV2) | Alice |',
      '| 2026-12-01 01:01 | Runbook started: First response | Hikeshi |',
      '| 2026-12-01 01:02 | How many users are affected? → 1200 | Alice |',
      '| 2026-12-01 01:03 | Status: triage → investigating | Alice |',
      '| 2026-12-01 01:10 | Bob: Failover done \\| replica lag 0<br>watching ([message](https://x.slack.com/p1)) | Bob |',
      '| 2026-12-01 01:40 | Status: investigating → monitoring | Alice |',
      '| 2026-12-01 01:45 | Status update (monitoring): Payments recovering | Alice |',
      '| 2026-12-01 02:55 | Status: monitoring → resolved | Alice |',
    ]);
  });

  it('writes times in the team’s zone and headings in Japanese when asked', () => {
    const ja = createDraft('i42', DEFAULT_TEMPLATE, snapshot, { language: 'ja', timeZone: 'Asia/Tokyo' }, AT);
    expect(ja.sections.timeline!.text).toContain('| 時刻 (Asia/Tokyo) | 出来事 | 実施者 |');
    expect(ja.sections.timeline!.text).toContain('| 2026-12-01 10:02 | 影響ユーザー数は？ → 1200 | Alice |');
    expect(ja.sections.detection!.text).toContain('- 検知: 2026-12-01 09:58 (8 min （影響開始から）)');
  });

  it('says why a duration is missing instead of inventing one', () => {
    const open = createDraft('i42', DEFAULT_TEMPLATE, { ...snapshot, impactStartedAt: null, mitigatedAt: null, resolvedAt: null, timeline: [] }, UTC, AT);
    expect(open.sections.detection!.text).toContain('- Time to detect: the impact start is not recorded');
    expect(open.sections.impact!.text).toContain('- Impact window: not recorded – ongoing');
    expect(open.sections.timeline!.text).toBe('Nothing on the timeline yet.');
  });
});

describe('regenerateDraft', () => {
  const later: IncidentSnapshot = { ...snapshot, fields: { ...snapshot.fields, cs_inquiries: { ...snapshot.fields.cs_inquiries!, value: 52 } }, severity: 'SEV1' };

  it('refreshes sections only Hikeshi wrote and never overwrites what a person edited', () => {
    let postmortem = draft();
    postmortem = editSection(postmortem, DEFAULT_TEMPLATE, 'summary', 'Our words about what happened.');
    postmortem = editSection(postmortem, DEFAULT_TEMPLATE, 'root-causes', 'Failover script assumed one replica.');
    const { postmortem: again, refreshed, keptEdited } = regenerateDraft(postmortem, DEFAULT_TEMPLATE, later, UTC, new Date('2026-12-02T10:00:00Z'));
    expect(again.sections.summary!.text).toBe('Our words about what happened.');
    expect(again.sections['root-causes']!.text).toBe('Failover script assumed one replica.');
    expect(again.sections.impact!.text).toContain('- Support inquiries: 52');
    expect(refreshed).toEqual(['impact']);
    expect(keptEdited).toEqual(['summary']);
    expect(again.generatedAt).toBe('2026-12-02T10:00:00.000Z');
  });

  it('keeps a generated section a person emptied on purpose empty', () => {
    const emptied = editSection(draft(), DEFAULT_TEMPLATE, 'detection', '');
    expect(isEdited(emptied.sections.detection!)).toBe(true);
    expect(regenerateDraft(emptied, DEFAULT_TEMPLATE, later, UTC, AT).postmortem.sections.detection!.text).toBe('');
  });

  it('treats an edit undone back to the generated text as not edited, so it is refreshed again', () => {
    const original = draft().sections.impact!.text;
    const undone = editSection(editSection(draft(), DEFAULT_TEMPLATE, 'impact', 'x'), DEFAULT_TEMPLATE, 'impact', original);
    expect(isEdited(undone.sections.impact!)).toBe(false);
    expect(regenerateDraft(undone, DEFAULT_TEMPLATE, later, UTC, AT).refreshed).toEqual(['summary', 'impact']);
  });

  it('keeps the text of a section a changed template no longer lists', () => {
    const written = editSection(draft(), DEFAULT_TEMPLATE, 'lessons', 'Practise failovers.');
    const shorter = { sections: DEFAULT_TEMPLATE.sections.filter((s) => s.id !== 'lessons') };
    expect(regenerateDraft(written, shorter, snapshot, UTC, AT).postmortem.sections.lessons!.text).toBe('Practise failovers.');
  });

  it('refuses to regenerate or edit a published postmortem, and an unknown section', () => {
    const published: Postmortem = { ...draft(), status: 'published' };
    expect(() => regenerateDraft(published, DEFAULT_TEMPLATE, snapshot, UTC, AT)).toThrow(expect.objectContaining({ code: 'postmortem.published' }));
    expect(() => editSection(draft(), DEFAULT_TEMPLATE, 'root-cause', 'x')).toThrow('section: unknown section "root-cause"');
  });
});

const actionItem = (id: string, extra: Partial<ActionItem> = {}): ActionItem => ({
  id,
  incidentId: 'i42',
  title: `Fix ${id}`,
  ownerId: 'u2',
  dueDate: '2026-12-20',
  status: 'open',
  externalUrl: null,
  ...extra,
});

/** Everything the default checklist asks for. */
function ready(): ReadinessInput {
  let postmortem = editSection(draft(), DEFAULT_TEMPLATE, 'root-causes', 'The failover script assumed a single replica.');
  postmortem = markTimelineReviewed(postmortem, 'u1', AT);
  postmortem = confirmSeverity(postmortem, 'SEV2', SEVERITIES, 'u1', AT);
  return { postmortem, actionItems: [actionItem('a1', { externalUrl: 'https://tracker.example.com/OPS-7' })], snapshot };
}

describe('readiness', () => {
  it('is 100% with nothing missing when every item is done', () => {
    const result = readiness(DEFAULT_CHECKLIST, ready());
    expect(result.percent).toBe(100);
    expect(result.missing).toEqual([]);
  });

  it('a fresh draft lacks exactly what people must add, each with a reason', () => {
    const result = readiness(DEFAULT_CHECKLIST, { postmortem: draft(), actionItems: [], snapshot: { ...snapshot, sloImpact: null } });
    expect(result.missing.map((m) => [m.id, m.reason?.en])).toEqual([
      ['timeline-reviewed', 'nobody has marked the timeline as reviewed'],
      ['root-cause-written', 'section "root-causes" is empty'],
      ['action-items-complete', '0 action items; at least 1 expected'],
      ['severity-confirmed', 'nobody has confirmed the severity'],
      ['slo-impact-recorded', 'no SLO budget figures and no note on SLO impact'],
    ]);
    expect(result.percent).toBe(28);
  });

  it.each<[string, (input: ReadinessInput) => ReadinessInput, string, string]>([
    [
      'an impact figure of 0 counts as quantified, but no value at all does not',
      (i) => ({ ...i, snapshot: { ...i.snapshot, fields: { affected_users: { ...snapshot.fields.affected_users!, value: null } } } }),
      'impact-quantified',
      'none of affected_users, cs_inquiries has a value',
    ],
    [
      'an action item without owner and one without due date, named',
      (i) => ({ ...i, actionItems: [actionItem('a', { ownerId: null }), actionItem('b', { dueDate: null }), actionItem('c', { ownerId: null, dueDate: null })] }),
      'action-items-complete',
      '"Fix a" has no owner; "Fix b" has no due date; "Fix c" has no owner and no due date',
    ],
    [
      'a severity confirmed before the incident was made worse',
      (i) => ({ ...i, snapshot: { ...i.snapshot, severity: 'SEV1' } }),
      'severity-confirmed',
      'SEV2 was confirmed, but the incident is now SEV1',
    ],
    ['a root cause of only spaces', (i) => ({ ...i, postmortem: editSection(i.postmortem, DEFAULT_TEMPLATE, 'root-causes', '   ') }), 'root-cause-written', 'section "root-causes" is empty'],
  ])('%s', (_name, change, id, reason) => {
    const result = readiness(DEFAULT_CHECKLIST, change(ready()));
    expect(result.missing.map((m) => [m.id, m.reason?.en])).toEqual([[id, reason]]);
    expect(result.percent).toBe(85);
  });

  it.each<[string, (input: ReadinessInput) => ReadinessInput]>([
    ['zero still quantifies impact', (i) => ({ ...i, snapshot: { ...i.snapshot, fields: { cs_inquiries: { ...snapshot.fields.cs_inquiries!, value: 0 } } } })],
    ['a won’t-do item needs neither owner nor due date', (i) => ({ ...i, actionItems: [...i.actionItems, actionItem('x', { status: 'wont-do', ownerId: null, dueDate: null })] })],
    ['a note stands in for SLO figures when no SLO covers the service', (i) => ({ ...i, snapshot: { ...i.snapshot, sloImpact: null }, postmortem: setSloImpactNote(i.postmortem, 'No SLO covers the payments API yet.') })],
  ])('%s', (_name, change) => {
    expect(readiness(DEFAULT_CHECKLIST, change(ready())).percent).toBe(100);
  });

  it.each<[string, (input: ReadinessInput) => ReadinessInput, string | null]>([
    ['an incident that took 23.4 % of a budget with no action item misses the error budget policy', (i) => ({ ...i, actionItems: [] }), 'postmortem required: Payments availability lost 23.4 % of its error budget, and there is no action item yet'],
    ['only won’t-do items do not satisfy the policy either', (i) => ({ ...i, actionItems: [actionItem('x', { status: 'wont-do' })] }), 'postmortem required: Payments availability lost 23.4 % of its error budget, and there is no action item yet'],
    ['under 20 % the policy asks for nothing', (i) => ({ ...i, actionItems: [], snapshot: { ...i.snapshot, sloImpact: [{ ...snapshot.sloImpact![0]!, budgetConsumed: 0.19 }] } }), null],
  ])('%s', (_name, change, reason) => {
    const policy = readiness(DEFAULT_CHECKLIST, change(ready())).items.find((item) => item.id === 'error-budget-policy')!;
    expect(policy.reason?.en ?? null).toBe(reason);
  });

  it('rounds down, so 100% means done (2 of 3 is 66%)', () => {
    const checklist: ChecklistItem[] = [
      { id: 'a', label: { en: 'A' }, check: 'owner-assigned' },
      { id: 'b', label: { en: 'B' }, check: 'timeline-reviewed' },
      { id: 'c', label: { en: 'C' }, check: 'reviewers-assigned', params: { minimum: 1 } },
    ];
    expect(readiness(checklist, { ...ready(), postmortem: { ...ready().postmortem, ownerId: 'u1' } }).percent).toBe(66);
  });

  it('gives reasons in Japanese too', () => {
    const result = readiness(DEFAULT_CHECKLIST, { ...ready(), actionItems: [actionItem('a', { ownerId: null, dueDate: null })] });
    expect(result.missing[0]?.reason?.ja).toBe('「Fix a」に担当者と期日がありません');
  });
});

describe('postmortemMarkdown', () => {
  const exported = (language: 'en' | 'ja', timeZone = 'UTC') => {
    const input = ready();
    const postmortem = { ...input.postmortem, ownerId: 'u1', reviewers: [{ userId: 'u3', approvedAt: AT.toISOString() }], meetingAt: '2026-12-03T05:00:00Z' };
    const actionItems = [...input.actionItems, actionItem('b', { title: 'Alert on | replica lag', ownerId: null, dueDate: null })];
    return postmortemMarkdown({
      postmortem,
      actionItems,
      template: DEFAULT_TEMPLATE,
      snapshot,
      readiness: readiness(DEFAULT_CHECKLIST, { postmortem, actionItems, snapshot }),
      language,
      timeZone,
    });
  };

  it('contains the header, durations, every section, the action items and the checklist state', () => {
    const md = exported('en');
    expect(md).toContain('# INC-42: Payments failing | card declines — Postmortem\n');
    expect(md).toContain('- Reviewers: Carol (approved)');
    expect(md).toContain('- Review meeting: 2026-12-03 05:00 (UTC)');
    expect(md).toContain(
      [
        '| Measure | From | To | Duration |',
        '| --- | --- | --- | --- |',
        '| Time to detect | impact start 2026-12-01 00:50 | detected 2026-12-01 00:58 | 8 min |',
        '| Time to acknowledge | declared 2026-12-01 01:00 | acknowledged 2026-12-01 01:03 | 3 min |',
        '| Time to mitigate | impact start 2026-12-01 00:50 | mitigated 2026-12-01 01:40 | 50 min |',
        '| Time to resolve | impact start 2026-12-01 00:50 | resolved 2026-12-01 02:55 | 2 h 05 min |',
      ].join('\n'),
    );
    for (const section of DEFAULT_TEMPLATE.sections) expect(md).toContain(`\n## ${section.heading.en}\n`);
    expect(md).toContain('## Trigger\n\n_Not written yet._');
    expect(md).toContain('The failover script assumed a single replica.');
    expect(md).toContain('| 2026-12-01 01:02 | How many users are affected? → 1200 | Alice |');
    expect(md).toContain(
      [
        '| Action item | Owner | Due | Status | Link |',
        '| --- | --- | --- | --- | --- |',
        '| Fix a1 | Bob | 2026-12-20 | open | <https://tracker.example.com/OPS-7> |',
        '| Alert on \\| replica lag | none | — | open | — |',
      ].join('\n'),
    );
    expect(md).toContain('## Readiness: 85%\n\n- [x] Impact quantified\n- [x] Timeline reviewed');
    expect(md).toContain('- [ ] Every action item has an owner and a due date — "Alert on | replica lag" has no owner and no due date');
  });

  it('carries the SLO impact note people wrote, on one line even when they wrote several', () => {
    const input = ready();
    const postmortem = { ...input.postmortem, sloImpactNote: 'Payments availability:\n23% of the monthly budget' };
    const md = postmortemMarkdown({ ...input, postmortem, template: DEFAULT_TEMPLATE, snapshot, readiness: readiness(DEFAULT_CHECKLIST, { ...input, postmortem, snapshot }), language: 'ja', timeZone: 'UTC' });
    expect(md).toContain('- SLO・エラーバジェットへの影響: Payments availability: 23% of the monthly budget\n');
  });

  it('every table row has as many cells as its header, whatever people typed', () => {
    const lines = exported('en').split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    let rows = 0;
    for (const [index, line] of lines.entries()) {
      if (!line.startsWith('|')) continue;
      if (!lines[index - 1]?.startsWith('|')) header = cells(line);
      expect(cells(line), line).toBe(header);
      rows++;
    }
    expect(rows).toBe(20);
  });

  it('renders Japanese headings and local times', () => {
    const md = exported('ja', 'Asia/Tokyo');
    expect(md).toContain('# INC-42: Payments failing | card declines — ポストモーテム');
    expect(md).toContain('## 根本原因');
    expect(md).toContain('| 検知までの時間 | 影響開始 2026-12-01 09:50 | 検知 2026-12-01 09:58 | 8 min |');
    expect(md).toContain('- レビュー会議: 2026-12-03 14:00 (Asia/Tokyo)');
    expect(md).toContain('## 準備状況: 85%');
    expect(md).toContain('## きっかけ\n\n_未記入_');
  });
});

describe('reminders before the review meeting', () => {
  it('are due 48, 24 and 2 hours before, only those still ahead', () => {
    expect(reminderTimes('2026-12-03T05:00:00Z', new Date('2026-12-02T06:00:00Z'))).toEqual(['2026-12-03T03:00:00.000Z']);
    expect(reminderTimes('2026-12-03T05:00:00Z', new Date('2026-12-01T00:00:00Z'))).toEqual([
      '2026-12-01T05:00:00.000Z',
      '2026-12-02T05:00:00.000Z',
      '2026-12-03T03:00:00.000Z',
    ]);
  });

  it('go to the owner and to owners of undated open items while something is missing, and to nobody once ready', () => {
    const input = { ...ready(), postmortem: { ...ready().postmortem, ownerId: 'u1' } };
    const items = [actionItem('a', { dueDate: null, ownerId: 'u3' }), actionItem('b', { dueDate: null, ownerId: 'u3', status: 'done' })];
    expect(reminderRecipients(input.postmortem, items, readiness(DEFAULT_CHECKLIST, { ...input, actionItems: items }))).toEqual(['u1', 'u3']);
    expect(reminderRecipients(input.postmortem, input.actionItems, readiness(DEFAULT_CHECKLIST, input))).toEqual([]);
  });
});

describe('the whole path', () => {
  it('a resolved incident’s draft reaches 100% readiness once people fill the gaps, then is reviewed and published', () => {
    const start = readiness(DEFAULT_CHECKLIST, { postmortem: draft(), actionItems: [], snapshot });
    expect(start.percent).toBeLessThan(100);
    const { postmortem, actionItems } = ready();
    expect(readiness(DEFAULT_CHECKLIST, { postmortem, actionItems, snapshot }).percent).toBe(100);
    const reviewed = transitionPostmortem({ ...postmortem, reviewers: [{ userId: 'u3', approvedAt: null }] }, 'in_review', AT);
    expect(() => transitionPostmortem(reviewed, 'published', AT)).toThrow('waiting for the approval of u3');
  });
});
