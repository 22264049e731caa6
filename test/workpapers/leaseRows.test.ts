import fc from 'fast-check';
import { leaseRowLocator } from '../../src/workpapers/leaseRows';

describe('leaseRowLocator: the lease a data row belongs to', () => {
  test('every row maps to its lease and offset, leases without rows skipped, each lease prepared once in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const prepared: number[] = [];
        const locate = leaseRowLocator(counts, (k) => {
          prepared.push(k);
          return `lease ${k}`;
        });
        const expected: { k: number; offset: number }[] = [];
        counts.forEach((n, k) => {
          for (let o = 0; o < n; o++) expected.push({ k, offset: o });
        });
        expected.forEach(({ k, offset }, i) => {
          expect(locate(i)).toEqual({ k, offset, prepared: `lease ${k}` });
        });
        expect(prepared).toEqual(counts.map((n, k) => (n > 0 ? k : -1)).filter((k) => k >= 0));
      }),
    );
  });

  test('random access finds the right lease too', () => {
    const locate = leaseRowLocator([3, 0, 2, 5], (k) => k);
    expect(locate(9)).toEqual({ k: 3, offset: 4, prepared: 3 });
    expect(locate(3)).toEqual({ k: 2, offset: 0, prepared: 2 });
    expect(locate(0)).toEqual({ k: 0, offset: 0, prepared: 0 });
  });
});
