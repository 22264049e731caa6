import type { Cents } from '../money/cents';
import type { MonthGrid } from '../calendar/monthGrid';
import { totalOf } from '../payments/stream';
import { straightLine, straightLineAmount } from './straightLine';
import type { MonthRow, ScheduledPayment } from './types';

/**
 * A short-term lease under the ASC 842-20-25-2 exemption: no asset or liability; each payment is cash of its month;
 * the cost (all payments + prepaid rent + IDC - incentives) is recognized straight-line over the term (CONTRACT 1.8).
 */
export function shortTermMonths(
  payments: readonly ScheduledPayment[],
  termMonths: number,
  otherCost: Cents,
  grid: MonthGrid,
): MonthRow[] {
  const cash = new Array<Cents>(termMonths).fill(0);
  const advance = new Array<Cents>(termMonths).fill(0);
  for (const p of payments) {
    cash[p.month - 1] += p.amount;
    if (p.timing === 'advance') advance[p.month - 1] += p.amount;
  }
  const cost = straightLine(totalOf(payments) + otherCost, termMonths);
  const rows: MonthRow[] = [];
  for (let k = 1; k <= termMonths; k++) {
    rows.push({
      month: k,
      start: grid.starts[k - 1],
      end: grid.ends[k - 1],
      classification: 'short-term',
      measurement: 0,
      event: null,
      liabilityStart: 0,
      liabilityAdjustment: 0,
      advancePayment: advance[k - 1],
      arrearsPayment: cash[k - 1] - advance[k - 1],
      payment: cash[k - 1],
      interestBase: 0,
      interest: 0,
      interestTrueUp: 0,
      liabilityEnd: 0,
      rouStart: 0,
      rouAdjustment: 0,
      amortization: 0,
      rouEnd: 0,
      leaseCost: straightLineAmount(cost, k),
      gainLoss: 0,
      impairment: 0,
      impairmentDate: null,
      liabilityDerecognized: 0,
      rouDerecognized: 0,
      incentiveReceived: 0,
      variableCost: 0,
    });
  }
  return rows;
}
