import { describe, expect, it } from 'vitest';
import { BUILT_IN_FIELDS } from './fields.js';
import { formatProblem } from './problems.js';
import { type RunbookContext, validateRunbook } from './validate.js';

const ctx: RunbookContext = {
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  fields: {
    ...BUILT_IN_FIELDS,
    cs_inquiries: { type: 'number' },
    affected_users: { type: 'number' },
    personal_data_exposed: { type: 'boolean' },
    region: { type: 'choice', options: ['eu', 'jp'] },
  },
};

const ask = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'ask', question: `Q ${id}?`, answer: 'text', ...extra });
const info = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'info', text: `about ${id}`, ...extra });
const runbook = (steps: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'rb', title: 'Runbook', steps, ...extra });

function problemsOf(raw: unknown) {
  return validateRunbook(raw, ctx).problems.map(formatProblem);
}

describe('validateRunbook accepts', () => {
  it('a plain-string title as English and {en, ja} as given', () => {
    expect(validateRunbook(runbook([info('a')]), ctx).runbook?.title).toEqual({ en: 'Runbook' });
    expect(validateRunbook(runbook([info('a')], { title: { ja: '初動' } }), ctx).runbook?.title).toEqual({ ja: '初動' });
  });

  it('triggers: severity at or above, service, tag, combined in one entry, and manual alone', () => {
    const triggers = [{ severity: 'SEV2' }, { service: 'payments', tag: 'db' }];
    expect(validateRunbook(runbook([info('a')], { triggers }), ctx).runbook?.triggers).toEqual([
      { severityAtLeast: 'SEV2' },
      { service: 'payments', tag: 'db' },
    ]);
    expect(validateRunbook(runbook([info('a')], { triggers: ['manual'] }), ctx).runbook?.triggers).toEqual([]);
  });

  it('options given as plain strings, and numbers as option values', () => {
    const { runbook: parsed } = validateRunbook(runbook([ask('a', { answer: 'choice', options: ['db', 7] })]), ctx);
    expect(parsed?.steps[0]).toMatchObject({ options: [{ value: 'db', label: { en: 'db' } }, { value: '7', label: { en: '7' } }] });
  });

  it('a choice answer written to a choice field whose options include all of its own', () => {
    const raw = runbook([ask('a', { answer: 'choice', options: ['eu'], writesTo: 'region' })]);
    expect(problemsOf(raw)).toEqual([]);
  });

  it('a branch on an earlier question by every operator that fits its type', () => {
    const raw = runbook([
      ask('n', { answer: 'number' }),
      ask('t', { answer: 'time' }),
      ask('yn', { answer: 'yes-no' }),
      ask('m', { answer: 'multi-choice', options: ['a', 'b'] }),
      {
        id: 'b',
        type: 'branch',
        cases: [
          { when: { step: 'n', gte: 10 }, goto: 'x' },
          { when: { step: 'n', lte: 0 }, goto: 'x' },
          { when: { step: 't', gte: '2026-12-01T00:00:00Z' }, goto: 'x' },
          { when: { step: 'yn', yes: false }, goto: 'x' },
          { when: { step: 'm', equals: 'a' }, goto: 'x' },
          { when: { step: 'm', in: ['a', 'b'] }, goto: 'end' },
        ],
      },
      info('x'),
    ]);
    expect(problemsOf(raw)).toEqual([]);
  });
});

describe('validateRunbook refuses, naming the field', () => {
  it.each<[string, unknown, string]>([
    ['not a map', 'hello', 'a runbook must be a map with id, title, triggers and steps'],
    ['no steps', { id: 'rb', title: 'T' }, 'steps: a runbook needs a non-empty list of steps'],
    ['an id with spaces', runbook([info('a')], { id: 'first response' }), 'id: must be 1 to 64 letters'],
    ['a title with neither en nor ja', runbook([info('a')], { title: {} }), 'title: must give at least one of en, ja'],
    ['a title in an unknown language', runbook([info('a')], { title: { en: 'x', fr: 'y' } }), 'title.fr: is not a known field'],
    ['an unknown step type (a typo)', runbook([{ id: 'a', type: 'aks' }]), 'steps[0].type: unknown step type "aks" (expected ask, task, info, action, branch)'],
    ['a misspelt key (writeTo)', runbook([ask('a', { writeTo: 'summary' })]), 'steps[0].writeTo: is not a known field'],
    ['a duplicate step id', runbook([info('a'), info('a')]), 'steps[1].id: duplicate step id "a" (first used by steps[0])'],
    ['a step named end', runbook([info('end')]), 'steps[0].id: "end" is reserved'],
    ['next to a missing step', runbook([info('a', { next: 'nowhere' })]), 'steps[0].next: goes to step "nowhere", which does not exist (steps: a, or end)'],
    [
      'a branch to a missing step',
      runbook([ask('a', { answer: 'yes-no' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'a', yes: true }, goto: 'gone' }] }]),
      'steps[1].cases[0].goto: goes to step "gone"',
    ],
    [
      'a branch default to a missing step',
      runbook([ask('a', { answer: 'yes-no' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'a', yes: true }, goto: 'end' }], default: 'gone' }]),
      'steps[1].default: goes to step "gone"',
    ],
    ['a branch without cases', runbook([{ id: 'b', type: 'branch', cases: [] }]), 'steps[0].cases: a branch needs a non-empty list of cases'],
    ['a choice question without options', runbook([ask('a', { answer: 'choice' })]), 'steps[0].options: a choice question needs a non-empty list of options'],
    ['a multi-choice question with an empty option list', runbook([ask('a', { answer: 'multi-choice', options: [] })]), 'steps[0].options: a choice question needs'],
    ['options on a number question', runbook([ask('a', { answer: 'number', options: ['1'] })]), 'steps[0].options: only choice and multi-choice questions have options'],
    ['a duplicate option', runbook([ask('a', { answer: 'choice', options: ['x', 'x'] })]), 'steps[0].options[1]: duplicate option "x"'],
    ['an unknown answer type', runbook([ask('a', { answer: 'date' })]), 'steps[0].answer: unknown answer type "date" (expected text, number, choice, multi-choice, yes-no, user, time)'],
    ['a pattern that does not compile', runbook([ask('a', { validation: { pattern: '([a-z' } })]), 'steps[0].validation.pattern: is not a valid regular expression'],
    ['a pattern on a number', runbook([ask('a', { answer: 'number', validation: { pattern: '\\d+' } })]), 'steps[0].validation.pattern: only a text answer can have a pattern'],
    ['min above max, so no answer could pass', runbook([ask('a', { answer: 'number', validation: { min: 5, max: 1 } })]), 'steps[0].validation.min: must not be more than max (5 > 1)'],
    ['min on a yes-no question', runbook([ask('a', { answer: 'yes-no', validation: { min: 1 } })]), 'steps[0].validation.min: does not apply to a yes-no answer'],
    ['a fractional text length', runbook([ask('a', { validation: { max: 2.5 } })]), 'steps[0].validation.max: must be a whole number of characters'],
    ['more picks than options', runbook([ask('a', { answer: 'multi-choice', options: ['x'], validation: { min: 2 } })]), 'steps[0].validation.min: is more than the 1 options there are'],
    ['required given as a string', runbook([ask('a', { validation: { required: 'yes' } })]), 'steps[0].validation.required: must be true or false (got "yes")'],
    ['writesTo an unknown field', runbook([ask('a', { writesTo: 'nope' })]), 'steps[0].writesTo: unknown incident field "nope"'],
    ['writesTo own-property lookups only (toString)', runbook([ask('a', { writesTo: 'toString' })]), 'steps[0].writesTo: unknown incident field "toString"'],
    ['a text answer written to a number field', runbook([ask('a', { writesTo: 'cs_inquiries' })]), 'steps[0].writesTo: field "cs_inquiries" holds a number, which a text answer cannot fill (a text answer fits text fields)'],
    ['a number answer written to a time field', runbook([ask('a', { answer: 'number', writesTo: 'impact_started_at' })]), 'field "impact_started_at" holds a time, which a number answer cannot fill'],
    ['a multi-choice answer written to any field', runbook([ask('a', { answer: 'multi-choice', options: ['x'], writesTo: 'summary' })]), 'a multi-choice answer cannot be written to a field'],
    ['a choice answer with an option the choice field refuses', runbook([ask('a', { answer: 'choice', options: ['eu', 'us'], writesTo: 'region' })]), 'field "region" does not accept "us" (it accepts eu, jp)'],
    ['a trigger severity not configured', runbook([info('a')], { triggers: [{ severity: 'P1' }] }), 'triggers[0].severity: unknown severity "P1" (expected SEV1, SEV2, SEV3, SEV4)'],
    ['an empty trigger', runbook([info('a')], { triggers: [{}] }), 'triggers[0]: needs at least one of severity, service, tag'],
    ['manual combined with automatic triggers', runbook([info('a')], { triggers: ['manual', { tag: 'db' }] }), 'triggers[0]: manual means started by hand only'],
    ['an unknown action kind', runbook([{ id: 'a', type: 'action', action: 'reboot' }]), 'steps[0].action: unknown action "reboot" (expected set-severity, set-status, set-field, invite, page, post-update, create-follow-up)'],
    ['set-severity without a severity', runbook([{ id: 'a', type: 'action', action: 'set-severity' }]), 'steps[0].severity: is required'],
    ['set-severity to an unknown severity', runbook([{ id: 'a', type: 'action', action: 'set-severity', severity: 'SEV0' }]), 'steps[0].severity: unknown severity "SEV0"'],
    ['set-status to an unknown status', runbook([{ id: 'a', type: 'action', action: 'set-status', status: 'fixed' }]), 'steps[0].status: unknown status "fixed" (expected triage, investigating'],
    ['set-field with a value of the wrong type', runbook([{ id: 'a', type: 'action', action: 'set-field', field: 'cs_inquiries', value: 'many' }]), 'steps[0].value: "many" does not fit field "cs_inquiries", which holds a number'],
    ['set-field without a value', runbook([{ id: 'a', type: 'action', action: 'set-field', field: 'summary' }]), 'steps[0].value: is required'],
    ['set-field to a time without an offset', runbook([{ id: 'a', type: 'action', action: 'set-field', field: 'detected_at', value: '2026-12-01T10:00' }]), 'does not fit field "detected_at", which holds a time'],
    ['invite naming both a team and a user', runbook([{ id: 'a', type: 'action', action: 'invite', team: 'sre', user: 'U1' }]), 'steps[0]: needs exactly one of team, user (got team and user)'],
    ['page without a target', runbook([{ id: 'a', type: 'action', action: 'page' }]), 'steps[0]: needs exactly one of escalationPolicy, schedule'],
    ['a parameter of another action kind', runbook([{ id: 'a', type: 'action', action: 'page', schedule: 's', severity: 'SEV1' }]), 'steps[0].severity: is not a known field'],
    ['required on an action that runs by itself', runbook([{ id: 'a', type: 'action', action: 'page', schedule: 's', required: true }]), 'steps[0].required: only applies with confirm: true'],
    ['post-update naming a step that is not a question', runbook([info('i'), { id: 'a', type: 'action', action: 'post-update', message: 'see {{i}}' }]), 'steps[1].message: {{i}} does not name a question'],
    ['a task assigned to an unknown role', runbook([{ id: 'a', type: 'task', text: 't', assignee: 'boss' }]), 'steps[0].assignee: unknown role "boss" (expected commander, communications, scribe)'],
    ['a link that is not http(s)', runbook([info('a', { links: ['javascript:alert(1)'] })]), 'steps[0].links[0]: must be an http(s) URL'],
    ['a branch on a step that is not a question', runbook([info('a'), { id: 'b', type: 'branch', cases: [{ when: { step: 'a', yes: true }, goto: 'end' }] }]), 'steps[1].cases[0].when.step: "a" is not a question (an ask step) of this runbook'],
    [
      'a branch on a question asked only after it',
      runbook([{ id: 'b', type: 'branch', cases: [{ when: { step: 'q', yes: true }, goto: 'end' }] }, ask('q', { answer: 'yes-no' })]),
      'steps[0].cases[0].when.step: question "q" is never asked before this branch',
    ],
    [
      'a branch with two operators in one condition',
      runbook([ask('q', { answer: 'number' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', gte: 1, lte: 3 }, goto: 'end' }] }]),
      'steps[1].cases[0].when: needs exactly one of equals, in, gte, lte, yes (got gte and lte)',
    ],
    [
      'yes on a number question',
      runbook([ask('q', { answer: 'number' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', yes: true }, goto: 'end' }] }]),
      'steps[1].cases[0].when.yes: yes applies to a yes-no question; "q" is number',
    ],
    [
      'equals on a yes-no question',
      runbook([ask('q', { answer: 'yes-no' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', equals: 'yes' }, goto: 'end' }] }]),
      'use yes: true|false for the yes-no question "q"',
    ],
    [
      'a choice compared with a value that is not an option',
      runbook([ask('q', { answer: 'choice', options: ['a'] }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', in: ['a', 'z'] }, goto: 'end' }] }]),
      'steps[1].cases[0].when.in: "z" is not an option of "q" (options: a)',
    ],
    [
      'a number compared with a string',
      runbook([ask('q', { answer: 'number' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', equals: '10' }, goto: 'end' }] }]),
      '"q" is a number question, so compare it with numbers (got "10")',
    ],
    [
      'a time compared with a time without an offset',
      runbook([ask('q', { answer: 'time' }), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', gte: '2026-12-01 10:00' }, goto: 'end' }] }]),
      'steps[1].cases[0].when.gte: must be an ISO 8601 time with an offset',
    ],
  ])('%s', (_name, raw, expected) => {
    const result = validateRunbook(raw, ctx);
    expect(result.runbook).toBeUndefined();
    expect(result.problems.map(formatProblem).join('\n')).toContain(expected);
  });
});

describe('loops and reachability', () => {
  it('refuses a branch back to an earlier step and names the steps of the loop', () => {
    const raw = runbook([ask('q', { answer: 'yes-no' }), info('i'), { id: 'b', type: 'branch', cases: [{ when: { step: 'q', yes: false }, goto: 'q' }] }]);
    expect(problemsOf(raw)).toEqual([
      'steps[2].cases[0].goto: steps q → i → b → q form a loop, so a run could go round forever; runbooks only move forward (people use back to revisit a step)',
    ]);
  });

  it('refuses a step whose next is itself', () => {
    expect(problemsOf(runbook([info('a', { next: 'a' })]))).toEqual([expect.stringContaining('steps[0].next: steps a → a form a loop')]);
  });

  it('refuses a loop made only of next: arrows, even when no step in it is reachable', () => {
    const raw = runbook([info('start', { next: 'end' }), info('x', { next: 'y' }), info('y', { next: 'x' })]);
    expect(problemsOf(raw)).toEqual([expect.stringContaining('steps x → y → x form a loop')]);
  });

  it('warns about an unreachable step without refusing the runbook', () => {
    const result = validateRunbook(runbook([info('a', { next: 'end' }), info('orphan')]), ctx);
    expect(result.runbook).toBeDefined();
    expect(result.problems.map(formatProblem)).toEqual(['warning: steps[1]: step "orphan" can never be reached']);
  });

  it('allows a forward jump over steps (a diamond is not a loop)', () => {
    const raw = runbook([
      ask('q', { answer: 'yes-no' }),
      { id: 'b', type: 'branch', cases: [{ when: { step: 'q', yes: true }, goto: 'join' }] },
      info('only-no'),
      info('join'),
    ]);
    expect(problemsOf(raw)).toEqual([]);
  });
});

it('collects every problem of a runbook, not just the first', () => {
  const raw = runbook(
    [
      { id: 'a', type: 'aks' },
      ask('b', { answer: 'choice' }),
      info('c', { next: 'nowhere' }),
      ask('b', { answer: 'number', writesTo: 'summary' }),
    ],
    { triggers: [{ severity: 'SEV9' }] },
  );
  expect(problemsOf(raw)).toEqual([
    'triggers[0].severity: unknown severity "SEV9" (expected SEV1, SEV2, SEV3, SEV4)',
    'steps[0].type: unknown step type "aks" (expected ask, task, info, action, branch)',
    'steps[1].options: a choice question needs a non-empty list of options',
    'steps[3].writesTo: field "summary" holds a text, which a number answer cannot fill (a number answer fits number fields)',
    'steps[3].id: duplicate step id "b" (first used by steps[1])',
    'steps[2].next: goes to step "nowhere", which does not exist (steps: a, b, c, or end)',
  ]);
});
