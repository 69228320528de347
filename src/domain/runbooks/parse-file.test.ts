import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FIELDS } from './fields.js';
import { parseRunbookFile } from './parse-file.js';
import { formatProblem } from './problems.js';
import { combineRunbookFiles, hasErrors } from './runbook-set.js';
import { runbooksToStart } from './triggers.js';
import { type RunbookContext, validateRunbook } from './validate.js';
import { parse } from 'yaml';

/** The default custom fields (issue 7's set) the example runbooks write to. */
const ctx: RunbookContext = {
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  fields: { ...BUILT_IN_FIELDS, cs_inquiries: { type: 'number' }, affected_users: { type: 'number' } },
};

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('parseRunbookFile', () => {
  it('names file, line, column and field path of an unknown step type', () => {
    const text = lines('id: first-response', 'title: First response', 'steps:', '  - id: a', '    type: aks', '    question: Q?');
    expect(parseRunbookFile(text, 'first-response.yaml', ctx).problems.map(formatProblem)).toEqual([
      'first-response.yaml:5:5 steps[0].type: unknown step type "aks" (expected ask, task, info, action, branch)',
    ]);
  });

  it('points at the enclosing step when a required field is missing, lists problems in reading order, and does not repeat a problem as another', () => {
    const text = lines(
      'id: r',
      'title: R',
      'steps:',
      '  - id: pick',
      '    type: ask',
      '    question: Which?',
      '    answer: choice',
      '  - id: b',
      '    type: branch',
      '    cases:',
      '      - when: { step: pick, equals: x }',
      '        goto: missing',
      'triggers:',
      '  - severity: SEV9',
    );
    expect(parseRunbookFile(text, 'r.yaml', ctx).problems.map(formatProblem)).toEqual([
      'r.yaml:4:5 steps[0].options: a choice question needs a non-empty list of options',
      'r.yaml:12:9 steps[1].cases[0].goto: goes to step "missing", which does not exist (steps: pick, b, or end)',
      'r.yaml:14:5 triggers[0].severity: unknown severity "SEV9" (expected SEV1, SEV2, SEV3, SEV4)',
    ]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const text = lines('id: r', 'title: R', 'steps:', '  - id: a', '    type: task', '    text: Do: this now');
    const [problem] = parseRunbookFile(text, 'r.yaml', ctx).problems;
    expect(problem).toMatchObject({ level: 'error', file: 'r.yaml', line: 6, path: '' });
    expect(formatProblem(problem!)).toMatch(/^r\.yaml:6:\d+ YAML: /);
  });

  it('reports a key given twice as a YAML error rather than keeping the last', () => {
    const text = lines('id: r', 'title: R', 'id: s', 'steps: []');
    expect(parseRunbookFile(text, 'r.yaml', ctx).problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/unique/i) });
  });

  it('gives the same messages as the data form, with places added', () => {
    const text = lines('id: r', 'title: R', 'steps:', '  - id: a', '    type: info', '    text: hi', '    next: nowhere', '  - id: a', '    type: info', '    text: again');
    const fromFile = parseRunbookFile(text, 'r.yaml', ctx).problems.map((p) => `${p.path}: ${p.message}`).sort();
    const fromData = validateRunbook(parse(text), ctx).problems.map((p) => `${p.path}: ${p.message}`).sort();
    expect(fromFile).toEqual(fromData);
    expect(fromFile).toHaveLength(2);
  });
});

describe('the example runbooks in runbooks/', () => {
  const files = readdirSync('runbooks').filter((name) => name.endsWith('.yaml'));
  const parsed = files.map((file) => ({ file, ...parseRunbookFile(readFileSync(`runbooks/${file}`, 'utf8'), file, ctx) }));

  it('ships first-response and customer-facing-outage', () => {
    expect(files.sort()).toEqual(['customer-facing-outage.yaml', 'first-response.yaml']);
  });

  it.each(parsed)('$file validates without a problem or a warning', ({ runbook, problems, file }) => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(`${runbook?.id}.yaml`).toBe(file);
  });

  it('customer-facing-outage is bilingual in its title and every question', () => {
    const outage = parsed.find((p) => p.file === 'customer-facing-outage.yaml')!.runbook!;
    expect(outage.title).toEqual({ en: 'Customer-facing outage', ja: 'お客様影響のある障害' });
    for (const step of outage.steps) if (step.type === 'ask') expect(Object.keys(step.question).sort()).toEqual(['en', 'ja']);
  });

  it.each([
    ['SEV1', ['first-response', 'customer-facing-outage']],
    ['SEV2', ['first-response', 'customer-facing-outage']],
    ['SEV3', ['first-response']],
    ['SEV4', ['first-response']],
  ])('a %s declaration starts %j', (severity, expected) => {
    const runbooks = ['first-response.yaml', 'customer-facing-outage.yaml'].map((file) => parsed.find((p) => p.file === file)!.runbook!);
    expect(runbooksToStart(runbooks, { severity, services: [], tags: [] }, ctx.severities).map((r) => r.id)).toEqual(expected);
  });
});

describe('combineRunbookFiles', () => {
  const file = (name: string, id: string) => ({ file: name, ...parseRunbookFile(lines(`id: ${id}`, 'title: T', 'steps:', '  - { id: a, type: info, text: hi }'), name, ctx) });

  it('refuses the second file that uses an id, naming the first, and keeps every file’s own problems', () => {
    const broken = { file: 'broken.yaml', ...parseRunbookFile('id: [', 'broken.yaml', ctx) };
    const { runbooks, problems } = combineRunbookFiles([file('a.yaml', 'triage'), broken, file('b.yaml', 'triage'), file('c.yaml', 'comms')]);
    expect(runbooks.map((r) => r.id)).toEqual(['triage', 'comms']);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^broken\.yaml:1:\d+ YAML: /), 'b.yaml id: runbook id "triage" is already used by a.yaml']);
    expect(hasErrors(problems)).toBe(true);
  });

  it('loads a runbook whose only problem is a warning, and passes the warning on', () => {
    const text = lines('id: w', 'title: W', 'steps:', '  - { id: a, type: info, text: hi, next: end }', '  - { id: never, type: info, text: x }');
    const { runbooks, problems } = combineRunbookFiles([{ file: 'w.yaml', ...parseRunbookFile(text, 'w.yaml', ctx) }]);
    expect(runbooks.map((r) => r.id)).toEqual(['w']);
    expect(problems.map(formatProblem)).toEqual(['w.yaml:5:5 warning: steps[1]: step "never" can never be reached']);
    expect(hasErrors(problems)).toBe(false);
  });
});
