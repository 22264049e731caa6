import type { MonthGrid } from '../calendar/monthGrid';
import type { Balances } from '../schedule/runMonths';
import type { MonthRow } from '../schedule/types';
import type { ModificationTerms } from '../terms';
import type { TermsInForce } from './inForce';

/**
 * A full termination at the start of month m (CONTRACT 1.10): month m is the last row. The termination payment is
 * paid, both balances are derecognized to exactly 0.00, and gain/loss = liability - ROU - termination payment.
 * No accretion, cost or amortization in that month; the row carries the classification in force before it.
 */
export function terminate(
  now: TermsInForce,
  before: Balances,
  row: ModificationTerms,
  m: number,
  grid: MonthGrid,
): MonthRow {
  const payment = row.terminationPayment ?? 0;
  return {
    month: m,
    start: grid.starts[m - 1],
    end: grid.ends[m - 1],
    classification: now.measurement.classification.result,
    measurement: now.measurement.index,
    event: 'Termination',
    liabilityStart: before.liability,
    liabilityAdjustment: payment - before.liability,
    advancePayment: 0,
    arrearsPayment: payment,
    payment,
    interestBase: payment,
    interest: 0,
    interestTrueUp: 0,
    liabilityEnd: 0,
    rouStart: before.rou,
    rouAdjustment: -before.rou,
    amortization: 0,
    rouEnd: 0,
    leaseCost: 0,
    gainLoss: before.liability - before.rou - payment,
    impairment: 0,
    impairmentDate: null,
    liabilityDerecognized: before.liability,
    rouDerecognized: before.rou,
    incentiveReceived: 0,
    variableCost: 0,
  };
}
