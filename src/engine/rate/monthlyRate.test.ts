import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { applyRate, monthlyRate, rateFromDecimal, RATE_DECIMALS } from './monthlyRate';

// Independent oracle: a separate decimal.js clone at 60 digits, and exact BigInt rationals for r/12.
const D = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP });
type D = InstanceType<typeof D>;
const to30 = (x: D) => x.toDecimalPlaces(RATE_DECIMALS, DecimalJs.ROUND_HALF_UP);

/** round-half-up (away from zero) of n / d for integers, d > 0. */
function ratioHalfUp(n: bigint, d: bigint): number {
  const abs = n < 0n ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return Number(n < 0n ? -q : q) || 0;
}

/** An annual rate with 0-8 decimals, 0% to 100%. */
const annualArb = fc
  .record({ places: fc.integer({ min: 0, max: 8 }), frac: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ places, frac }) => {
    const scale = 10 ** places;
    return new D(Math.round(frac * scale)).div(scale).toFixed(places);
  });
const amountArb = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -1e13, max: 1e13 }),
);

describe('monthlyRate (CONTRACT 1.3)', () => {
  it('Monthly and Payment frequency with monthly payments: i = r/12 to 30 places', () => {
    fc.assert(
      fc.property(annualArb, (r) => {
        const expected = to30(new D(r).div(12));
        expect(monthlyRate(r, 'Monthly', 4).text).toBe(expected.toFixed());
        expect(monthlyRate(r, 'Payment frequency', 12).text).toBe(expected.toFixed());
      }),
      { numRuns: 300 },
    );
    expect(monthlyRate('0.06', 'Monthly', 12).text).toBe('0.005');
  });

  it('Payment frequency: (1 + r/p)^(p/12) - 1; Effective annual: (1 + r)^(1/12) - 1, to 30 places', () => {
    fc.assert(
      fc.property(annualArb, fc.constantFrom(1, 2, 4), (r, p) => {
        const pf = to30(new D(r).div(p).plus(1).pow(new D(p).div(12)).minus(1));
        expect(new D(monthlyRate(r, 'Payment frequency', p).text).minus(pf).abs().lte('1e-30')).toBe(true);
        const eff = to30(new D(r).plus(1).pow(new D(1).div(12)).minus(1));
        expect(new D(monthlyRate(r, 'Effective annual', p).text).minus(eff).abs().lte('1e-30')).toBe(true);
      }),
      { numRuns: 300 },
    );
    // An annual payment's monthly rate compounds back to the annual rate: (1 + i)^12 = 1.07.
    const i = new D(monthlyRate('0.07', 'Payment frequency', 1).text);
    expect(i.plus(1).pow(12).minus('1.07').abs().lt('1e-28')).toBe(true);
  });

  it('the discount factor is 1 / (1 + i) to 30 places', () => {
    fc.assert(
      fc.property(
        annualArb,
        fc.constantFrom('Monthly', 'Effective annual', 'Payment frequency') as fc.Arbitrary<'Monthly'>,
        (r, basis) => {
          const rate = monthlyRate(r, basis, 4);
          const v = new D(1).div(new D(rate.text).plus(1));
          expect(new D(rate.discountScaled.toString()).div(new D(10).pow(30)).minus(v).abs().lte('1e-30')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('applyRate: round-half-up(amount x i) to the cent (CONTRACT 1.9)', () => {
  it('r/12: equals the exact rational amount x R / (12 x 10^places), rounded half away from zero', () => {
    fc.assert(
      fc.property(annualArb, amountArb, (r, amount) => {
        const places = r.includes('.') ? r.split('.')[1].length : 0;
        const R = BigInt(r.replace('.', ''));
        const expected = ratioHalfUp(BigInt(amount) * R, 12n * 10n ** BigInt(places));
        expect(applyRate(amount, monthlyRate(r, 'Monthly', 12)) || 0).toBe(expected); // -0: see the test below
      }),
      { numRuns: 1000 },
    );
  });

  it('r/12 near the exact-integer fast path limit (amount x numerator around 2^53)', () => {
    fc.assert(
      fc.property(
        annualArb.filter((r) => Number(r) > 0),
        fc.integer({ min: -3000, max: 3000 }),
        fc.boolean(),
        (r, k, negative) => {
          const places = r.includes('.') ? r.split('.')[1].length : 0;
          const R = BigInt(r.replace('.', ''));
          const den = 12n * 10n ** BigInt(places);
          let g = R;
          let b = den;
          while (b !== 0n) [g, b] = [b, g % b];
          const numerator = R / g;
          const edge = BigInt(Number.MAX_SAFE_INTEGER) / numerator + BigInt(k);
          const amount = Number(edge > 0n ? edge : 1n) * (negative ? -1 : 1);
          if (!Number.isSafeInteger(amount)) return;
          expect(applyRate(amount, monthlyRate(r, 'Monthly', 12)) || 0).toBe(ratioHalfUp(BigInt(amount) * R, den));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('other bases: equals round-half-up(amount x i) with i at 60 digits', () => {
    fc.assert(
      fc.property(annualArb, amountArb, fc.constantFrom(1, 2, 4), (r, amount, p) => {
        const i = new D(r).div(p).plus(1).pow(new D(p).div(12)).minus(1);
        const expected = new D(amount).times(i).toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber() || 0;
        expect(applyRate(amount, monthlyRate(r, 'Payment frequency', p)) || 0).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('r/12 with more than 8 decimals in r: exact half-cent products still round half away from zero', () => {
    // i = 0.060000001/12 does not terminate; 6e9 x i = 30,000,000.5 exactly, and i rounded to 30 places is just below it.
    const i = monthlyRate('0.060000001', 'Monthly', 12);
    expect(applyRate(6e9, i)).toBe(30000001);
    expect(applyRate(-6e9, i)).toBe(-30000001);
    // r = 0.002734375 (5^8 x 7 / 10^9): i = 7/30720, and 15,360 cents x i = 3.5 cents exactly.
    expect(applyRate(15360, monthlyRate('0.002734375', 'Monthly', 12))).toBe(4);
  });

  it('exact halves round away from zero', () => {
    const half = rateFromDecimal('0.5');
    expect([applyRate(1, half), applyRate(-1, half), applyRate(3, half), applyRate(-3, half)]).toEqual([1, -1, 2, -2]);
    const m = monthlyRate('0.06', 'Monthly', 12); // 0.005
    expect([applyRate(100, m), applyRate(-100, m), applyRate(99, m), applyRate(0, m)]).toEqual([1, -1, 0, 0]);
  });

  it('never returns negative zero (a small negative balance whose interest rounds to nothing)', () => {
    // -0 is not a distinct amount, but it prints as "-0" through Intl.NumberFormat and fails Object.is checks.
    expect(Object.is(applyRate(-1, monthlyRate('1', 'Monthly', 12)), 0)).toBe(true);
    expect(Object.is(applyRate(-1, monthlyRate('0.07', 'Effective annual', 12)), 0)).toBe(true);
  });
});

describe('r/12 is exact, not a truncated decimal', () => {
  test('170,041,800 cents x 0.07/12 = 991,910.5 exactly rounds half-up to 991,911 (found by the property tests)', () => {
    expect(applyRate(170041800, monthlyRate('0.07', 'Payment frequency', 12))).toBe(991911);
  });
});
