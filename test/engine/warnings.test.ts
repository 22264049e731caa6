/**
 * The engine's warnings (CONTRACT 1.10): listed at their cells like errors, never stopping the measurement.
 * - a Remeasurement that changes the term or the payments, or a Partial termination, with a blank New Discount Rate
 *   (ASC 842-20-35-5 and 842-10-35-5 ask for a rate determined at the effective date unless only the amount probable
 *   under a residual value guarantee changed), at the row's New Discount Rate cell;
 * - a negative ROU asset or a liability below 0.00 at any month-end, at the lease's row;
 * - a Useful Life shorter than the term on an operating lease, at the Useful Life cell.
 */
import { measureLease, measurePortfolio, portfolioWarnings, defaultPolicies, WARNINGS } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import { buildJsonExport } from '../../src/export/json';
import type { LeaseTerms, ModificationTerms } from '../../src/engine/terms';
import { lease, modification, $ } from '../support/leases';

const SOURCES = { source: 'Leases!A4', usefulLifeSource: 'Leases!V4' };
const RATE_CELL = { source: 'LeaseModifications!A3', newDiscountRateSource: 'LeaseModifications!F3' };
const run = (terms: LeaseTerms, mods: ModificationTerms[] = []) => measureLease(terms, mods, defaultPolicies());
const base = lease({ termMonths: 60, payment: 1000, rate: '0.06', ...SOURCES });

describe('a blank New Discount Rate (ASC 842-20-35-5)', () => {
  test('a Remeasurement that extends the term: a warning at the row’s New Discount Rate cell, measured all the same', () => {
    const row = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', newTermMonths: 72, ...RATE_CELL });
    const r = run(base, [row]);
    expect(r.months).toHaveLength(72);
    expect(r.warnings).toEqual([
      {
        leaseId: 'L-1',
        where: 'LeaseModifications!F3',
        message: WARNINGS.blankRate('L-1', 'Remeasurement', 'term 60 to 72 months', new Decimal('0.06')),
      },
    ]);
    expect(r.warnings[0].message).toContain('rate in force, 6%');
  });

  test('a Remeasurement of the payment, and one making a purchase option reasonably certain, warn too', () => {
    const pay = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', newPayment: $(1100), ...RATE_CELL });
    expect(run(base, [pay]).warnings.map((w) => w.message)).toEqual([
      WARNINGS.blankRate('L-1', 'Remeasurement', 'payment 1100.00', new Decimal('0.06')),
    ]);
    const option = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', purchaseOptionCertain: true });
    expect(run(lease({ ...base, purchaseOptionPrice: $(5000) }), [option]).warnings).toHaveLength(1);
  });

  test('a Partial termination with a blank rate warns', () => {
    const row = modification({
      effectiveDate: '2030-01-01',
      type: 'Partial termination',
      scopeReduction: new Decimal('0.25'),
      ...RATE_CELL,
    });
    const [w] = run(base, [row]).warnings;
    expect(w.where).toBe('LeaseModifications!F3');
    expect(w.message).toContain('partial termination of lease L-1 (scope reduced by 25%)');
  });

  test('no warning when the rate is given, when only the residual value guarantee changes, or for an impairment', () => {
    const rated = modification({
      effectiveDate: '2030-01-01',
      type: 'Remeasurement',
      newTermMonths: 72,
      newDiscountRate: new Decimal('0.07'),
    });
    const rvg = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', residualValueGuarantee: $(2000) });
    const sameTerm = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', newTermMonths: 60 });
    const impairment = modification({ effectiveDate: '2030-01-01', type: 'Impairment', impairmentAmount: $(100) });
    for (const row of [rated, rvg, sameTerm, impairment]) expect(run(base, [row]).warnings).toEqual([]);
  });
});

describe('balances below zero at a month-end', () => {
  test('incentives larger than the liability and payments: a negative ROU asset, at the lease’s row', () => {
    // ROU at commencement = liability 23 x 100 (at 0%) + 100 paid on day one - 3,000 incentives = -600.00; the
    // straight-line cost (2,400 - 3,000) / 24 = -25.00 a month brings it up to 0.00 at the end of month 24.
    const r = run(lease({ termMonths: 24, payment: 100, rate: '0', leaseIncentives: $(3000), ...SOURCES }));
    expect(r.rouAtCommencement).toBe($(-600));
    const below = r.months.filter((m) => m.rouEnd < 0);
    expect(below.map((m) => m.month)).toEqual(Array.from({ length: 23 }, (_, k) => k + 1));
    expect(r.warnings).toEqual([
      {
        leaseId: 'L-1',
        where: 'Leases!A4',
        message: WARNINGS.negativeRou('L-1', below[0].rouEnd, below[0].end, below.length),
      },
    ]);
  });

  test('quarterly in advance at 0.01%: the liability sits at -0.03 after the last payment, until the true-up', () => {
    const r = run(
      lease({
        termMonths: 24,
        payment: 300,
        frequency: 'Quarterly',
        rate: '0.0001',
        usefulLifeMonths: 120,
        ...SOURCES,
      }),
    );
    const below = r.months.filter((m) => m.liabilityEnd < 0);
    expect(below.map((m) => m.month)).toEqual([22, 23]);
    expect(r.warnings.map((w) => [w.where, w.message])).toEqual([
      ['Leases!A4', WARNINGS.negativeLiability('L-1', below[0].liabilityEnd, '2030-10-31', 2)],
    ]);
  });
});

describe('a Useful Life shorter than the term on an operating lease', () => {
  test('an Operating override with a life of 48 in a 60-month term: a warning at the Useful Life cell', () => {
    const r = run(lease({ ...base, usefulLifeMonths: 48, classificationOverride: 'operating' }));
    expect(r.classification).toBe('operating');
    expect(r.warnings).toEqual([
      { leaseId: 'L-1', where: 'Leases!V4', message: WARNINGS.shortLifeOperating('L-1', 48, 60, true) },
    ]);
    expect(r.warnings[0].message).toContain('by its Classification override');
  });

  test('none when the life is at least the term, or the lease is finance', () => {
    expect(run(lease({ ...base, usefulLifeMonths: 60, classificationOverride: 'operating' })).warnings).toEqual([]);
    expect(run(lease({ ...base, usefulLifeMonths: 48 })).warnings).toEqual([]);
  });
});

describe('the portfolio and the JSON export carry every lease’s warnings (CONTRACT 5)', () => {
  test('portfolioWarnings lists them lease by lease; the export’s `warnings` has { where, message }', () => {
    const a = lease({ ...base, id: 'A', usefulLifeMonths: 48, classificationOverride: 'operating' });
    const b = lease({ ...base, id: 'B', source: 'Leases!A5' });
    const row = modification({ leaseId: 'B', effectiveDate: '2030-01-01', type: 'Remeasurement', newTermMonths: 72 });
    const result = measurePortfolio({ leases: [a, b], modifications: [row], policies: defaultPolicies() });
    expect(result.failures).toEqual([]);
    expect(portfolioWarnings(result).map((w) => w.leaseId)).toEqual(['A', 'B']);
    const json = buildJsonExport('1.0.0', result, []);
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([
      { where: 'Leases!V4', message: WARNINGS.shortLifeOperating('A', 48, 60, true) },
      // No New Discount Rate cell known: the row's first cell, else the lease's row.
      {
        where: 'Leases!A5',
        message: WARNINGS.blankRate('B', 'Remeasurement', 'term 60 to 72 months', new Decimal('0.06')),
      },
    ]);
    expect(buildJsonExport('1.0.0', null, [{ where: 'Leases!A4', message: 'x' }]).warnings).toEqual([]);
  });
});
