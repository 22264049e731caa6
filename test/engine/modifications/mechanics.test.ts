/**
 * Modification mechanics of CONTRACT 1.10 on monthly leases, each expected figure derived independently here with
 * decimal arithmetic (support.ts) from the month m-1 closing balances: terminations, both Partial Termination Method
 * policies, impairment, sequences, row order, short-term leases, history, classification and input errors.
 */
import { Decimal } from '../../../src/engine/money/decimal';
import { ModificationError, measureLease } from '../../../src/engine/lease';
import { measurePortfolio } from '../../../src/engine/portfolio';
import { defaultPolicies } from '../../../src/engine/policies';
import type { LeaseResult } from '../../../src/engine/schedule/types';
import type { LeaseTerms, ModificationTerms, Policies } from '../../../src/engine/terms';
import { lease, modification, $ } from '../../support/leases';
import {
  afterBooking,
  D,
  lifeTotals,
  month,
  monthlyRateFor,
  pvMonths,
  roundCents,
  run,
  shareOf,
  sum,
  tieProblems,
} from './support';

const rate = (r: string) => new Decimal(r);

/** Start of lease month k of a lease commencing 2029-01-01 (the test helper's default). */
function start(k: number): string {
  const y = 2029 + Math.floor((k - 1) / 12);
  const m = ((k - 1) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/** `count` monthly payments in advance of `cents`, the first at the measurement date. */
function monthly(count: number, cents: number): { months: number; cents: number }[] {
  return Array.from({ length: count }, (_, k) => ({ months: k, cents }));
}

function withMethod(method: Policies['partialTerminationMethod']): Policies {
  return { ...defaultPolicies(), partialTerminationMethod: method };
}

/** Expect the run to throw a ModificationError naming `where`, with a message matching `pattern`. */
function expectModificationError(terms: LeaseTerms, mods: ModificationTerms[], pattern: RegExp, where: string): void {
  let caught: unknown;
  try {
    run(terms, mods);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ModificationError);
  expect((caught as ModificationError).message).toMatch(pattern);
  expect((caught as ModificationError).where).toBe(where);
}

/** Rows of months before m are identical with and without the later modification. */
function expectHistoryKept(withMod: LeaseResult, without: LeaseResult, m: number): void {
  expect(withMod.months.slice(0, m - 1)).toEqual(without.months.slice(0, m - 1));
  expect(withMod.liabilityAtCommencement).toBe(without.liabilityAtCommencement);
  expect(withMod.rouAtCommencement).toBe(without.rouAtCommencement);
}

describe('New Payment: the regular amount of every payment period starting at or after month m (CONTRACT 1.10)', () => {
  test('mid-year: escalations continue on the original anniversaries, compounding from the new amount', () => {
    const terms = lease({ termMonths: 36, payment: 1000, annualEscalation: rate('0.03') });
    const r = run(terms, [modification({ effectiveDate: start(7), type: 'Remeasurement', newPayment: $(1100) })]);
    const paid = (k: number) => month(r, k).payment;
    expect(paid(6)).toBe($(1000));
    for (let k = 7; k <= 12; k++) expect(paid(k)).toBe($(1100));
    for (let k = 13; k <= 24; k++) expect(paid(k)).toBe($(1133)); // round(1,100 x 1.03)
    for (let k = 25; k <= 36; k++) expect(paid(k)).toBe($('1166.99')); // round(1,133 x 1.03)
    const flows = [
      ...Array.from({ length: 6 }, (_, k) => ({ months: k, cents: $(1100) })),
      ...Array.from({ length: 12 }, (_, k) => ({ months: 6 + k, cents: $(1133) })),
      ...Array.from({ length: 12 }, (_, k) => ({ months: 18 + k, cents: $('1166.99') })),
    ];
    expect(afterBooking(r, 7).liability).toBe(pvMonths(flows, monthlyRateFor('0.06', 12)));
  });

  test("on an anniversary: the new amount replaces that year's escalated amount", () => {
    const terms = lease({ termMonths: 36, payment: 1000, annualEscalation: rate('0.03') });
    const r = run(terms, [modification({ effectiveDate: start(13), type: 'Remeasurement', newPayment: $(1100) })]);
    expect(month(r, 12).payment).toBe($(1000));
    expect(month(r, 13).payment).toBe($(1100));
    expect(month(r, 25).payment).toBe($(1133));
  });

  test('quarterly in arrears, effective inside a period: that period keeps its amount, the next ones take the new one', () => {
    const terms = lease({ termMonths: 24, payment: 3000, frequency: 'Quarterly', timing: 'Arrears' });
    const r = run(terms, [modification({ effectiveDate: start(5), type: 'Remeasurement', newPayment: $(2400) })]);
    expect(month(r, 6).arrearsPayment).toBe($(3000)); // the period of months 4-6 started before month 5
    for (const k of [9, 12, 15, 18, 21, 24]) expect(month(r, k).arrearsPayment).toBe($(2400));
    // Remeasured at the start of month 5: 3,000 two months on (end of month 6), then 2,400 every 3 months.
    const i = monthlyRateFor('0.06', 4);
    const flows = [
      { months: 2, cents: $(3000) },
      ...[5, 8, 11, 14, 17, 20].map((t) => ({ months: t, cents: $(2400) })),
    ];
    expect(afterBooking(r, 5).liability).toBe(pvMonths(flows, i));
  });
});

describe('Termination (CONTRACT 1.10)', () => {
  const terms = lease({
    termMonths: 36,
    payment: 500,
    rate: '0.06',
    initialDirectCosts: $(300),
    leaseIncentives: $(100),
  });
  const term = modification({ effectiveDate: start(20), type: 'Termination', terminationPayment: $(2000) });

  test.each([
    ['operating', terms],
    ['finance', { ...terms, classificationOverride: 'finance' as const }],
  ])(
    '%s lease: month m is the last row; payment, derecognition and gain/loss = liability - ROU - payment',
    (cls, t) => {
      const plain = run(t);
      const r = run(t, [term]);
      expect(r.months).toHaveLength(20);
      const row = month(r, 20);
      const L = month(plain, 19).liabilityEnd;
      const R = month(plain, 19).rouEnd;
      // The liability before is the PV of the 17 unpaid payments (within the drift of 19 rounded accretions).
      expect(Math.abs(L - pvMonths(monthly(17, $(500)), monthlyRateFor('0.06', 12)))).toBeLessThanOrEqual(10);
      expect(row).toMatchObject({
        event: 'Termination',
        classification: cls,
        liabilityStart: L,
        liabilityAdjustment: $(2000) - L,
        advancePayment: 0,
        payment: $(2000),
        interest: 0,
        liabilityEnd: 0,
        rouStart: R,
        rouAdjustment: -R,
        amortization: 0,
        rouEnd: 0,
        leaseCost: 0,
        gainLoss: L - R - $(2000),
      });
      expectHistoryKept(r, plain, 20);
      expect(tieProblems(r)).toEqual([]);
      const totals = lifeTotals(r);
      expect(totals.charge).toBe(totals.cash);
    },
  );

  test('a termination in the last month of the term is allowed; blank Termination Payment = 0.00', () => {
    const r = run(terms, [modification({ effectiveDate: start(36), type: 'Termination' })]);
    expect(r.months).toHaveLength(36);
    expect(month(r, 36).payment).toBe(0);
    expect(month(r, 36).gainLoss).toBe(month(r, 35).liabilityEnd - month(r, 35).rouEnd);
  });
});

describe('Partial termination: both Partial Termination Method policies', () => {
  // ROU above the liability (IDC), so the asset method books a loss and the two methods differ.
  const terms = lease({ termMonths: 60, payment: 2000, rate: '0.05', initialDirectCosts: $(5000) });
  const row = modification({
    effectiveDate: start(25),
    type: 'Partial termination',
    scopeReduction: rate('0.4'),
    newPayment: $(1200),
    newDiscountRate: rate('0.06'),
  });
  const newLiability = pvMonths(monthly(36, $(1200)), monthlyRateFor('0.06', 12));

  test('Proportion of asset: remove 40% of each; gain/loss = 40% L - 40% R; remeasure the rest to the new liability', () => {
    const r = run(terms, [row], withMethod('Proportion of asset'));
    const m = month(r, 25);
    const L = m.liabilityStart;
    const R = m.rouStart;
    const liabilityRemoved = shareOf(L, new D('0.4'));
    const rouRemoved = shareOf(R, new D('0.4'));
    expect(m.liabilityAdjustment).toBe(newLiability - L);
    expect(m.gainLoss).toBe(liabilityRemoved - rouRemoved);
    expect(m.gainLoss).toBeLessThan(0); // a loss: the ROU carries unamortized IDC
    expect(m.rouAdjustment).toBe(-rouRemoved + (newLiability - (L - liabilityRemoved)));
    expect(m.event).toBe('Partial termination');
    // New straight-line cost: (remaining undiscounted + (ROU - liability)) / 36.
    const after = afterBooking(r, 25);
    const total = 36 * $(1200) + after.rou - after.liability;
    expect(sum(r, 'leaseCost', 25, 60)).toBe(total);
    expect(m.leaseCost).toBe(roundCents(new D(total).div(36)));
    expect(month(r, 60).rouEnd).toBe(0);
    expect(month(r, 60).liabilityEnd).toBe(0);
    expect(tieProblems(r)).toEqual([]);
  });

  test('Proportion of liability: remove L - new from the liability and R x (L - new) / L from the ROU', () => {
    const r = run(terms, [row], withMethod('Proportion of liability'));
    const m = month(r, 25);
    const L = m.liabilityStart;
    const R = m.rouStart;
    const liabilityRemoved = L - newLiability;
    const rouRemoved = roundCents(new D(R).times(liabilityRemoved).div(L));
    expect(m.liabilityAdjustment).toBe(-liabilityRemoved);
    expect(m.rouAdjustment).toBe(-rouRemoved);
    expect(m.gainLoss).toBe(liabilityRemoved - rouRemoved);
    const after = afterBooking(r, 25);
    expect(sum(r, 'leaseCost', 25, 60)).toBe(36 * $(1200) + after.rou - after.liability);
    expect(tieProblems(r)).toEqual([]);
  });

  test('the two methods share the history and the new liability, and differ only in the ROU and the gain/loss', () => {
    const a = run(terms, [row], withMethod('Proportion of asset'));
    const b = run(terms, [row], withMethod('Proportion of liability'));
    expect(a.months.slice(0, 24)).toEqual(b.months.slice(0, 24));
    expect(afterBooking(a, 25).liability).toBe(afterBooking(b, 25).liability);
    // Both book the same total P&L over the life: only its split between gain/loss and later cost differs.
    expect(lifeTotals(a)).toEqual(lifeTotals(b));
    expect(month(a, 25).gainLoss).not.toBe(month(b, 25).gainLoss);
  });

  test('finance lease, Proportion of liability: the ROU left is amortized straight-line over the 36 remaining months', () => {
    const r = run({ ...terms, classificationOverride: 'finance' }, [row], withMethod('Proportion of liability'));
    const rou = afterBooking(r, 25).rou;
    const monthlyAmortization = roundCents(new D(rou).div(36));
    for (let k = 25; k < 60; k++) expect(month(r, k).amortization).toBe(monthlyAmortization);
    expect(month(r, 60).amortization).toBe(rou - 35 * monthlyAmortization);
    for (let k = 25; k <= 60; k++) expect(month(r, k).leaseCost).toBe(month(r, k).interest + month(r, k).amortization);
    expect(month(r, 60).rouEnd).toBe(0);
  });

  test('a half-cent share rounds half-up: 0% lease, ROU 3,000.03 x 5,000 / 6,000 = 2,500.025 -> 2,500.03', () => {
    // 24 months of $1,000 in advance at 0%; incentive 11,999.97 makes the cost 500.00 a month (12,000.03 / 24)
    // and leaves ROU 3,000.03 and liability 6,000.00 at the end of month 18. Cutting the term to month 19 leaves
    // one payment, new liability 1,000.00: 5/6 of the liability is removed.
    const t = lease({ termMonths: 24, payment: 1000, rate: '0', leaseIncentives: $('11999.97') });
    const r = run(
      t,
      [modification({ effectiveDate: start(19), type: 'Partial termination', newTermMonths: 19 })],
      withMethod('Proportion of liability'),
    );
    expect(month(r, 19).liabilityStart).toBe($(6000));
    expect(month(r, 19).rouStart).toBe($('3000.03'));
    expect(month(r, 19).rouAdjustment).toBe(-$('2500.03'));
    expect(month(r, 19).gainLoss).toBe($('2499.97'));
  });
});

describe('Impairment of an operating lease', () => {
  const terms = lease({ termMonths: 48, payment: 1000, rate: '0.06' });
  const plain = run(terms);
  const impairment = modification({ effectiveDate: start(13), type: 'Impairment', impairmentAmount: $(5000) });

  test('the ROU falls by the amount (a loss), the liability is untouched, then the ROU amortizes straight-line', () => {
    const r = run(terms, [impairment]);
    const m = month(r, 13);
    expect(m).toMatchObject({
      event: 'Impairment',
      impairment: $(5000),
      rouAdjustment: -$(5000),
      liabilityAdjustment: 0,
      gainLoss: 0,
    });
    expect(m.classification).toBe('operating');
    // The liability's path (payments, accretion, balances) is exactly the unimpaired one.
    for (const k of ['payment', 'interest', 'liabilityEnd'] as const) {
      expect(r.months.map((x) => x[k])).toEqual(plain.months.map((x) => x[k]));
    }
    const base = month(plain, 12).rouEnd - $(5000);
    const each = roundCents(new D(base).div(36));
    for (let k = 13; k < 48; k++) expect(month(r, k).amortization).toBe(each);
    expect(month(r, 48).amortization).toBe(base - 35 * each);
    for (let k = 13; k <= 48; k++) expect(month(r, k).leaseCost).toBe(month(r, k).interest + month(r, k).amortization);
    expect(month(r, 48).rouEnd).toBe(0);
    expectHistoryKept(r, plain, 13);
    const totals = lifeTotals(r);
    expect(totals.charge).toBe(totals.cash);
    expect(tieProblems(r)).toEqual([]);
  });

  test('a later remeasurement keeps straight-line amortization of the ROU and cost = accretion + amortization', () => {
    const r = run(terms, [
      impairment,
      modification({ effectiveDate: start(25), type: 'Remeasurement', newPayment: $(1100) }),
    ]);
    const after = afterBooking(r, 25);
    expect(after.liability).toBe(pvMonths(monthly(24, $(1100)), monthlyRateFor('0.06', 12)));
    expect(month(r, 25).rouAdjustment).toBe(month(r, 25).liabilityAdjustment);
    const each = roundCents(new D(after.rou).div(24));
    for (let k = 25; k < 48; k++) expect(month(r, k).amortization).toBe(each);
    for (let k = 25; k <= 48; k++) expect(month(r, k).leaseCost).toBe(month(r, k).interest + month(r, k).amortization);
    expect(month(r, 48).rouEnd).toBe(0);
    expect(month(r, 48).liabilityEnd).toBe(0);
  });

  test('impairing the whole ROU leaves no amortization: the cost is the accretion', () => {
    const whole = month(plain, 12).rouEnd;
    const r = run(terms, [modification({ effectiveDate: start(13), type: 'Impairment', impairmentAmount: whole })]);
    for (let k = 13; k <= 48; k++) {
      expect(month(r, k).amortization).toBe(0);
      expect(month(r, k).leaseCost).toBe(month(r, k).interest);
    }
  });

  test('an impairment above the ROU is an error naming the row', () => {
    const over = month(plain, 12).rouEnd + 1;
    expectModificationError(
      terms,
      [
        modification({
          effectiveDate: start(13),
          type: 'Impairment',
          impairmentAmount: over,
          source: 'LeaseModifications!I2',
        }),
      ],
      /exceeds the ROU asset/,
      'LeaseModifications!I2',
    );
  });

  test('a finance lease amortizes the impaired ROU over its remaining amortization months', () => {
    const fin = { ...terms, classificationOverride: 'finance' as const };
    const r = run(fin, [impairment]);
    const base = month(run(fin), 12).rouEnd - $(5000);
    expect(month(r, 13).amortization).toBe(roundCents(new D(base).div(36)));
    expect(month(r, 48).rouEnd).toBe(0);
  });
});

describe('Impairment: "from then on, later remeasurements included, an operating lease amortizes its ROU straight-line"', () => {
  /** Straight-line ROU amortization of measurement [s, n] and cost = accretion + amortization. */
  function expectStraightLineRou(r: LeaseResult, s: number, n: number): void {
    const rou = afterBooking(r, s).rou;
    const each = roundCents(new D(rou).div(n - s + 1));
    for (let k = s; k < n; k++) expect(month(r, k).amortization).toBe(each);
    for (let k = s; k <= n; k++) expect(month(r, k).leaseCost).toBe(month(r, k).interest + month(r, k).amortization);
    expect(month(r, n).rouEnd).toBe(0);
  }

  test('an impaired operating lease that became finance, was impaired again, and is operating again', () => {
    const terms = lease({ termMonths: 48, payment: 1000, rate: '0.06' });
    const r = run(terms, [
      modification({ effectiveDate: start(13), type: 'Impairment', impairmentAmount: $(5000) }),
      modification({ effectiveDate: start(19), type: 'Remeasurement', classificationOverride: 'finance' }),
      modification({ effectiveDate: start(25), type: 'Impairment', impairmentAmount: $(1000) }),
      modification({ effectiveDate: start(31), type: 'Remeasurement', classificationOverride: 'operating' }),
    ]);
    expect(month(r, 31).classification).toBe('operating');
    expectStraightLineRou(r, 31, 48);
  });

  test('a finance lease impaired, then reassessed as operating', () => {
    const terms = lease({ termMonths: 48, payment: 1000, rate: '0.06', classificationOverride: 'finance' });
    const r = run(terms, [
      modification({ effectiveDate: start(13), type: 'Impairment', impairmentAmount: $(5000) }),
      modification({
        effectiveDate: start(25),
        type: 'Remeasurement',
        classificationOverride: 'operating',
        newPayment: $(1200),
      }),
    ]);
    expect(month(r, 25).classification).toBe('operating');
    expectStraightLineRou(r, 25, 48);
  });
});

describe('Several modifications in sequence, and rows given out of date order', () => {
  const terms = lease({ termMonths: 60, payment: 2000, rate: '0.05', initialDirectCosts: $(1000) });
  const A = modification({
    effectiveDate: start(13),
    type: 'Remeasurement',
    newPayment: $(2200),
    newDiscountRate: rate('0.06'),
  });
  const B = modification({
    effectiveDate: start(25),
    type: 'Partial termination',
    scopeReduction: rate('0.25'),
    newPayment: $(1650),
  });
  const C = modification({ effectiveDate: start(31), type: 'Impairment', impairmentAmount: $(3000) });
  const Dx = modification({
    effectiveDate: start(40),
    type: 'Remeasurement',
    newTermMonths: 72,
    newDiscountRate: rate('0.07'),
  });
  const E = modification({ effectiveDate: start(50), type: 'Termination', terminationPayment: $(5000) });
  const all = [A, B, C, Dx, E];
  const r = run(terms, all);

  test('each remeasurement measures the revised payments at the rate in force (blank = unchanged)', () => {
    expect(afterBooking(r, 13).liability).toBe(pvMonths(monthly(48, $(2200)), monthlyRateFor('0.06', 12)));
    expect(afterBooking(r, 25).liability).toBe(pvMonths(monthly(36, $(1650)), monthlyRateFor('0.06', 12)));
    expect(afterBooking(r, 40).liability).toBe(pvMonths(monthly(33, $(1650)), monthlyRateFor('0.07', 12)));
    expect(month(r, 31).liabilityAdjustment).toBe(0);
    expect(month(r, 31).rouAdjustment).toBe(-$(3000));
    expect(r.measurements.map((m) => m.startMonth)).toEqual([1, 13, 25, 31, 40]);
  });

  test('the termination ends the schedule at month 50 with both balances 0.00; every row ties; life totals hold', () => {
    expect(r.months).toHaveLength(50);
    expect(month(r, 50).event).toBe('Termination');
    expect(month(r, 50).liabilityEnd).toBe(0);
    expect(month(r, 50).rouEnd).toBe(0);
    expect(tieProblems(r)).toEqual([]);
    const totals = lifeTotals(r);
    expect(totals.charge).toBe(totals.cash);
  });

  test('history before each effective month never changes', () => {
    for (let j = 0; j < all.length; j++) {
      const withMod = run(terms, all.slice(0, j + 1));
      const without = run(terms, all.slice(0, j));
      const m = [13, 25, 31, 40, 50][j];
      expectHistoryKept(withMod, without, m);
    }
  });

  test('rows given out of date order are applied in date order', () => {
    expect(run(terms, [E, B, Dx, A, C])).toEqual(r);
    expect(run(terms, [C, Dx, A, E, B])).toEqual(r);
  });
});

describe('History before the effective date never changes, for each type', () => {
  const terms = lease({ termMonths: 48, payment: 1500, rate: '0.07', prepaidRent: $(800), leaseIncentives: $(400) });
  const plain = run(terms);
  test.each([
    [
      'Remeasurement',
      modification({ effectiveDate: start(20), type: 'Remeasurement', newTermMonths: 60, newPayment: $(1700) }),
    ],
    [
      'Partial termination',
      modification({
        effectiveDate: start(20),
        type: 'Partial termination',
        scopeReduction: rate('0.3'),
        newPayment: $(1000),
      }),
    ],
    ['Impairment', modification({ effectiveDate: start(20), type: 'Impairment', impairmentAmount: $(2500) })],
    ['Termination', modification({ effectiveDate: start(20), type: 'Termination', terminationPayment: $(100) })],
  ])('%s effective month 20: months 1-19 are identical', (_type, mod) => {
    const r = run(terms, [mod]);
    expectHistoryKept(r, plain, 20);
    expect(month(r, 20).event).toBe(mod.type);
    expect(tieProblems(r)).toEqual([]);
  });
});

describe('Remeasurement that would take the ROU below zero', () => {
  // Contract 1.10 is silent; the engine reduces the ROU to 0.00 and books the rest as a gain (as ASC 842-20-35-4 /
  // IFRS 16.39 do). A large incentive leaves an ROU below the liability; cutting the term to one month removes more.
  test('the ROU stops at 0.00 and the excess liability reduction is a gain', () => {
    const terms = lease({ termMonths: 24, payment: 1000, rate: '0.06', leaseIncentives: $(15000) });
    const r = run(terms, [modification({ effectiveDate: start(13), type: 'Remeasurement', newTermMonths: 13 })]);
    const m = month(r, 13);
    expect(afterBooking(r, 13).liability).toBe($(1000));
    expect(m.liabilityAdjustment).toBe($(1000) - m.liabilityStart);
    expect(m.rouStart + m.liabilityAdjustment).toBeLessThan(0);
    expect(m.rouAdjustment).toBe(-m.rouStart);
    expect(m.gainLoss).toBe(-(m.rouStart + m.liabilityAdjustment));
    expect(r.months).toHaveLength(13);
    expect(month(r, 13).liabilityEnd).toBe(0);
    expect(month(r, 13).rouEnd).toBe(0);
    const totals = lifeTotals(r);
    expect(totals.charge).toBe(totals.cash);
  });
});

describe('Classification is reassessed at each row (CONTRACT 1.10)', () => {
  const terms = lease({ termMonths: 60, payment: 1000, rate: '0.06', fairValue: $(200000) }); // PV ~52k of 200k: operating

  test("the 90% test uses the row's Fair Value (blank skips it, even when the lease has one)", () => {
    const r = run(terms, [
      modification({ effectiveDate: start(13), type: 'Remeasurement', fairValue: $(40000) }), // PV of 48 x 1,000 ~ 42.6k >= 90%
      modification({ effectiveDate: start(25), type: 'Remeasurement' }),
    ]);
    expect(r.classification).toBe('operating');
    expect(month(r, 13).classification).toBe('finance');
    expect(month(r, 25).classification).toBe('operating');
    const fv = r.measurements[2].classification.tests.find((t) => t.name.startsWith('PV of payments'));
    expect(fv?.applicable).toBe(false);
    // From month 13 to 24 a finance lease: amortization straight-line of the ROU over the 48 remaining months.
    expect(month(r, 13).amortization).toBe(roundCents(new D(afterBooking(r, 13).rou).div(48)));
  });

  test("the row's Classification overrides the tests", () => {
    const r = run(terms, [
      modification({ effectiveDate: start(13), type: 'Remeasurement', classificationOverride: 'finance' }),
    ]);
    expect(month(r, 12).classification).toBe('operating');
    expect(month(r, 13).classification).toBe('finance');
    expect(r.measurements[1].classification.byTests).toBe('operating');
  });

  test("a blank row Classification = the lease's own override", () => {
    const r = run({ ...terms, classificationOverride: 'finance' }, [
      modification({ effectiveDate: start(13), type: 'Remeasurement' }),
    ]);
    expect(month(r, 13).classification).toBe('finance');
  });

  test("a blank row Classification after an overriding row is the lease's own override (none: the tests decide)", () => {
    const r = run(terms, [
      modification({ effectiveDate: start(13), type: 'Remeasurement', classificationOverride: 'finance' }),
      modification({ effectiveDate: start(25), type: 'Remeasurement', newPayment: $(1050) }),
    ]);
    expect(month(r, 25).classification).toBe('operating');
  });
});

describe('Short-term leases', () => {
  const terms = lease({ termMonths: 12, payment: 1000 });
  const plain = run(terms);

  test('termination: the month is the last row, the termination payment is its cash, total cost = total cash', () => {
    expect(plain.classification).toBe('short-term');
    const r = run(terms, [modification({ effectiveDate: start(7), type: 'Termination', terminationPayment: $(1500) })]);
    expect(r.months).toHaveLength(7);
    expect(month(r, 7)).toMatchObject({
      event: 'Termination',
      classification: 'short-term',
      payment: $(1500),
      liabilityEnd: 0,
      rouEnd: 0,
    });
    expectHistoryKept(r, plain, 7);
    expect(sum(r, 'leaseCost')).toBe(6 * $(1000) + $(1500));
  });

  test('termination: prepaid rent and IDC not yet recognized are recognized by the end (cost = cash + prepaid + IDC)', () => {
    const t = lease({ termMonths: 12, payment: 1000, prepaidRent: $(600), initialDirectCosts: $(1200) });
    const r = run(t, [modification({ effectiveDate: start(7), type: 'Termination', terminationPayment: $(1500) })]);
    expect(sum(r, 'leaseCost')).toBe(sum(r, 'payment') + $(600) + $(1200));
  });

  test('a remeasurement that keeps it short-term: the cost not yet recognized is spread over the remaining months', () => {
    // Months 1-6 cost 1,000 each. New Term 15 (3 months beyond the old end, 9 from month 7), New Payment 1,200:
    // remaining cost = 9 x 1,200 = 10,800 over 9 months.
    const r = run(terms, [
      modification({ effectiveDate: start(7), type: 'Remeasurement', newTermMonths: 15, newPayment: $(1200) }),
    ]);
    expect(r.months).toHaveLength(15);
    expect(r.months.every((m) => m.classification === 'short-term' && m.liabilityEnd === 0 && m.rouEnd === 0)).toBe(
      true,
    );
    for (let k = 7; k <= 15; k++) {
      expect(month(r, k).payment).toBe($(1200));
      expect(month(r, k).leaseCost).toBe($(1200));
    }
    expectHistoryKept(r, plain, 7);
  });

  test('a remeasurement after free rent: total cost still equals total cash (accrued rent carried forward)', () => {
    // 2 free months: cash 10 x 1,000 = 10,000, cost 833.33 a month. At month 7 cost so far 4,999.98 and cash 4,000;
    // an unchanged New Payment leaves 10,000 - 4,999.98 = 5,000.02 for months 7-12: 833.34 x 5 + 833.32.
    const t = lease({ termMonths: 12, payment: 1000, freeRentMonths: 2 });
    const r = run(t, [modification({ effectiveDate: start(7), type: 'Remeasurement', newPayment: $(1000) })]);
    expect(sum(r, 'leaseCost')).toBe($(10000));
    expect(month(r, 7).leaseCost).toBe($('833.34'));
    expect(month(r, 12).leaseCost).toBe($('833.32'));
  });

  test('a change leaving more than 12 months to run (more than 12 beyond the old end too) ends the exemption: an error', () => {
    const mod = modification({
      effectiveDate: start(9),
      type: 'Remeasurement',
      newTermMonths: 30,
      source: 'LeaseModifications!D3',
    });
    expect(() => run(terms, [mod])).toThrow(/no longer short-term/);
  });

  test('a purchase option becoming reasonably certain ends the exemption: an error', () => {
    const mod = modification({ effectiveDate: start(9), type: 'Remeasurement', purchaseOptionCertain: true });
    expect(() => run({ ...terms, purchaseOptionPrice: $(5000) }, [mod])).toThrow(/purchase option/);
  });

  test('an impairment of a short-term lease (no ROU asset) is an error naming the row', () => {
    const mod = modification({
      effectiveDate: start(5),
      type: 'Impairment',
      impairmentAmount: $(10),
      source: 'LeaseModifications!I6',
    });
    expectModificationError(terms, [mod], /no ROU asset/, 'LeaseModifications!I6');
  });

  test('two rows effective on the same date are an error here too (as for a recognized lease)', () => {
    const end = modification({ effectiveDate: start(7), type: 'Termination', source: 'LeaseModifications!B2' });
    const same = modification({
      effectiveDate: start(7),
      type: 'Remeasurement',
      newPayment: $(900),
      source: 'LeaseModifications!B3',
    });
    expect(() => run(terms, [end, same])).toThrow(ModificationError);
    const a = modification({
      effectiveDate: start(5),
      type: 'Remeasurement',
      newPayment: $(900),
      source: 'LeaseModifications!B2',
    });
    const b = modification({
      effectiveDate: start(5),
      type: 'Remeasurement',
      newPayment: $(800),
      source: 'LeaseModifications!B3',
    });
    expect(() => run(terms, [a, b])).toThrow(/two modifications/);
  });

  test('those errors name the modification row (ModificationError with its cell), like every other modification error', () => {
    const mod = modification({
      effectiveDate: start(9),
      type: 'Remeasurement',
      newTermMonths: 30,
      source: 'LeaseModifications!D3',
    });
    expectModificationError(terms, [mod], /no longer short-term/, 'LeaseModifications!D3');
  });
});

describe('Input errors name the modification row', () => {
  const terms = lease({ termMonths: 36 });
  const at = (effectiveDate: string, over: Partial<ModificationTerms> = {}) =>
    modification({
      effectiveDate,
      type: 'Remeasurement',
      newPayment: $(600),
      source: 'LeaseModifications!B4',
      ...over,
    });

  test('dated before commencement', () => {
    expectModificationError(terms, [at('2028-12-01')], /not after commencement/, 'LeaseModifications!B4');
  });

  test('dated on the commencement date itself (nothing to remeasure yet)', () => {
    expectModificationError(terms, [at('2029-01-01')], /not after commencement/, 'LeaseModifications!B4');
  });

  test('not on a lease-month start', () => {
    expectModificationError(
      terms,
      [at('2029-03-15')],
      /not the start of a lease month.*2029-04-01|month 3 starts 2029-03-01/,
      'LeaseModifications!B4',
    );
  });

  test('month starts follow EDATE from a month-end commencement (2029-01-31: 02-28, 03-31)', () => {
    const eom = lease({ termMonths: 36, commencement: '2029-01-31' });
    expectModificationError(eom, [at('2029-03-28')], /not the start of a lease month/, 'LeaseModifications!B4');
    expect(month(run(eom, [at('2029-02-28')]), 2).event).toBe('Remeasurement');
    expect(month(run(eom, [at('2029-03-31')]), 3).event).toBe('Remeasurement');
  });

  test('after the end of the original term', () => {
    expectModificationError(
      terms,
      [at(start(37))],
      /after the end of the lease term in force/,
      'LeaseModifications!B4',
    );
  });

  test('after the end of a term cut by an earlier row; an extended term admits later rows', () => {
    const cut = modification({ effectiveDate: start(13), type: 'Remeasurement', newTermMonths: 24 });
    expectModificationError(
      terms,
      [cut, at(start(30))],
      /after the end of the lease term in force/,
      'LeaseModifications!B4',
    );
    const extend = modification({ effectiveDate: start(13), type: 'Remeasurement', newTermMonths: 48 });
    const r = run(terms, [extend, at(start(40))]);
    expect(r.months).toHaveLength(48);
    expect(month(r, 40).event).toBe('Remeasurement');
  });

  test('after a termination (the term in force ended with it)', () => {
    const end = modification({ effectiveDate: start(13), type: 'Termination' });
    expectModificationError(terms, [end, at(start(20))], /after|terminat/i, 'LeaseModifications!B4');
  });

  test('a New Term that ends before the effective month', () => {
    expectModificationError(
      terms,
      [at(start(20), { newTermMonths: 18 })],
      /ends before the effective month/,
      'LeaseModifications!B4',
    );
  });

  test('two rows effective on the same date', () => {
    expectModificationError(
      terms,
      [at(start(20), { source: 'LeaseModifications!B3' }), at(start(20))],
      /two modifications/,
      'LeaseModifications!B4',
    );
  });

  test('the portfolio reports the failure against the lease, with the cell, and measures the other leases', () => {
    const ok = lease({ id: 'L-2' });
    const out = measurePortfolio({
      leases: [terms, ok],
      modifications: [at('2029-03-15')],
      policies: defaultPolicies(),
    });
    expect(out.leases.map((l) => l.id)).toEqual(['L-2']);
    expect(out.failures).toHaveLength(1);
    expect(out.failures[0]).toMatchObject({ leaseId: 'L-1', where: 'LeaseModifications!B4' });
    expect(out.failures[0].message).toMatch(/^lease L-1: .*2029-03-15/);
  });
});

describe('New Payment on a lease whose payments come from LeasePayments', () => {
  test('replaces the amount of every payment of the stream from the effective month on (choice)', () => {
    const terms = lease({
      termMonths: 24,
      irregularPayments: Array.from({ length: 24 }, (_, k) => ({
        date: `20${29 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`,
        amount: $(500),
      })),
    });
    const row = modification({
      effectiveDate: '2029-07-01',
      type: 'Remeasurement',
      newPayment: $(600),
      newDiscountRate: new Decimal('0.06'),
    });
    const r = measureLease(terms, [row], defaultPolicies());
    expect(r.months.slice(0, 6).map((m) => m.payment)).toEqual([0, 50000, 50000, 50000, 50000, 50000]);
    expect(r.months.slice(6).map((m) => m.payment)).toEqual(new Array(18).fill(60000));
    // The new liability is the PV at 0.5% a month of 18 payments of 600 in advance, independently.
    let pv = new D(0);
    for (let t = 0; t < 18; t++) pv = pv.plus(new D(60000).div(new D('1.005').pow(t)));
    expect(r.months[5].liabilityEnd + r.months[6].liabilityAdjustment).toBe(roundCents(pv));
  });
});

describe('what a partial termination or termination derecognizes is reported apart from the remeasurement', () => {
  const terms = lease({ termMonths: 48, payment: 1000, rate: '0.06' });
  const month13 = (policies: Policies, row: ModificationTerms) =>
    measureLease(terms, [row], policies).months.find((m) => m.month === 13)!;

  test('Proportion of asset: X of the liability and X of the ROU, gain = the difference', () => {
    const row = modification({
      effectiveDate: '2030-01-01',
      type: 'Partial termination',
      scopeReduction: new Decimal('0.25'),
      newPayment: $(750),
    });
    const m = month13(defaultPolicies(), row);
    const base = measureLease(terms, [], defaultPolicies()).months[11];
    const quarter = (c: number) => Number(new Decimal(c).times('0.25').toDecimalPlaces(0, Decimal.ROUND_HALF_UP));
    expect(m.liabilityDerecognized).toBe(quarter(base.liabilityEnd));
    expect(m.rouDerecognized).toBe(quarter(base.rouEnd));
    expect(m.gainLoss).toBe(m.liabilityDerecognized - m.rouDerecognized);
    // The rest of the adjustment is the remeasurement of what is left, the same for liability and ROU.
    expect(m.liabilityAdjustment + m.liabilityDerecognized).toBe(m.rouAdjustment + m.rouDerecognized);
  });

  test('Termination: both balances are derecognized whole; adjustment + derecognized = the termination payment', () => {
    const row = modification({ effectiveDate: '2030-01-01', type: 'Termination', terminationPayment: $(2000) });
    const m = month13(defaultPolicies(), row);
    expect(m.liabilityDerecognized).toBe(m.liabilityStart);
    expect(m.rouDerecognized).toBe(m.rouStart);
    expect(m.liabilityAdjustment + m.liabilityDerecognized).toBe($(2000));
  });

  test('a remeasurement derecognizes nothing', () => {
    const row = modification({ effectiveDate: '2030-01-01', type: 'Remeasurement', newPayment: $(1100) });
    const m = month13(defaultPolicies(), row);
    expect([m.liabilityDerecognized, m.rouDerecognized]).toEqual([0, 0]);
    expect(m.liabilityAdjustment).not.toBe(0);
  });
});

describe('Incentive Received on a short-term lease', () => {
  test('is an error at the row: there is no ROU asset for it to reduce', () => {
    const terms = lease({ termMonths: 12, payment: 100 });
    const row = modification({
      effectiveDate: '2029-04-01',
      type: 'Remeasurement',
      incentiveReceived: $(50),
      source: 'LeaseModifications!A2',
    });
    expectModificationError(
      terms,
      [row],
      /short-term lease has no ROU asset for an Incentive Received/,
      'LeaseModifications!A2',
    );
  });
});
