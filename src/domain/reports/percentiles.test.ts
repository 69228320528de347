import { describe, expect, it } from 'vitest';
import { percentiles } from './percentiles.js';

describe('percentiles', () => {
  it.each([
    ['n = 0: null, never 0', [], { p50: null, p90: null, n: 0 }],
    ['n = 1: both are the one value', [420], { p50: 420, p90: 420, n: 1 }],
    ['n = 2 interpolates', [10, 20], { p50: 15, p90: 19, n: 2 }],
    ['unsorted input', [5, 1, 4, 2, 3], { p50: 3, p90: 4.6, n: 5 }],
    ['a skewed week: the tail shows in p90, the median ignores the outlier', [1, 2, 2, 3, 3, 3, 4, 4, 5, 600], { p50: 3, p90: 64.5, n: 10 }],
  ])('%s', (_title, values, expected) => {
    const result = percentiles(values);
    expect(result.n).toBe(expected.n);
    if (expected.p50 === null) expect(result).toEqual(expected);
    else {
      expect(result.p50).toBeCloseTo(expected.p50, 9);
      expect(result.p90).toBeCloseTo(expected.p90!, 9);
    }
  });
});
