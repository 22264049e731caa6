import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { assertCents, centsFromDecimal, formatCents, roundHalfUpDiv, roundHalfUpDivBig, sumCents } from './cents';

// Independent oracle: a separate decimal.js clone; ROUND_HALF_UP in decimal.js rounds halves away from zero.
const D = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_UP });
const halfUp = (n: InstanceType<typeof D>) => n.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber() || 0;

const centsArb = fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: -1e15, max: 1e15 }));

describe('roundHalfUpDiv: the straight-line share of one period', () => {
  it('equals round-half-up(total / parts) computed in Decimal, negative totals rounding away from zero', () => {
    fc.assert(
      fc.property(centsArb, fc.integer({ min: 1, max: 2000 }), (total, parts) => {
        expect(roundHalfUpDiv(total, parts)).toBe(halfUp(new D(total).div(parts)));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [1, 2, 1],
    [-1, 2, -1],
    [3, 2, 2],
    [-3, 2, -2],
    [5, 3, 2],
    [4, 3, 1],
    [100, 3, 33],
    [200, 3, 67],
    [-200, 3, -67],
  ])('%i / %i = %i', (total, parts, expected) => {
    expect(roundHalfUpDiv(total, parts)).toBe(expected);
  });

  it('rejects a non-positive or fractional number of periods and a non-integer total', () => {
    expect(() => roundHalfUpDiv(100, 0)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(100, -3)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(100, 1.5)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(0.5, 2)).toThrow(RangeError);
  });
});

describe('roundHalfUpDivBig', () => {
  it('equals round-half-up(n / d) for any signs', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).filter((d) => d !== 0n),
        (n, d) => {
          const expected = BigInt(
            new D(n.toString()).div(d.toString()).toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toFixed(0),
          );
          expect(roundHalfUpDivBig(n, d)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
    expect(() => roundHalfUpDivBig(1n, 0n)).toThrow(RangeError);
  });
});

describe('centsFromDecimal', () => {
  it('rounds an amount of currency units half-up (away from zero) to whole cents', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.integer({ min: 0, max: 6 }),
        (units, places) => {
          const s = new D(units.toString()).div(new D(10).pow(places)).toFixed(places);
          expect(centsFromDecimal(s) || 0).toBe(halfUp(new D(s).times(100))); // -0: see the test below
        },
      ),
      { numRuns: 500 },
    );
    expect([
      centsFromDecimal('0.005'),
      centsFromDecimal('-0.005'),
      centsFromDecimal('1.004999'),
      centsFromDecimal('12.345'),
    ]).toEqual([1, -1, 100, 1235]);
  });
});

describe('negative zero', () => {
  it('centsFromDecimal never returns -0 (an amount that rounds to no cents from below)', () => {
    expect(Object.is(centsFromDecimal('-0.001'), 0)).toBe(true);
    expect(Object.is(centsFromDecimal('-0.004'), 0)).toBe(true);
  });
});

describe('formatCents', () => {
  it('writes two decimals, a leading minus and no separators, as Decimal(c/100).toFixed(2) does', () => {
    fc.assert(
      fc.property(centsArb, (c) => {
        const s = formatCents(c);
        expect(s).toMatch(/^-?\d+\.\d{2}$/);
        expect(s).toBe(new D(c).div(100).toFixed(2));
      }),
      { numRuns: 500 },
    );
    expect([formatCents(0), formatCents(-0), formatCents(5), formatCents(-7), formatCents(123456)]).toEqual([
      '0.00',
      '0.00',
      '0.05',
      '-0.07',
      '1234.56',
    ]);
  });
});

describe('assertCents and sumCents', () => {
  it('accepts safe integers only', () => {
    expect(assertCents(12)).toBe(12);
    for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => assertCents(bad)).toThrow(RangeError);
  });

  it('sums exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (xs) => {
        expect(sumCents(xs)).toBe(Number(xs.reduce((s, x) => s + BigInt(x), 0n)));
      }),
    );
  });
});
