import { describe, expect, it } from 'vitest';
import { outlineSteps } from './runbook-outline.js';

describe('outlineSteps', () => {
  it.each([
    { name: 'not a map: no rows', doc: 'text', want: [] },
    { name: 'steps missing: no rows', doc: { id: 'x' }, want: [] },
    {
      name: 'each step goes to the following one, the last to end',
      doc: { steps: [{ id: 'a', type: 'task', text: 'Do it' }, { id: 'b', type: 'info', text: { en: 'Read', ja: '読む' } }] },
      want: [
        { index: 0, id: 'a', type: 'task', text: 'Do it', exits: [{ kind: 'then', to: 'b' }] },
        { index: 1, id: 'b', type: 'info', text: 'Read', exits: [{ kind: 'then', to: 'end' }] },
      ],
    },
    {
      name: 'next overrides the following step',
      doc: { steps: [{ id: 'a', type: 'ask', question: 'Q?', next: 'end' }, { id: 'b', type: 'task' }] },
      want: [
        { index: 0, id: 'a', type: 'ask', text: 'Q?', exits: [{ kind: 'then', to: 'end' }] },
        { index: 1, id: 'b', type: 'task', text: '', exits: [{ kind: 'then', to: 'end' }] },
      ],
    },
    {
      name: 'branch: every case with its condition, then the default (the following step when absent)',
      doc: {
        steps: [
          { id: 'n', type: 'ask', question: 'How many?' },
          { id: 'b', type: 'branch', cases: [{ when: { step: 'n', gte: 50 }, goto: 'big' }, { when: { step: 'y', yes: false }, goto: 'end' }] },
          { id: 'small', type: 'task' },
          { id: 'big', type: 'action', action: 'page' },
        ],
      },
      want: [
        { index: 0, id: 'n', type: 'ask', text: 'How many?', exits: [{ kind: 'then', to: 'b' }] },
        {
          index: 1,
          id: 'b',
          type: 'branch',
          text: '',
          exits: [
            { kind: 'case', to: 'big', when: 'n ≥ 50' },
            { kind: 'case', to: 'end', when: 'y = no' },
            { kind: 'default', to: 'small' },
          ],
        },
        { index: 2, id: 'small', type: 'task', text: '', exits: [{ kind: 'then', to: 'big' }] },
        { index: 3, id: 'big', type: 'action', text: 'page', exits: [{ kind: 'then', to: 'end' }] },
      ],
    },
    {
      name: 'half-typed document: a step that is not a map is left out, a missing id shows its position',
      doc: { steps: ['oops', { type: 'ask' }] },
      want: [{ index: 1, id: '#2', type: 'ask', text: '', exits: [{ kind: 'then', to: 'end' }] }],
    },
  ])('$name', ({ doc, want }) => {
    expect(outlineSteps(doc, 'en')).toEqual(want);
  });

  it('picks the reader language, falling back to the other', () => {
    const doc = { steps: [{ id: 'a', type: 'ask', question: { en: 'Who?', ja: '誰？' } }, { id: 'b', type: 'task', text: { en: 'Only English' } }] };
    expect(outlineSteps(doc, 'ja').map((row) => row.text)).toEqual(['誰？', 'Only English']);
  });
});
