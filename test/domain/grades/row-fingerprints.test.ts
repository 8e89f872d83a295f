import fc from 'fast-check';
import { RowFingerprints } from '../../../cloudfunctions/core/grades/row-fingerprints';

describe('row fingerprints', () => {
  test('remembers the first row of each key, across growth', () => {
    const set = new RowFingerprints(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `2021${i}\u0001C${i % 60}\u00012025-2026-1\u0001regular`);
    keys.forEach((k, i) => expect(set.firstRowOf(k, i + 2)).toBe(0));
    keys.forEach((k, i) => expect(set.firstRowOf(k, 99_999)).toBe(i + 2));
  });

  test('behaves as a map from key to first row number', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 200 }), (keys) => {
        const set = new RowFingerprints(1);
        const exact = new Map<string, number>();
        keys.forEach((k, i) => {
          expect(set.firstRowOf(k, i + 1)).toBe(exact.get(k) ?? 0);
          if (!exact.has(k)) exact.set(k, i + 1);
        });
      }),
    );
  });
});
