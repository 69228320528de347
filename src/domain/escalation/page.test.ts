import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors.js';
import { pageTransition, type PageStatus } from './page.js';

describe('pageTransition', () => {
  const cases: { from: PageStatus; to: 'acknowledged' | 'resolved'; expected: 'change' | 'unchanged' | 'refused' }[] = [
    { from: 'triggered', to: 'acknowledged', expected: 'change' },
    { from: 'acknowledged', to: 'acknowledged', expected: 'unchanged' },
    { from: 'resolved', to: 'acknowledged', expected: 'refused' },
    { from: 'triggered', to: 'resolved', expected: 'change' },
    { from: 'acknowledged', to: 'resolved', expected: 'change' },
    { from: 'resolved', to: 'resolved', expected: 'unchanged' },
  ];
  it.each(cases)('$from → $to: $expected', ({ from, to, expected }) => {
    if (expected === 'refused') expect(() => pageTransition(from, to)).toThrow(ConflictError);
    else expect(pageTransition(from, to)).toBe(expected);
  });
});
