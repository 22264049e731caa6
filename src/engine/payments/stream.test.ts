import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { Decimal } from '../money/decimal';
import { escalate } from './stream';

// Independent oracle: a separate decimal.js clone; half-up = half away from zero.
const D = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP });

describe('escalate: one year of Annual Escalation, round(amount x (1 + e)) half-up to the cent (CONTRACT 1.2)', () => {
  it('agrees with Decimal for escalations with up to 10 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 1e9 }),
        (amount, places, n) => {
          const e = new D(n % (10 ** Math.min(places, 9) + 1)).div(new D(10).pow(places));
          const expected = new D(amount).times(e.plus(1)).toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber();
          expect(escalate(amount, new Decimal(e.toString()))).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    [1000000, '0.03', 1030000],
    [53045000, '0.03', 54636350], // PwC E2: 530,450 x 1.03 = 546,363.50
    [1215506, '0.05', 1276281], // 12,155.06 x 1.05 = 12,762.813 -> 12,762.81
    [1407100, '0.05', 1477455], // 14,071.00 x 1.05 = 14,774.55
    [1, '0.5', 2], // 1.5 cents -> 2
    [12345, '0', 12345],
    [10000, '1e-7', 10000], // exponent notation
  ])('escalate(%i, %s) = %i', (amount, e, expected) => {
    expect(escalate(amount, new Decimal(e))).toBe(expected);
  });
});
