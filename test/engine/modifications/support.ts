/**
 * Helpers for the modification tests: independent decimal arithmetic (a decimal.js clone of its own, 60 digits, no
 * engine code) for present values and removed shares, and checks of the schedule's invariants (CONTRACT 1.9, 1.10).
 */
import DecimalJs from 'decimal.js';
import { measureLease } from '../../../src/engine/lease';
import { defaultPolicies } from '../../../src/engine/policies';
import type { LeaseResult, MonthRow } from '../../../src/engine/schedule/types';
import type { LeaseTerms, ModificationTerms, Policies } from '../../../src/engine/terms';

/** 60 significant digits, half-up: independent of the engine's decimal clone. */
export const D = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type D = InstanceType<typeof D>;

/** A decimal number of cents rounded half-up (away from zero) to a whole cent. */
export function roundCents(x: D): number {
  return x.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber() + 0; // + 0: no negative zero
}

/** round(cents x fraction), half-up: an amount removed in a partial termination (CONTRACT 1.9). */
export function shareOf(cents: number, fraction: D): number {
  return roundCents(new D(cents).times(fraction));
}

/** Monthly rate for an annual rate: monthly payments r/12; annual payments (1+r)^(1/12)-1 (CONTRACT 1.3). */
export function monthlyRateFor(annual: string, paymentsPerYear: 12 | 4 | 2 | 1): D {
  const r = new D(annual);
  if (paymentsPerYear === 12) return r.div(12);
  return r.div(paymentsPerYear).plus(1).pow(new D(paymentsPerYear).div(12)).minus(1);
}

/** Round(sum of amounts(cents) x (1+i)^-months). */
export function pvMonths(payments: { months: number; cents: number }[], i: D): number {
  let s = new D(0);
  for (const p of payments) s = s.plus(new D(p.cents).div(i.plus(1).pow(p.months)));
  return roundCents(s);
}

/**
 * Round(sum of amounts(cents) x (1+r)^-years): the annual discounting the published examples use. Written with the
 * annual rate directly, so it shares nothing with the engine's monthly rate.
 */
export function pvYears(payments: { years: number; cents: number }[], annual: string): number {
  const r = new D(annual);
  let s = new D(0);
  for (const p of payments) s = s.plus(new D(p.cents).div(r.plus(1).pow(p.years)));
  return roundCents(s);
}

/** `count` level payments of `cents`, the first at `firstYear` years from the measurement date. */
export function level(count: number, cents: number, firstYear = 0): { years: number; cents: number }[] {
  return Array.from({ length: count }, (_, k) => ({ years: firstYear + k, cents }));
}

export function run(
  terms: LeaseTerms,
  mods: ModificationTerms[] = [],
  policies: Policies = defaultPolicies(),
): LeaseResult {
  return measureLease(terms, mods, policies);
}

/** Row of lease month k (1-based). */
export function month(r: LeaseResult, k: number): MonthRow {
  const row = r.months[k - 1];
  if (!row || row.month !== k) throw new Error(`no row for month ${k}`);
  return row;
}

/** The balances booked at the start of month k: the new liability and ROU after the modification's adjustment. */
export function afterBooking(r: LeaseResult, k: number): { liability: number; rou: number } {
  const row = month(r, k);
  return { liability: row.liabilityStart + row.liabilityAdjustment, rou: row.rouStart + row.rouAdjustment };
}

/** Sum of a field over months from..to (inclusive). */
export function sum(r: LeaseResult, field: keyof MonthRow, from = 1, to = r.months.length): number {
  let s = 0;
  for (const row of r.months.slice(from - 1, to)) s += row[field] as number;
  return s;
}

/** |actual cents - published whole currency units| <= tolerance in currency units. */
export function expectNear(actualCents: number, published: number, toleranceUnits = 1): void {
  const diff = Math.abs(actualCents - published * 100);
  if (diff > toleranceUnits * 100) {
    throw new Error(`expected ${published} ± ${toleranceUnits}, got ${(actualCents / 100).toFixed(2)}`);
  }
}

/** Every row ties exactly, months are consecutive and each opens on the previous close (CONTRACT 1.9). */
export function tieProblems(r: LeaseResult): string[] {
  const problems: string[] = [];
  let liability = r.liabilityAtCommencement;
  let rou = r.rouAtCommencement;
  r.months.forEach((row, idx) => {
    const at = `month ${row.month}`;
    if (row.month !== idx + 1) problems.push(`${at}: expected month ${idx + 1}`);
    if (row.liabilityStart !== liability)
      problems.push(`${at}: liability opens ${row.liabilityStart}, previous close ${liability}`);
    if (row.rouStart !== rou) problems.push(`${at}: ROU opens ${row.rouStart}, previous close ${rou}`);
    if (row.payment !== row.advancePayment + row.arrearsPayment)
      problems.push(`${at}: payment is not advance + arrears`);
    if (row.liabilityEnd !== row.liabilityStart + row.liabilityAdjustment + row.interest - row.payment) {
      problems.push(`${at}: liability does not tie`);
    }
    if (row.rouEnd !== row.rouStart + row.rouAdjustment - row.amortization) problems.push(`${at}: ROU does not tie`);
    for (const k of ['liabilityEnd', 'rouEnd', 'interest', 'amortization', 'leaseCost', 'gainLoss'] as const) {
      if (!Number.isSafeInteger(row[k])) problems.push(`${at}: ${k} ${row[k]} is not whole cents`);
    }
    liability = row.liabilityEnd;
    rou = row.rouEnd;
  });
  return problems;
}

/**
 * The whole-life identity (see properties.test.ts for the derivation): total lease cost + impairment losses - net
 * gains = all cash (paid at commencement + every month's payment, termination payments included) + IDC - incentives
 * (at commencement and received at modifications).
 */
export function lifeTotals(r: LeaseResult): { charge: number; cash: number } {
  const cost = sum(r, 'leaseCost');
  const impairment = sum(r, 'impairment');
  const gains = sum(r, 'gainLoss');
  return {
    charge: cost + impairment - gains,
    cash:
      r.paidAtCommencement + sum(r, 'payment') + r.initialDirectCosts - r.leaseIncentives - sum(r, 'incentiveReceived'),
  };
}

/** EDATE(date, months) from the civil calendar (day clamped to the month's last day): start of lease month months+1. */
export function edate(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const daysInMonth = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month0 + 1)}-${pad(Math.min(d, daysInMonth))}`;
}
