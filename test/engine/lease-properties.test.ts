/**
 * Property tests of the engine over random valid leases (no modifications): every schedule ties to the cent, closes at
 * 0.00, recognizes exactly the cost CONTRACT 1.6-1.8 says, rounds interest only where CONTRACT 1.9 says, and agrees
 * month by month with the independent reference model in support/reference.ts.
 */
import fc from 'fast-check';
import { defaultPolicies, measureLease, measurePortfolio } from '../../src/engine';
import { buildJsonExport, leaseToJson } from '../../src/export/json';
import type { LeaseResult } from '../../src/engine/schedule/types';
import type { LeaseTerms } from '../../src/engine/terms';
import { lease } from '../support/leases';
import { Decimal } from '../../src/engine/money/decimal';
import { leaseArb, frequencies, timings, rateBases, rateArb, type GeneratedLease } from './support/arbitraries';
import {
  D,
  excelPv,
  parseAmount,
  refInterest,
  refMonthlyRate,
  refPayments,
  refPaymentsPerYear,
  refSchedule,
  roundCents,
} from './support/reference';

/** 200 runs in CI; ENGINE_PROPERTY_RUNS=20000 for a deeper hunt by hand. */
const RUNS = { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 200) };

/**
 * A fast assertion for the inner loops (jest's expect costs tens of microseconds, and these loops run ~10^6 times):
 * throws with both values when they differ (=== treats -0 and 0 as the same amount).
 */
function eq(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new Error(`${what}: engine ${String(actual)}, expected ${String(expected)}`);
}

/** Compares rows field by field; throws naming the first month and field that differ. */
function sameRows(
  actual: readonly Record<string, unknown>[],
  expected: readonly Record<string, unknown>[],
  what: string,
): void {
  eq(actual.length, expected.length, `${what}: number of months`);
  expected.forEach((row, j) => {
    for (const [k, v] of Object.entries(row)) eq(actual[j][k], v, `${what}: month ${j + 1} ${k}`);
  });
}

function measure({ terms, policies }: GeneratedLease): LeaseResult {
  return measureLease(terms, [], policies);
}

/** All cash the lease calls for: regular/irregular stream, RVG, certain purchase option (day-one payment included). */
function allPayments(terms: LeaseTerms): number {
  return refPayments(terms).reduce((s, p) => s + p.amount, 0);
}

describe('every schedule ties to the cent', () => {
  it('liabilityEnd = start + adjustment + interest - payment; rouEnd = start + adjustment - amortization; months chain', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        expect(r.months).toHaveLength(g.terms.termMonths);
        if (r.classification === 'short-term') return; // no balances: its cash does not run through a liability (CONTRACT 1.8)
        let liability = r.liabilityAtCommencement;
        let rou = r.rouAtCommencement;
        r.months.forEach((m, j) => {
          const at = `month ${j + 1}`;
          eq(m.month, j + 1, at);
          eq(m.liabilityStart, liability, `${at} liabilityStart = previous liabilityEnd`);
          eq(m.rouStart, rou, `${at} rouStart = previous rouEnd`);
          eq(m.liabilityEnd, m.liabilityStart + m.liabilityAdjustment + m.interest - m.payment, `${at} liability tie`);
          eq(m.rouEnd, m.rouStart + m.rouAdjustment - m.amortization, `${at} ROU tie`);
          eq(m.payment, m.advancePayment + m.arrearsPayment, `${at} payment`);
          eq(m.interestBase, m.liabilityStart + m.liabilityAdjustment - m.advancePayment, `${at} interest base`);
          for (const [k, v] of Object.entries({
            liabilityAdjustment: m.liabilityAdjustment,
            rouAdjustment: m.rouAdjustment,
            gainLoss: m.gainLoss,
            impairment: m.impairment,
          })) {
            eq(v, 0, `${at} ${k} without modifications`);
          }
          for (const v of [m.payment, m.interest, m.liabilityEnd, m.rouEnd, m.amortization, m.leaseCost]) {
            eq(Number.isSafeInteger(v), true, `${at} whole cents`);
          }
          liability = m.liabilityEnd;
          rou = m.rouEnd;
        });
      }),
      RUNS,
    );
  });

  it('the liability closes at 0.00; the ROU too, unless a finance lease is amortized over a useful life beyond the term', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        const { terms } = g;
        const last = r.months[r.months.length - 1];
        expect(last.liabilityEnd).toBe(0);
        const totalAmortization = r.months.reduce((s, m) => s + m.amortization, 0);
        const overLife =
          r.classification === 'finance' &&
          (terms.ownershipTransfers || terms.purchaseOptionCertain) &&
          terms.usefulLifeMonths !== null;
        if (overLife && terms.usefulLifeMonths! > terms.termMonths) {
          // The ROU left at month N (to owned assets) = ROU - N x round(ROU / useful life).
          const monthly = roundCents(new D(r.rouAtCommencement).div(terms.usefulLifeMonths!));
          expect(totalAmortization).toBe(terms.termMonths * monthly);
          expect(last.rouEnd).toBe(r.rouAtCommencement - terms.termMonths * monthly);
          if (r.rouAtCommencement > 0) expect(last.rouEnd).toBeGreaterThan(0);
        } else {
          expect(last.rouEnd).toBe(0);
          expect(totalAmortization).toBe(r.rouAtCommencement);
        }
      }),
      RUNS,
    );
  });
});

describe('recognized cost', () => {
  it('operating: total cost = all payments (day one, prepaid, RVG, certain option) + IDC - incentives; finance: interest + amortization', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        const { terms } = g;
        const cost = r.months.reduce((s, m) => s + m.leaseCost, 0);
        const payments = allPayments(terms);
        // Cash: month payments + what was paid at commencement = every payment + prepaid rent.
        const cash = r.months.reduce((s, m) => s + m.payment, 0) + r.paidAtCommencement;
        if (r.classification === 'short-term') {
          expect(cash).toBe(payments);
        } else {
          expect(cash).toBe(payments + terms.prepaidRent);
        }
        if (r.classification === 'operating') {
          expect(cost).toBe(payments + terms.prepaidRent + terms.initialDirectCosts - terms.leaseIncentives);
          // Straight-line: every month but the last costs round(total / N).
          const each = roundCents(new D(cost).div(terms.termMonths));
          r.months.slice(0, -1).forEach((m) => eq(m.leaseCost, each, `month ${m.month} straight-line cost`));
          r.months.forEach((m) =>
            eq(m.amortization, m.leaseCost - m.interest, `month ${m.month} amortization = cost - accretion`),
          );
        } else if (r.classification === 'finance') {
          r.months.forEach((m) => eq(m.leaseCost, m.interest + m.amortization, `month ${m.month} finance cost`));
          // Interest over the term = payments after commencement - liability at commencement.
          const interest = r.months.reduce((s, m) => s + m.interest, 0);
          expect(interest).toBe(payments - r.dayOnePayment - r.liabilityAtCommencement);
        }
      }),
      RUNS,
    );
  });

  it('short-term: all balances 0.00, cash in its months, cost = cash + IDC - incentives + prepaid, straight-line', () => {
    const shortTermArb = leaseArb.map((g) => ({
      terms: {
        ...g.terms,
        termMonths: 1 + (g.terms.termMonths % 12),
        purchaseOptionCertain: false,
        classificationOverride: null,
      },
      policies: { ...g.policies, shortTermExemption: true },
    }));
    fc.assert(
      fc.property(shortTermArb, (g) => {
        const r = measure(g);
        const { terms } = g;
        expect(r.classification).toBe('short-term');
        expect([r.liabilityAtCommencement, r.rouAtCommencement, r.paidAtCommencement]).toEqual([0, 0, 0]);
        for (const m of r.months) {
          expect([m.liabilityStart, m.liabilityEnd, m.rouStart, m.rouEnd, m.interest, m.amortization]).toEqual([
            0, 0, 0, 0, 0, 0,
          ]);
        }
        const refByMonth = new Array<number>(terms.termMonths).fill(0);
        for (const p of refPayments(terms)) refByMonth[p.month - 1] += p.amount;
        expect(r.months.map((m) => m.payment)).toEqual(refByMonth);
        const total = allPayments(terms) + terms.initialDirectCosts - terms.leaseIncentives + terms.prepaidRent;
        expect(r.months.reduce((s, m) => s + m.leaseCost, 0)).toBe(total);
        const each = roundCents(new D(total).div(terms.termMonths));
        expect(r.months.slice(0, -1).every((m) => m.leaseCost === each)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('rounding happens only at the documented points (CONTRACT 1.9)', () => {
  it('each month but the last: interest = round-half-up((opening - advance payments) x i), i from an independent Decimal', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        if (r.classification === 'short-term') return;
        const { terms, policies } = g;
        const i = refMonthlyRate(terms.discountRate.toString(), policies.rateBasis, refPaymentsPerYear(terms));
        const interestOf = (base: number) =>
          refInterest(base, terms.discountRate.toString(), policies.rateBasis, refPaymentsPerYear(terms));
        const advance = new Array<number>(terms.termMonths + 1).fill(0);
        const arrears = new Array<number>(terms.termMonths + 1).fill(0);
        for (const p of refPayments(terms)) {
          if (p.t === 0) continue; // paid at commencement, not in the liability
          if (p.advance) advance[p.month] += p.amount;
          else arrears[p.month] += p.amount;
        }
        for (const m of r.months) {
          const at = `month ${m.month}`;
          eq(m.advancePayment, advance[m.month], `${at} advance payment`);
          eq(m.arrearsPayment, arrears[m.month], `${at} arrears payment`);
          const base = m.liabilityStart - advance[m.month];
          eq(m.interestBase, base, `${at} interest base`);
          if (m.month < terms.termMonths) {
            eq(m.interest, interestOf(base), `${at} interest = round(${base} x ${i.toString()})`);
            eq(m.interestTrueUp, 0, `${at} no true-up`);
          } else {
            eq(m.interestTrueUp, m.interest - interestOf(base), `${at} true-up`);
          }
        }
      }),
      RUNS,
    );
  });

  it('a level stream: liability at commencement = round(Excel PV(rate/p, n, -pmt, , type)) less the day-one payment', () => {
    const levelArb = fc.record({
      frequency: fc.constantFrom(...frequencies),
      timing: fc.constantFrom(...timings),
      periods: fc.integer({ min: 1, max: 60 }),
      payment: fc.integer({ min: 0, max: 1000000000 }),
      rate: rateArb,
    });
    fc.assert(
      fc.property(levelArb, ({ frequency, timing, periods, payment, rate }) => {
        const p = { Monthly: 12, Quarterly: 4, Semiannual: 2, Annual: 1 }[frequency];
        const per = 12 / p;
        const n = Math.min(periods, Math.floor(240 / per));
        const terms = { ...lease({ termMonths: n * per, frequency, timing, rate }), payment };
        // The default Rate Basis "Payment frequency" is what Excel's PV(rate/p, ...) reproduces.
        expect(defaultPolicies().rateBasis).toBe('Payment frequency');
        const r = measureLease(terms, [], { ...defaultPolicies(), shortTermExemption: false });
        const excel = roundCents(excelPv(new D(rate).div(p), n, payment, timing === 'Advance' ? 1 : 0));
        expect(r.liabilityAtCommencement).toBe(excel - (timing === 'Advance' ? payment : 0));
      }),
      RUNS,
    );
  });
});

describe('the engine agrees with the independent reference model of CONTRACT section 1', () => {
  it('classification, commencement figures and every month, to the cent', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        const ref = refSchedule(g.terms, g.policies);
        expect(r.classification).toBe(ref.classification);
        expect(r.classificationTests.byTests).toBe(ref.byTests);
        expect({
          liability: r.liabilityAtCommencement,
          rou: r.rouAtCommencement,
          paid: r.paidAtCommencement,
        }).toEqual({
          liability: ref.liabilityAtCommencement,
          rou: ref.rouAtCommencement,
          paid: ref.reportedPaidAtCommencement,
        });
        expect(r.dayOnePayment).toBe(ref.dayOne);
        const engineRows = r.months.map((m) => ({
          month: m.month,
          start: m.start,
          end: m.end,
          liabilityStart: m.liabilityStart,
          payment: m.payment,
          interest: m.interest,
          liabilityEnd: m.liabilityEnd,
          rouStart: m.rouStart,
          amortization: m.amortization,
          rouEnd: m.rouEnd,
          leaseCost: m.leaseCost,
        }));
        sameRows(engineRows, ref.months as unknown as Record<string, unknown>[], 'reference model');
        r.months.forEach((m) => eq(m.classification, ref.classification, `month ${m.month} classification`));
      }),
      RUNS,
    );
  });

  it('also at discount rates up to the 100% the input allows', () => {
    const highRateArb = fc.tuple(leaseArb, fc.integer({ min: 200000, max: 1000000 })).map(([g, n]) => ({
      ...g,
      terms: { ...g.terms, discountRate: new Decimal(n).dividedBy(1000000) },
    }));
    fc.assert(
      fc.property(highRateArb, (g) => {
        const r = measure(g);
        const ref = refSchedule(g.terms, g.policies);
        eq(r.classification, ref.classification, 'classification');
        eq(r.liabilityAtCommencement, ref.liabilityAtCommencement, 'liability');
        eq(r.rouAtCommencement, ref.rouAtCommencement, 'ROU');
        sameRows(
          r.months.map((m) => ({
            interest: m.interest,
            liabilityEnd: m.liabilityEnd,
            amortization: m.amortization,
            rouEnd: m.rouEnd,
            leaseCost: m.leaseCost,
          })),
          ref.months.map((m) => ({
            interest: m.interest,
            liabilityEnd: m.liabilityEnd,
            amortization: m.amortization,
            rouEnd: m.rouEnd,
            leaseCost: m.leaseCost,
          })),
          'reference model',
        );
      }),
      { numRuns: 100 },
    );
  });

  it('covers every rate basis, frequency and timing (a generator sanity check)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(leaseArb, (g) => {
        seen.add(`${g.policies.rateBasis}|${g.terms.frequency}|${g.terms.timing}`);
      }),
      { numRuns: 500, seed: 42 },
    );
    expect(seen.size).toBe(rateBases.length * frequencies.length * timings.length);
  });
});

/** Every field, decimals as their digits and the rate's scaled integers as text. */
const serialize = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

describe('a portfolio', () => {
  const portfolioArb = fc.array(leaseArb, { minLength: 1, maxLength: 6 }).chain((gs) =>
    fc.tuple(
      fc.constant(gs.map((g, k) => ({ ...g.terms, id: `L-${k}` }))),
      fc.constant(gs[0].policies),
      fc.shuffledSubarray(
        gs.map((_, k) => k),
        { minLength: gs.length, maxLength: gs.length },
      ),
    ),
  );

  it('gives each lease the same result whatever the order of the leases', () => {
    fc.assert(
      fc.property(portfolioArb, ([leases, policies, order]) => {
        const a = measurePortfolio({ leases, modifications: [], policies });
        const b = measurePortfolio({ leases: order.map((k) => leases[k]), modifications: [], policies });
        expect(a.failures).toEqual([]);
        expect(b.failures).toEqual([]);
        expect(b.leases.map((l) => l.id)).toEqual(order.map((k) => `L-${k}`));
        const byId = new Map(b.leases.map((l) => [l.id, l]));
        for (const l of a.leases) {
          // Every field of the result (decimals serialize as their digits), and its JSON export.
          eq(serialize(byId.get(l.id)), serialize(l), `lease ${l.id} after reordering`);
          eq(JSON.stringify(leaseToJson(byId.get(l.id)!)), JSON.stringify(leaseToJson(l)), `lease ${l.id} export`);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('JSON export (CONTRACT 5)', () => {
  it('with input errors: the errors and no leases; leases the engine could not measure become errors at their cell', () => {
    const errors = [{ where: 'Leases!F7', message: 'Discount Rate "abc" is not a number' }];
    expect(buildJsonExport('1.2.3', null, errors)).toEqual({
      version: '1.2.3',
      period: null,
      leases: [],
      journal: [],
      errors,
      warnings: [],
    });
    const withFailures = buildJsonExport(
      '1.2.3',
      {
        leases: [],
        failures: [
          { leaseId: 'L-9', message: 'lease L-9: bad row', where: 'LeaseModifications!C4' },
          { leaseId: 'L-8', message: 'lease L-8: no cell' },
        ],
      },
      [],
    );
    expect(withFailures.errors).toEqual([
      { where: 'LeaseModifications!C4', message: 'lease L-9: bad row' },
      { where: expect.stringContaining('L-8'), message: 'lease L-8: no cell' },
    ]);
  });

  const AMOUNT = /^-?\d+\.\d{2}$/;
  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  const amountFields = [
    'payment',
    'interest',
    'liabilityAdjustment',
    'liabilityEnd',
    'rouAdjustment',
    'rouEnd',
    'leaseCost',
    'amortization',
    'gainLoss',
  ] as const;

  it('every amount is a string with two decimals, and every month ties', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measure(g);
        const json = JSON.parse(JSON.stringify(buildJsonExport('test', { leases: [r], failures: [] }, [])));
        expect(json.errors).toEqual([]);
        const l = json.leases[0];
        expect(l.classification).toBe(r.classification);
        expect(l.monthlyRate).toMatch(/^\d+(\.\d+)?$/);
        for (const f of ['liabilityAtCommencement', 'paidAtCommencement', 'rouAtCommencement'])
          expect(l[f]).toMatch(AMOUNT);
        expect(parseAmount(l.liabilityAtCommencement)).toBe(r.liabilityAtCommencement);
        expect(parseAmount(l.rouAtCommencement)).toBe(r.rouAtCommencement);
        let liability = parseAmount(l.liabilityAtCommencement);
        let rou = parseAmount(l.rouAtCommencement);
        const shortTerm = r.classification === 'short-term';
        l.months.forEach((m: Record<string, string | number>, j: number) => {
          const at = `month ${j + 1}`;
          eq(m.month, j + 1, at);
          eq(m.classification, r.months[j].classification, `${at} classification`);
          eq(ISO.test(String(m.start)) && ISO.test(String(m.end)), true, `${at} dates ${m.start} ${m.end}`);
          for (const f of amountFields) eq(AMOUNT.test(String(m[f])), true, `${at} ${f} "${m[f]}"`);
          const a = (f: (typeof amountFields)[number]) => parseAmount(m[f] as string);
          eq(a('leaseCost'), r.months[j].leaseCost, `${at} leaseCost`);
          eq(a('payment'), r.months[j].payment, `${at} payment`);
          if (shortTerm) {
            // No asset or liability: every balance is 0.00 and the tie rules do not apply (CONTRACT 1.8).
            for (const f of ['liabilityEnd', 'rouEnd', 'interest', 'amortization'] as const) eq(a(f), 0, `${at} ${f}`);
            return;
          }
          eq(
            a('liabilityEnd'),
            liability + a('liabilityAdjustment') + a('interest') - a('payment'),
            `${at} liability tie`,
          );
          eq(a('rouEnd'), rou + a('rouAdjustment') - a('amortization'), `${at} ROU tie`);
          liability = a('liabilityEnd');
          rou = a('rouEnd');
        });
      }),
      RUNS,
    );
  });
});
