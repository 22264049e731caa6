import fc from 'fast-check';
import { Decimal } from '../../src/engine/money/decimal';
import { rateFromDecimal, applyRate, monthlyRate } from '../../src/engine/rate/monthlyRate';
import {
  approxValue,
  sheetRoundedProductCents,
  sheetRoundedQuotientCents,
  spreadsheetRound,
} from '../../src/workpapers/spreadsheetRound';

describe("a spreadsheet's ROUND(x, 2), simulated", () => {
  it('rounds the binary neighbours of half-cents the way Excel and LibreOffice do (15 significant digits, then half away from zero)', () => {
    // 2.675, 1.005 and 0.285 are stored just below the half-cent; a spreadsheet still rounds them up.
    expect((2.675).toPrecision(20)).toBe('2.6749999999999998224');
    expect(spreadsheetRound(2.675)).toBe(2.68);
    expect(spreadsheetRound(1.005)).toBe(1.01);
    expect(spreadsheetRound(0.285)).toBe(0.29);
    expect(spreadsheetRound(-2.675)).toBe(-2.68);
    expect(spreadsheetRound(1234.5649999999)).toBe(1234.56);
    expect(spreadsheetRound(7)).toBe(7);
    expect(spreadsheetRound(0)).toBe(0);
    expect(spreadsheetRound(0.004999)).toBe(0);
  });

  it('approxValue keeps 15 significant digits', () => {
    expect(approxValue(0.1 + 0.2)).toBe(0.3);
    expect(approxValue(2.675 * 100 - 2 ** -44)).toBe(267.5); // a hair below 267.5
    expect(approxValue(1 / 3)).toBe(0.333333333333333);
  });

  it('equals exact half-up rounding whenever the exact product is not within a millionth of a cent of a half-cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 1, max: 2000000 }), (cents, ppm) => {
        const rate = rateFromDecimal(new Decimal(ppm).dividedBy(1e8));
        const exact = new Decimal(cents).times(rate.decimal); // in cents
        const frac = exact.abs().minus(exact.abs().floor());
        fc.pre(frac.minus(0.5).abs().greaterThan(1e-6));
        expect(sheetRoundedProductCents(cents, Number(rate.text))).toBe(applyRate(cents, rate));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds exact half-cents away from zero, as the engine does (terminating monthly rates)', () => {
    const r = monthlyRate('0.06', 'Monthly', 12); // 0.005: 300 cents x 0.005 = 1.5 cents exactly
    expect(applyRate(300, r)).toBe(2);
    expect(sheetRoundedProductCents(300, 0.005)).toBe(2);
    expect(sheetRoundedProductCents(-300, 0.005)).toBe(-2);
    expect(sheetRoundedQuotientCents(100005, 2)).toBe(50003); // 1,000.05 / 2 = 500.025
  });

  it('straight-line quotients round like the engine for any total and period count', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1200 }), (total, months) => {
        const exact = new Decimal(total).dividedBy(months).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() + 0;
        expect(sheetRoundedQuotientCents(total, months)).toBe(exact);
      }),
      { numRuns: 3000 },
    );
  });
});
