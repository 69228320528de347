import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { validatePolicy, type PolicyDraft, type TargetLookup } from './policy.js';

const known: Record<string, { id: string; name: string }> = {
  'user:ann': { id: 'u-ann', name: 'Ann' },
  'user:u-ann': { id: 'u-ann', name: 'Ann' },
  'schedule:Primary': { id: 's-1', name: 'Primary' },
  'team:Payments': { id: 't-1', name: 'Payments' },
  'webhook:ops-bridge': { id: 'ops-bridge', name: 'ops-bridge' },
};
const lookup: TargetLookup = (type, reference) => known[`${type}:${reference}`];
const level = (delayMinutes: number, ...targets: { type: string; id: string }[]) => ({ delayMinutes, targets });
const base: PolicyDraft = { name: 'Payments', levels: [level(5, { type: 'user', id: 'ann' })] };

describe('validatePolicy', () => {
  it('resolves every target to its id and name, and defaults repeat and description', () => {
    const policy = validatePolicy(
      { name: ' Payments ', levels: [level(5, { type: 'user', id: 'ann' }, { type: 'schedule', id: 'Primary' }), level(10, { type: 'team', id: 'Payments' }, { type: 'webhook', id: 'ops-bridge' })] },
      lookup,
    );
    expect(policy).toEqual({
      name: 'Payments',
      description: '',
      repeat: 0,
      levels: [
        { delayMinutes: 5, targets: [{ type: 'user', id: 'u-ann', name: 'Ann' }, { type: 'schedule', id: 's-1', name: 'Primary' }] },
        { delayMinutes: 10, targets: [{ type: 'team', id: 't-1', name: 'Payments' }, { type: 'webhook', id: 'ops-bridge', name: 'ops-bridge' }] },
      ],
    });
  });

  const refused: { name: string; draft: PolicyDraft; field: string }[] = [
    { name: 'no levels', draft: { ...base, levels: [] }, field: 'levels' },
    { name: 'a delay of 0 minutes', draft: { ...base, levels: [level(0, { type: 'user', id: 'ann' })] }, field: 'levels[0].delayMinutes' },
    { name: 'a delay over a day', draft: { ...base, levels: [level(1441, { type: 'user', id: 'ann' })] }, field: 'levels[0].delayMinutes' },
    { name: 'a fractional delay', draft: { ...base, levels: [level(1.5, { type: 'user', id: 'ann' })] }, field: 'levels[0].delayMinutes' },
    { name: 'a level without targets', draft: { ...base, levels: [level(5, { type: 'user', id: 'ann' }), level(5)] }, field: 'levels[1].targets' },
    { name: 'an unknown user in the second level', draft: { ...base, levels: [level(5, { type: 'user', id: 'ann' }), level(5, { type: 'user', id: 'nobody' })] }, field: 'levels[1].targets[0].id' },
    { name: 'a webhook the settings file does not declare', draft: { ...base, levels: [level(5, { type: 'webhook', id: 'nope' })] }, field: 'levels[0].targets[0].id' },
    { name: 'an unknown target type', draft: { ...base, levels: [level(5, { type: 'pager', id: 'ann' })] }, field: 'levels[0].targets[0].type' },
    { name: 'the same person twice in a level (by name and by id)', draft: { ...base, levels: [level(5, { type: 'user', id: 'ann' }, { type: 'user', id: 'u-ann' })] }, field: 'levels[0].targets[1].id' },
    { name: 'repeat over 9', draft: { ...base, repeat: 10 }, field: 'repeat' },
    { name: 'a negative repeat', draft: { ...base, repeat: -1 }, field: 'repeat' },
    { name: 'a blank name', draft: { ...base, name: '  ' }, field: 'name' },
    { name: '21 levels', draft: { ...base, levels: Array.from({ length: 21 }, () => level(5, { type: 'user', id: 'ann' })) }, field: 'levels' },
  ];
  it.each(refused)('refuses $name, naming $field', ({ draft, field }) => {
    let error: unknown;
    try {
      validatePolicy(draft, lookup);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });
});
