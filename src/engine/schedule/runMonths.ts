import { applyRate } from '../rate/monthlyRate';
import { assertCents, type Cents } from '../money/cents';
import type { MonthGrid } from '../calendar/monthGrid';
import type { IsoDate } from '../calendar/dates';
import type { ModificationType } from '../terms';
import type { Measurement, MonthRow } from './types';
import { straightLineAmount } from './straightLine';

/** What is booked at the start of a measurement's first month (before its advance payment). */
export interface Booking {
  event: ModificationType | null;
  liabilityAdjustment: Cents;
  rouAdjustment: Cents;
  gainLoss: Cents;
  impairment: Cents;
  impairmentDate: IsoDate | null;
  /** Removed by a partial termination (positive amounts); the rest of the adjustment is the remeasurement. */
  liabilityDerecognized: Cents;
  rouDerecognized: Cents;
  /** Received in cash from the lessor at the effective date (positive), included in rouAdjustment as a reduction. */
  incentiveReceived: Cents;
}

export const NO_BOOKING: Booking = {
  event: null,
  liabilityAdjustment: 0,
  rouAdjustment: 0,
  gainLoss: 0,
  impairment: 0,
  impairmentDate: null,
  liabilityDerecognized: 0,
  rouDerecognized: 0,
  incentiveReceived: 0,
};

/** Closing balances of a month: the opening balances of the next. */
export interface Balances {
  liability: Cents;
  rou: Cents;
}

/**
 * Appends the rows of months `m.startMonth`..`lastMonth` of a measurement (CONTRACT 1.6, 1.7, 1.9).
 * `before` are the closing balances of the month before; `booking` is booked at the start of the first month.
 * In the measurement's final month (its endMonth) the interest is whatever closes the liability at exactly 0.00:
 * the rounding true-up, reported in `interestTrueUp`.
 */
export function runMonths(
  m: Measurement,
  grid: MonthGrid,
  before: Balances,
  booking: Booking,
  lastMonth: number,
  rows: MonthRow[],
): Balances {
  const s = m.startMonth;
  const span = m.endMonth - s + 1;
  const advance = new Array<Cents>(span).fill(0);
  const arrears = new Array<Cents>(span).fill(0);
  for (const p of m.payments) {
    if (p.month < s || p.month > m.endMonth) continue;
    if (p.timing === 'advance') advance[p.month - s] += p.amount;
    else arrears[p.month - s] += p.amount;
  }
  const classification = m.classification.result;
  const finance = classification === 'finance';
  const rate = m.monthlyRate;
  const costPlan = { total: m.straightLineTotal, months: span, monthly: m.straightLineMonthly };
  const amortizationPlan = { total: m.rou, months: m.amortizationMonths, monthly: m.amortizationMonthly };
  let liability = before.liability;
  let rou = before.rou;
  for (let k = s; k <= lastMonth; k++) {
    const i = k - s;
    const first = k === s;
    const liabilityAdjustment = first ? booking.liabilityAdjustment : 0;
    const rouAdjustment = first ? booking.rouAdjustment : 0;
    const adv = advance[i];
    const arr = arrears[i];
    const interestBase = liability + liabilityAdjustment - adv;
    const rounded = applyRate(interestBase, rate);
    const interest = k === m.endMonth ? arr - interestBase : rounded;
    const liabilityEnd = interestBase + interest - arr;
    let amortization: Cents;
    let leaseCost: Cents;
    if (finance || m.impaired) {
      amortization = straightLineAmount(amortizationPlan, i + 1);
      leaseCost = interest + amortization;
    } else {
      leaseCost = straightLineAmount(costPlan, i + 1);
      amortization = leaseCost - interest;
    }
    const rouStart = rou;
    rou = rou + rouAdjustment - amortization;
    rows.push({
      month: k,
      start: grid.starts[k - 1],
      end: grid.ends[k - 1],
      classification,
      measurement: m.index,
      event: first ? booking.event : null,
      liabilityStart: liability,
      liabilityAdjustment,
      advancePayment: adv,
      arrearsPayment: arr,
      payment: adv + arr,
      interestBase,
      interest,
      interestTrueUp: interest - rounded,
      liabilityEnd,
      rouStart,
      rouAdjustment,
      amortization,
      rouEnd: rou,
      leaseCost,
      gainLoss: first ? booking.gainLoss : 0,
      impairment: first ? booking.impairment : 0,
      impairmentDate: first ? booking.impairmentDate : null,
      liabilityDerecognized: first ? booking.liabilityDerecognized : 0,
      rouDerecognized: first ? booking.rouDerecognized : 0,
      incentiveReceived: first ? booking.incentiveReceived : 0,
      variableCost: 0,
    });
    liability = liabilityEnd;
  }
  return { liability: assertCents(liability, 'liability'), rou: assertCents(rou, 'ROU asset') };
}
