/** A distribution told by its middle and its tail, with how many values it rests on; never a mean. */
export interface Percentiles {
  p50: number | null;
  p90: number | null;
  n: number;
}

/**
 * p50 and p90 by linear interpolation between closest ranks (the common "type 7"): with one
 * value both are that value; with none both are null, so an empty week never reads as 0.
 */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), n: sorted.length };
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
