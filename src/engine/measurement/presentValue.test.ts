import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { presentValue } from './presentValue';
import { monthlyRate, rateFromDecimal } from '../rate/monthlyRate';

// Independent oracle: Σ amount x (1+i)^-t, a straightforward sum in a separate decimal.js clone at 50 digits.
const D = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
function decimalPv(payments: { t: number; amount: number }[], i: string, atT = 0): number {
  const onePlus = new D(i).plus(1);
  let pv = new D(0);
  for (const p of payments) pv = pv.plus(new D(p.amount).div(onePlus.pow(p.t - atT)));
  return pv.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber() || 0;
}

const paymentArb = fc.record({
  t: fc.integer({ min: 0, max: 240 }),
  amount: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 10000000000 })),
});
const annualArb = fc.oneof(
  fc.constantFrom('0', '0.05', '0.06', '0.0904088', '0.2', '1'),
  fc.integer({ min: 0, max: 1000000 }).map((n) => new D(n).div(1000000).toString()),
);
const basisArb = fc.constantFrom('Payment frequency', 'Monthly', 'Effective annual') as fc.Arbitrary<'Monthly'>;

describe('presentValue', () => {
  it('agrees to the cent with a 50-digit Decimal sum of amount x (1+i)^-t, for every rate basis', () => {
    fc.assert(
      fc.property(
        fc.array(paymentArb, { maxLength: 60 }),
        annualArb,
        basisArb,
        fc.constantFrom(1, 2, 4, 12),
        (payments, r, basis, p) => {
          const rate = monthlyRate(r, basis, p);
          expect(presentValue(payments, rate)).toBe(decimalPv(payments, rate.text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a dense monthly stream of 240 payments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000000 }), annualArb, (amount, r) => {
        const payments = Array.from({ length: 240 }, (_, k) => ({ t: k + 1, amount }));
        const rate = monthlyRate(r, 'Payment frequency', 12);
        expect(presentValue(payments, rate)).toBe(decimalPv(payments, rate.text));
      }),
      { numRuns: 100 },
    );
  });

  it('measured at month atT, discounts by (1+i)^-(t-atT) and refuses earlier payments', () => {
    fc.assert(
      fc.property(
        fc.array(paymentArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 120 }),
        annualArb,
        (payments, atT, r) => {
          const later = payments.map((p) => ({ t: p.t + atT, amount: p.amount }));
          const rate = monthlyRate(r, 'Effective annual', 12);
          expect(presentValue(later, rate, atT)).toBe(decimalPv(later, rate.text, atT));
          expect(presentValue(later, rate, atT)).toBe(presentValue(payments, rate));
        },
      ),
      { numRuns: 100 },
    );
    expect(() => presentValue([{ t: 2, amount: 100 }], rateFromDecimal('0.01'), 3)).toThrow(RangeError);
  });

  it('exact half-cent PVs round half-up: i = 0.008, a = (2j+1) x 2^(t-1) x 63^t at month t has PV (2j+1) x 125^t / 2', () => {
    // 1.008 = 2^4 x 63 / 1000, so these PVs are exactly x.5 cents; the 30-place discount factor must not round them down.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 3 }), (j, t) => {
        const amount = (2 * j + 1) * 2 ** (t - 1) * 63 ** t;
        const exact = new D(amount).div(new D('1.008').pow(t));
        expect(exact.times(2).isInteger() && !exact.isInteger()).toBe(true);
        expect(presentValue([{ t, amount }], monthlyRate('0.096', 'Monthly', 12))).toBe(exact.plus('0.5').toNumber());
      }),
      { numRuns: 100 },
    );
  });

  it('at 0% is the plain sum; no payments is 0', () => {
    expect(
      presentValue(
        [
          { t: 5, amount: 123 },
          { t: 0, amount: 7 },
        ],
        rateFromDecimal('0'),
      ),
    ).toBe(130);
    expect(presentValue([], rateFromDecimal('0.01'))).toBe(0);
  });

  it('rounds half-up: 101 at t=1 and 1% is exactly 100, 201 at 0.5% exactly 200, 2 at t=2 and 100% is 0.5 -> 1', () => {
    expect(presentValue([{ t: 1, amount: 101 }], rateFromDecimal('0.01'))).toBe(100);
    expect(presentValue([{ t: 1, amount: 201 }], rateFromDecimal('0.005'))).toBe(200);
    expect(presentValue([{ t: 1, amount: 50 }], rateFromDecimal('1'))).toBe(25);
    expect(presentValue([{ t: 2, amount: 2 }], rateFromDecimal('1'))).toBe(1); // 0.5 -> 1
  });
});
