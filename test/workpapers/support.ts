/**
 * Test helpers for the workpapers: published examples as lease terms, a portfolio run through the engine, and an
 * independent, deliberately simple model of a level monthly lease paid in advance (CONTRACT 1.9 rounding), used to
 * hand-derive expected figures without the engine.
 */
import { Decimal } from '../../src/engine/money/decimal';
import {
  measureLease,
  measurePortfolio,
  defaultPolicies,
  type LeaseResult,
  type PortfolioResult,
} from '../../src/engine';
import type { LeaseTerms, Policies, PortfolioInput } from '../../src/engine/terms';
import { edate } from '../../src/engine/calendar/dates';
import { buildWorkpapers, type BuildOptions, type RunMeta } from '../../src/workpapers';
import { lease, modification } from '../support/leases';

export const META: RunMeta = {
  productVersion: '0.0.0-test',
  generatedAt: '2030-01-15T09:00:00.000Z',
  source: 'test.xlsx',
  inputHash: 'ab'.repeat(32),
};

/** E1: PwC 4-2 / 4-11, finance, $1,100 a year in advance, 5 years, 7%, FV 5,000, economic life 6 years. */
export const E1 = lease({
  id: 'E1',
  description: 'PwC 4-2 imaging equipment',
  commencement: '2029-01-01',
  termMonths: 60,
  payment: 1100,
  frequency: 'Annual',
  rate: '0.07',
  usefulLifeMonths: 72,
  fairValue: 500000,
});

/** E3: PwC 4-4 / 4-13, operating, $500 a month in advance, 36 months, 6%. */
export const E3 = lease({
  id: 'E3',
  description: 'PwC 4-4 automobile',
  commencement: '2029-01-01',
  termMonths: 36,
  payment: 500,
  rate: '0.06',
  usefulLifeMonths: 72,
  fairValue: 3000000,
});

/** E19: EZLease office, $5,000 a month for years 1-5 and $6,000 for years 6-10, in advance, 4%. */
export const E19 = lease({
  id: 'E19',
  description: 'EZLease office',
  commencement: '2022-01-01',
  termMonths: 120,
  payment: 0,
  rate: '0.04',
  irregularPayments: Array.from({ length: 120 }, (_, k) => ({
    date: edate('2022-01-01', k),
    amount: k < 60 ? 500000 : 600000,
  })),
});

/** E20: EZLease GASB 87 copier, $209 a month (lease component) in advance from 2022-07-01, 36 months, 4%. */
export const E20 = lease({
  id: 'E20',
  description: 'EZLease copier',
  commencement: '2022-07-01',
  termMonths: 36,
  payment: 209,
  rate: '0.04',
  usefulLifeMonths: 60,
});

export function policies(over: Partial<Policies> = {}): Policies {
  return { ...defaultPolicies(), ...over };
}

export function run(
  leases: LeaseTerms[],
  over: Partial<Policies> = {},
): { input: PortfolioInput; result: PortfolioResult } {
  const input: PortfolioInput = { leases, modifications: [], policies: policies(over) };
  const result = measurePortfolio(input);
  if (result.failures.length > 0) throw new Error(JSON.stringify(result.failures));
  return { input, result };
}

export function plan(leases: LeaseTerms[], over: Partial<Policies> = {}, options: BuildOptions = {}) {
  const { input, result } = run(leases, over);
  return { input, result, plan: buildWorkpapers(result, input, META, options) };
}

const D = Decimal.clone({ precision: 40 });

function halfUp(x: InstanceType<typeof D>): number {
  return x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * A monthly lease paid in advance, by hand: liability = PV of the payments after the first (cents, half-up); then
 * each month: base = opening - that month's payment (from month 2), interest = round(base x r/12), closing = base +
 * interest, the last month's interest closing the liability at 0. Closings by month (index 0 = month 1).
 */
export function monthlyAdvance(
  payments: number[],
  annualRate: string,
): { liability0: number; closing: number[]; interest: number[] } {
  const i = new D(annualRate).dividedBy(12);
  let pv = new D(0);
  for (let t = 1; t < payments.length; t++) pv = pv.plus(new D(payments[t]).dividedBy(i.plus(1).pow(t)));
  const liability0 = halfUp(pv);
  const closing: number[] = [];
  const interest: number[] = [];
  let l = liability0;
  payments.forEach((p, j) => {
    const base = j === 0 ? l : l - p;
    const int = j === payments.length - 1 ? -base : halfUp(new D(base).times(i));
    l = base + int;
    closing.push(l);
    interest.push(int);
  });
  return { liability0, closing, interest };
}

/** A level monthly lease paid in advance, by hand (see monthlyAdvance). */
export function levelAdvance(paymentCents: number, annualRate: string, months: number) {
  return monthlyAdvance(new Array<number>(months).fill(paymentCents), annualRate);
}

/**
 * Lease P: 60 months of 2,000 at 5% with 3,000 of IDC, 30% of it terminated at month 19 (2030-07-01) with the payment
 * cut to 1,500, under the given Partial Termination Method.
 */
export function partiallyTerminated(method: Policies['partialTerminationMethod']): LeaseResult {
  return measureLease(
    lease({ id: 'P', termMonths: 60, payment: 2000, rate: '0.05', initialDirectCosts: 300000 }),
    [
      modification({
        leaseId: 'P',
        effectiveDate: '2030-07-01',
        type: 'Partial termination',
        scopeReduction: new Decimal('0.3'),
        newPayment: 150000,
      }),
    ],
    policies({ partialTerminationMethod: method }),
  );
}
