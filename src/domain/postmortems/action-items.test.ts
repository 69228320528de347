import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { applyActionItem, overdue, type ActionItemInput } from './action-items.js';
import type { ActionItem } from './types.js';

const item = (id: string, extra: Partial<ActionItem> = {}): ActionItem => ({
  id,
  incidentId: 'i1',
  title: `Item ${id}`,
  ownerId: 'u1',
  dueDate: '2026-12-10',
  status: 'open',
  externalUrl: null,
  ...extra,
});

describe('applyActionItem', () => {
  it('creates an open item with only a title', () => {
    expect(applyActionItem({ id: 'a1', incidentId: 'i1' }, { title: '  Add a DB failover alert ' })).toEqual({
      id: 'a1',
      incidentId: 'i1',
      title: 'Add a DB failover alert',
      ownerId: null,
      dueDate: null,
      status: 'open',
      externalUrl: null,
    });
  });

  it('changes only the fields given, and clears with null or an empty string', () => {
    expect(applyActionItem(item('a'), { status: 'done', dueDate: '', externalUrl: 'https://tracker.example.com/OPS-1' })).toMatchObject({
      title: 'Item a',
      ownerId: 'u1',
      dueDate: null,
      status: 'done',
      externalUrl: 'https://tracker.example.com/OPS-1',
    });
  });

  it.each<[string, ActionItemInput, string]>([
    ['a new item without a title', {}, 'title'],
    ['a blank title', { title: '  ' }, 'title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a due date in another format', { title: 't', dueDate: '12/10/2026' }, 'dueDate'],
    ['a due date that does not exist (Feb 30th)', { title: 't', dueDate: '2026-02-30' }, 'dueDate'],
    ['an unknown status', { title: 't', status: 'closed' }, 'status'],
    ['a link that is not http(s)', { title: 't', externalUrl: 'javascript:alert(1)' }, 'externalUrl'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    const apply = () => applyActionItem({ id: 'n', incidentId: 'i1' }, input);
    expect(apply).toThrow(ValidationError);
    expect(apply).toThrow(new RegExp(`^${field}: `));
  });
});

describe('overdue', () => {
  const items = [
    item('due-today', { dueDate: '2026-12-10' }),
    item('yesterday', { dueDate: '2026-12-09' }),
    item('last-month', { dueDate: '2026-11-10' }),
    item('done-late', { dueDate: '2026-11-01', status: 'done' }),
    item('wont-do', { dueDate: '2026-11-01', status: 'wont-do' }),
    item('no-date', { dueDate: null }),
  ];

  it('lists open items past their due date, most overdue first; due today is not overdue; done, won’t-do and undated never are', () => {
    expect(overdue(items, '2026-12-10').map((o) => [o.item.id, o.daysOverdue])).toEqual([
      ['last-month', 30],
      ['yesterday', 1],
    ]);
  });

  it('counts days across a month and year end', () => {
    expect(overdue([item('x', { dueDate: '2026-12-31' })], '2027-01-02')[0]?.daysOverdue).toBe(2);
  });
});
