/**
 * Warnings (CONTRACT 1.10): things a reviewer should see that do not stop the run. Each names a cell, as an error
 * does, and is listed in Validate, the Run Log, the command line's standard error (`warning: Sheet!Cell: message`)
 * and the JSON export's `warnings`. Every recurring warning text is written here, once.
 */
import { formatCents, type Cents } from './money/cents';
import type { IsoDate } from './calendar/dates';
import type { Decimal } from './money/decimal';

export interface Warning {
  /** The cell ("LeaseModifications!F3"), or the lease's row when the warning is about the whole lease. */
  where: string;
  message: string;
}

/** A lease's own warning, with the lease it belongs to. */
export interface LeaseWarning extends Warning {
  leaseId: string;
}

/** Where a lease's warning goes when the input did not say which row the lease is on. */
export function leaseWhere(leaseId: string, source: string | undefined): string {
  return source ?? `Leases (${leaseId})`;
}

function percent(rate: Decimal): string {
  return `${rate.times(100).toString()}%`;
}

export const WARNINGS = {
  /** ASC 842-20-35-5 and 842-10-35-5: a remeasurement that changes the term or the payments takes a current rate. */
  blankRate: (leaseId: string, kind: 'Remeasurement' | 'Partial termination', what: string, rateInForce: Decimal) =>
    `New Discount Rate is blank: this ${kind.toLowerCase()} of lease ${leaseId} (${what}) is remeasured at the rate ` +
    `in force, ${percent(rateInForce)}; ASC 842-20-35-5 calls for a discount rate determined at the effective date ` +
    `unless only the amount probable under a residual value guarantee changed`,
  negativeRou: (leaseId: string, amount: Cents, monthEnd: IsoDate, count: number) =>
    `The ROU asset of lease ${leaseId} is ${formatCents(amount)} at ${monthEnd}` +
    `${count > 1 ? ` (below zero at ${count} month-ends)` : ''}: incentives or adjustments exceed the asset; ` +
    `check the Lease Incentives and modification amounts`,
  negativeLiability: (leaseId: string, amount: Cents, monthEnd: IsoDate, count: number) =>
    `The lease liability of lease ${leaseId} is ${formatCents(amount)} at ${monthEnd}` +
    `${count > 1 ? ` (below zero at ${count} month-ends)` : ''}: the payments so far exceed the liability and its ` +
    `accretions, each accretion rounded to the cent (rounding can leave a few cents below zero once the last payment ` +
    `is made, more often at very small rates); the final month's rounding true-up brings it back to 0.00`,
  shortLifeOperating: (leaseId: string, life: number, term: number, byOverride: boolean) =>
    `Useful Life of ${life} months is shorter than lease ${leaseId}'s term of ${term} months, yet the lease is ` +
    `operating${byOverride ? ' (by its Classification override)' : ''}: its ROU asset is amortized with the ` +
    `straight-line cost over the term whatever the useful life; nothing to do, but check the classification`,
} as const;
