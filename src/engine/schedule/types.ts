import type { Cents } from '../money/cents';
import type { IsoDate } from '../calendar/dates';
import type { Classification, LeaseTerms, ModificationType } from '../terms';
import type { MonthlyRate } from '../rate/monthlyRate';
import type { ClassificationResult } from '../classification/classify';
import type { AmortizationPeriod } from './amortizationPeriod';
import type { LeaseWarning } from '../warnings';

/** A payment the lease calls for, placed on the month grid. */
export interface ScheduledPayment {
  /** Months after commencement at which it is paid: (1+i)^-t discounts it. */
  t: number;
  /** Lease month in which it reduces the liability (advance: month t+1; arrears and end-of-term: month t). */
  month: number;
  timing: 'advance' | 'arrears';
  kind: 'regular' | 'irregular' | 'residual value guarantee' | 'purchase option';
  amount: Cents;
}

/**
 * One lease month of the schedule. Every row ties exactly:
 *   liabilityEnd = liabilityStart + liabilityAdjustment + interest - payment
 *   rouEnd       = rouStart + rouAdjustment - amortization
 */
export interface MonthRow {
  month: number;
  start: IsoDate;
  end: IsoDate;
  classification: Classification;
  /** 0 = the original measurement, 1.. = the remeasurement in force. */
  measurement: number;
  /** What was booked at the start of this month (remeasurement, termination, ...), if anything. */
  event: ModificationType | null;
  liabilityStart: Cents;
  liabilityAdjustment: Cents;
  /** Paid at the start of the month (before interest). */
  advancePayment: Cents;
  /** Paid at the end of the month (after interest): arrears, RVG, purchase option, termination payment. */
  arrearsPayment: Cents;
  /** advancePayment + arrearsPayment. */
  payment: Cents;
  /** The balance interest is computed on: liabilityStart + liabilityAdjustment - advancePayment. */
  interestBase: Cents;
  /** Accretion (operating) or interest expense (finance). */
  interest: Cents;
  /** In the final month of a measurement that runs to its end: interest - round(interestBase x i); otherwise 0. */
  interestTrueUp: Cents;
  liabilityEnd: Cents;
  rouStart: Cents;
  rouAdjustment: Cents;
  amortization: Cents;
  rouEnd: Cents;
  /** Operating: the straight-line single lease cost; finance: interest + amortization; short-term: straight-line. */
  leaseCost: Cents;
  /** Positive = gain. */
  gainLoss: Cents;
  /** Impairment loss booked this month (positive amount), included in rouAdjustment as a reduction. */
  impairment: Cents;
  /**
   * The date the impairment is booked on (CONTRACT 1.10 v4: any day): the month's start for one effective at a
   * lease-month start, otherwise a day inside the month (the month's amortization is then the plan's before it, and
   * the straight-line amortization of what remains starts with the next month). Null when there is none.
   */
  impairmentDate: IsoDate | null;
  /**
   * Derecognized this month by a partial termination or termination (positive amounts), included in the adjustments:
   * liabilityAdjustment + liabilityDerecognized (and rouAdjustment + rouDerecognized + impairment) is the remeasurement
   * (for a termination, the termination payment).
   */
  liabilityDerecognized: Cents;
  rouDerecognized: Cents;
  /**
   * An incentive received in cash from the lessor at a modification's effective date (positive), included in
   * rouAdjustment as a reduction: the rest of rouAdjustment (+ rouDerecognized + impairment) is the remeasurement.
   */
  incentiveReceived: Cents;
  /**
   * Variable lease cost of the month (CONTRACT 2, `VariablePayments`): expensed and paid in cash, never in the
   * liability, the ROU asset or `leaseCost`.
   */
  variableCost: Cents;
}

/** One measurement of the lease: at commencement, then after each remeasurement or modification. */
export interface Measurement {
  index: number;
  /** First lease month it governs. */
  startMonth: number;
  /** Last lease month of the term in force. */
  endMonth: number;
  classification: ClassificationResult;
  monthlyRate: MonthlyRate;
  /** Annual rate in force. */
  annualRate: string;
  liability: Cents;
  rou: Cents;
  /** Total straight-line cost to recognize from startMonth to endMonth (operating), or 0. */
  straightLineTotal: Cents;
  /** Straight-line cost of each month but the last (operating / short-term), or 0. */
  straightLineMonthly: Cents;
  /** Finance: the period and the rule that set it (CONTRACT 1.7); null for an operating or short-term measurement. */
  amortizationPeriod: AmortizationPeriod | null;
  /** Finance: months over which the ROU is amortized from startMonth; amortization of each month but the last. */
  amortizationMonths: number;
  amortizationMonthly: Cents;
  /** Operating after an impairment: the ROU is amortized straight-line and cost = accretion + amortization. */
  impaired: boolean;
  /** The payments from startMonth on that the liability is the PV of. */
  payments: ScheduledPayment[];
}

/** A variable payment as booked: in lease month `month`, on its own date. */
export interface BookedVariablePayment {
  date: IsoDate;
  month: number;
  amount: Cents;
  description: string;
}

/** A measured lease: its identifying terms as entered, the measurements, and the monthly schedule. */
export interface LeaseResult extends Pick<
  LeaseTerms,
  'id' | 'description' | 'entity' | 'assetClass' | 'currency' | 'commencement' | 'termMonths'
> {
  classification: Classification;
  classificationTests: ClassificationResult;
  annualRate: string;
  monthlyRate: MonthlyRate;
  liabilityAtCommencement: Cents;
  /** Day-one payment + prepaid rent (0 for short-term). */
  paidAtCommencement: Cents;
  dayOnePayment: Cents;
  prepaidRent: Cents;
  initialDirectCosts: Cents;
  leaseIncentives: Cents;
  rouAtCommencement: Cents;
  /** A finance lease's ROU amortization period at commencement and the rule that set it (CONTRACT 1.7); else null. */
  amortizationPeriod: AmortizationPeriod | null;
  measurements: Measurement[];
  months: MonthRow[];
  /** Its variable payments, each in the lease month holding its date (their sum per month is `variableCost`). */
  variablePayments: BookedVariablePayment[];
  /** What a reviewer should see but does not stop the run (CONTRACT 1.10). */
  warnings: LeaseWarning[];
}
