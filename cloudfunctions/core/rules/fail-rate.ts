/** Fail rate rounded to 4 decimals, so that JSON output is stable and readable. */
export function failRateOf(failed: number, graded: number): number {
  return graded === 0 ? 0 : Math.round((failed / graded) * 10000) / 10000;
}

/**
 * Strictly above the threshold, compared in integers (parts per million) so that exactly 15 %
 * is never flagged through a floating-point rounding.
 */
export function isAboveRate(failed: number, graded: number, threshold: number): boolean {
  return graded > 0 && failed * 1_000_000 > Math.round(threshold * 1_000_000) * graded;
}
