/**
 * CONTRACT 1.7 (version 4): a finance lease's ROU asset is amortized straight-line (ASC 842-20-35-8; IFRS 16.32)
 * over the useful life when ownership transfers or a purchase option is reasonably certain of exercise; otherwise
 * from commencement to the earlier of the end of the useful life and the end of the lease term, so a useful life
 * shorter than the term ends the amortization early and later months amortize 0.00. After a remeasurement the same
 * rule applies to the remaining months. Expected figures are Excel's PV closed form and cost / months in Decimal
 * (test/engine/support/reference.ts), never the engine's own output.
 */
import { measureLease, defaultPolicies, describeAmortizationPeriod } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import type { LeaseResult } from '../../src/engine/schedule/types';
import type { LeaseTerms, ModificationTerms } from '../../src/engine/terms';
import { lease, modification, $ } from '../support/leases';
import { D, excelPv, refSchedule, roundCents } from './support/reference';

const run = (terms: LeaseTerms, mods: ModificationTerms[] = []): LeaseResult =>
  measureLease(terms, mods, defaultPolicies());

/** round(total / months) for each month but the last, the last the remainder (CONTRACT 1.9). */
function straightLine(total: number, months: number): number[] {
  const each = roundCents(new D(total).div(months));
  return Array.from({ length: months }, (_, k) => (k < months - 1 ? each : total - each * (months - 1)));
}

const amortizations = (r: LeaseResult, from: number, to: number): number[] =>
  r.months.filter((m) => m.month >= from && m.month <= to).map((m) => m.amortization);

describe('ASC 842-20-35-8 / IFRS 16.32: amortization to the earlier of the end of the useful life and the end of the term', () => {
  test('a specialized asset with a useful life of 48 months inside a 60-month term amortizes over 48 months', () => {
    // $1,000 a month in advance at 6%: finance by the specialized-asset test (ASC 842-10-25-2(e)).
    const terms = lease({ termMonths: 60, payment: 1000, rate: '0.06', specializedAsset: true, usefulLifeMonths: 48 });
    const r = run(terms);
    expect(r.classification).toBe('finance');
    const liability = roundCents(excelPv(new D('0.06').div(12), 60, $(1000), 1)) - $(1000);
    const rou = liability + $(1000);
    expect(r.liabilityAtCommencement).toBe(liability);
    expect(r.rouAtCommencement).toBe(rou);
    expect(amortizations(r, 1, 48)).toEqual(straightLine(rou, 48));
    expect(amortizations(r, 49, 60)).toEqual(new Array(12).fill(0));
    expect(r.months[47].rouEnd).toBe(0);
    // After the useful life the finance lease cost is the interest alone; the liability still runs to month 60.
    for (const m of r.months.slice(48)) expect(m.leaseCost).toBe(m.interest);
    expect(r.months[59].liabilityEnd).toBe(0);
    expect(r.amortizationPeriod).toEqual({ rule: 'useful life, shorter than the term', endMonth: 48 });
  });

  test('a Finance override with a shorter useful life, payments in arrears: 30 of 36 months', () => {
    const terms = lease({
      termMonths: 36,
      payment: '2500.50',
      timing: 'Arrears',
      rate: '0.045',
      usefulLifeMonths: 30,
      classificationOverride: 'finance',
    });
    const r = run(terms);
    const liability = roundCents(excelPv(new D('0.045').div(12), 36, $('2500.50'), 0));
    expect(r.liabilityAtCommencement).toBe(liability);
    expect(r.rouAtCommencement).toBe(liability);
    expect(amortizations(r, 1, 30)).toEqual(straightLine(liability, 30));
    expect(amortizations(r, 31, 36)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.months[35].rouEnd).toBe(0);
    expect(r.months[35].liabilityEnd).toBe(0);
  });

  test('a useful life at least as long as the term (no transfer, no certain option) amortizes over the term', () => {
    const r = run(lease({ termMonths: 36, payment: 1000, usefulLifeMonths: 40 }));
    expect(r.classification).toBe('finance'); // 36 >= 75% of 40
    expect(amortizations(r, 1, 36)).toEqual(straightLine(r.rouAtCommencement, 36));
    expect(r.amortizationPeriod).toEqual({ rule: 'lease term', endMonth: 36 });
  });

  test('ownership transfers: the useful life, even when shorter than the term (the asset is the lessee’s to use up)', () => {
    const r = run(lease({ termMonths: 36, payment: 1000, usefulLifeMonths: 24, ownershipTransfers: true }));
    expect(amortizations(r, 1, 24)).toEqual(straightLine(r.rouAtCommencement, 24));
    expect(amortizations(r, 25, 36)).toEqual(new Array(12).fill(0));
    expect(r.amortizationPeriod).toEqual({ rule: 'useful life', endMonth: 24 });
  });

  test('an operating lease has no amortization period (its ROU amortization is the straight-line plug)', () => {
    const r = run(lease({ termMonths: 36, payment: 1000, usefulLifeMonths: 30, classificationOverride: 'operating' }));
    expect(r.amortizationPeriod).toBeNull();
    expect(r.months[35].rouEnd).toBe(0);
  });
});

describe('after a remeasurement the same rule applies to the remaining months (CONTRACT 1.7, 1.10)', () => {
  test('a 36-month lease with a 48-month life extended to 60 months after month 12 still ends its amortization at month 48', () => {
    // Finance by the 75% test (36 >= 75% of 48), amortized over the 36-month term; at the start of month 13 the term
    // becomes 60 months at a new rate of 7%: the remaining months 13..60 run past the life, so the new ROU is
    // amortized over months 13..48 (36 months) and months 49..60 amortize 0.00.
    const terms = lease({ termMonths: 36, payment: 1000, rate: '0.06', usefulLifeMonths: 48 });
    const row = modification({
      effectiveDate: '2030-01-01',
      type: 'Remeasurement',
      newTermMonths: 60,
      newDiscountRate: new Decimal('0.07'),
    });
    const r = run(terms, [row]);
    const original = refSchedule(terms, defaultPolicies());
    const rou0 = roundCents(excelPv(new D('0.06').div(12), 36, $(1000), 1));
    expect(amortizations(r, 1, 12)).toEqual(straightLine(rou0, 36).slice(0, 12));
    const liabilityBefore = original.months[11].liabilityEnd;
    const rouBefore = rou0 - 12 * roundCents(new D(rou0).div(36));
    // 48 payments in advance from month 13 at 7%/12.
    const newLiability = roundCents(excelPv(new D('0.07').div(12), 48, $(1000), 1));
    const m13 = r.months[12];
    expect(m13.liabilityAdjustment).toBe(newLiability - liabilityBefore);
    expect(m13.rouAdjustment).toBe(newLiability - liabilityBefore);
    const newRou = rouBefore + newLiability - liabilityBefore;
    expect(m13.classification).toBe('finance'); // remaining 48 months >= 75% of the remaining life of 36
    expect(amortizations(r, 13, 48)).toEqual(straightLine(newRou, 36));
    expect(amortizations(r, 49, 60)).toEqual(new Array(12).fill(0));
    expect(r.months[47].rouEnd).toBe(0);
    expect(r.months[59].liabilityEnd).toBe(0);
    expect(r.measurements[1].amortizationPeriod).toEqual({ rule: 'useful life, shorter than the term', endMonth: 48 });
    expect(r.amortizationPeriod).toEqual({ rule: 'lease term', endMonth: 36 });
  });

  test('a remeasurement after the useful life has ended amortizes its ROU adjustment in the effective month (choice)', () => {
    const terms = lease({ termMonths: 36, payment: 1000, usefulLifeMonths: 24, classificationOverride: 'finance' });
    const row = modification({
      effectiveDate: '2031-07-01', // month 31
      type: 'Remeasurement',
      newPayment: $(1200),
      newDiscountRate: new Decimal('0.06'),
    });
    const r = run(terms, [row]);
    const m31 = r.months[30];
    expect(m31.rouStart).toBe(0);
    expect(m31.amortization).toBe(m31.rouAdjustment);
    expect(amortizations(r, 32, 36)).toEqual([0, 0, 0, 0, 0]);
    expect(r.months[35].rouEnd).toBe(0);
  });
});

describe('the rule in words (for the Classification sheet and the memo)', () => {
  test('each rule names its period and ASC 842-20-35-8', () => {
    const specialized = run(lease({ termMonths: 60, payment: 1000, specializedAsset: true, usefulLifeMonths: 48 }));
    expect(describeAmortizationPeriod(specialized.amortizationPeriod!, 60)).toBe(
      'Straight-line over the useful life of 48 months, which ends before the 60-month lease term ' +
        '(ASC 842-20-35-8: the earlier of the two); later months amortize 0.00',
    );
    const owned = run(lease({ termMonths: 36, payment: 1000, usefulLifeMonths: 120, ownershipTransfers: true }));
    expect(describeAmortizationPeriod(owned.amortizationPeriod!, 36)).toMatch(
      /^Straight-line over the useful life of 120 months, as ownership transfers .*passes to owned assets$/,
    );
    expect(describeAmortizationPeriod({ rule: 'lease term', endMonth: 36 }, 36)).toMatch(
      /^Straight-line over the lease term of 36 months/,
    );
  });
});
