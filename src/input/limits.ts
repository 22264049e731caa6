/**
 * Size limits on the inputs, checked before anything is measured so that a run ends with a message at a cell
 * instead of an overflow or an exhausted memory (pure; the .xlsx adapter has its own limits on the file).
 *
 * - Amounts are carried exactly as whole cents in JavaScript numbers, exact up to 2^53 cents (about 90 trillion).
 *   One lease's undiscounted payments and other amounts may total at most MAX_LEASE_TOTAL, and all leases
 *   together at most MAX_PORTFOLIO_TOTAL (a quarter of 2^53 cents), so every balance, sum and roll-forward total
 *   stays exact.
 * - A lease may have at most MAX_MODIFICATIONS_PER_LEASE modifications, and all modifications together may
 *   re-measure at most MAX_REMEASURED_MONTHS lease-months (each one re-measures the rest of its lease, and the
 *   workpapers re-perform it).
 */
import { Decimal } from '../engine/money/decimal';
import type { LeaseTerms } from '../engine/terms';

/** One lease's total, in currency units: a trillion. */
export const MAX_LEASE_TOTAL = new Decimal('1e12');
/**
 * All leases together, in currency units: a quarter of 2^53 cents (2^53 is the largest count of cents carried
 * exactly), so that any total of debits, credits or roll-forward columns across the portfolio stays exact.
 */
export const MAX_PORTFOLIO_TOTAL = new Decimal(2 ** 51).dividedBy(100).floor();
export const MAX_MODIFICATIONS_PER_LEASE = 120;
/**
 * Lease-months re-measured by all modifications together (each one the months left in force from its effective
 * month). Measured: 8 leases of 1,200 months with 120 monthly remeasurements each (about 1.1 million) took 33 s and
 * 2.5 GB; the limit keeps a run well inside Node's default heap.
 */
export const MAX_REMEASURED_MONTHS = 750_000;

const PAYMENTS_PER_YEAR: Record<LeaseTerms['frequency'], number> = {
  Monthly: 12,
  Quarterly: 4,
  Semiannual: 2,
  Annual: 1,
};

export function formatUnits(d: Decimal): string {
  return d.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An upper bound, in currency units, of everything a lease pays or books: its regular payments with the escalation
 * compounding every year (or its irregular payments), the residual value guarantee, the purchase option, prepaid
 * rent, initial direct costs and incentives.
 */
export function leaseTotalBound(lease: LeaseTerms): Decimal {
  const cents = (c: number) => new Decimal(c).dividedBy(100);
  let total = cents(lease.residualValueGuarantee)
    .plus(cents(lease.purchaseOptionPrice))
    .plus(cents(lease.prepaidRent))
    .plus(cents(lease.initialDirectCosts))
    .plus(cents(lease.leaseIncentives));
  if (lease.irregularPayments.length > 0) {
    for (const p of lease.irregularPayments) total = total.plus(cents(p.amount));
    return total;
  }
  const years = Math.ceil(lease.termMonths / 12);
  const growth = Decimal.max(lease.annualEscalation, 0).plus(1);
  let yearly = cents(lease.payment).times(PAYMENTS_PER_YEAR[lease.frequency]);
  for (let y = 0; y < years && total.lessThanOrEqualTo(MAX_PORTFOLIO_TOTAL); y++) {
    total = total.plus(yearly);
    yearly = yearly.times(growth);
  }
  return total;
}

/** The message for a lease whose amounts total more than MAX_LEASE_TOTAL, or null. */
export function leaseTotalProblem(lease: LeaseTerms): string | null {
  const total = leaseTotalBound(lease);
  if (total.lessThanOrEqualTo(MAX_LEASE_TOTAL)) return null;
  return (
    `lease ${lease.id}: its payments and other amounts come to more than ${formatUnits(MAX_LEASE_TOTAL)} over ` +
    `${lease.termMonths} months, the most one lease may total (amounts are carried exactly to the cent); ` +
    'check Payment, Annual Escalation and the other amounts'
  );
}

/** The message for leases that together total more than MAX_PORTFOLIO_TOTAL, or null. */
export function portfolioTotalProblem(leases: readonly LeaseTerms[]): string | null {
  let total = new Decimal(0);
  for (const l of leases) {
    total = total.plus(leaseTotalBound(l));
    if (total.greaterThan(MAX_PORTFOLIO_TOTAL)) {
      return (
        `the leases together come to more than ${formatUnits(MAX_PORTFOLIO_TOTAL)} in payments and other amounts, ` +
        'the most one workbook may total (amounts are carried exactly to the cent); split the portfolio'
      );
    }
  }
  return null;
}
