import type { Cents } from '../money/cents';
import type { MonthlyRate } from '../rate/monthlyRate';
import type { ClassificationResult } from '../classification/classify';
import { totalOf } from '../payments/stream';
import { roundHalfUpDiv } from '../money/cents';
import type { Measurement, ScheduledPayment } from './types';
import type { AmortizationPeriod } from './amortizationPeriod';

export interface MeasurementSpec {
  index: number;
  startMonth: number;
  endMonth: number;
  classification: ClassificationResult;
  rate: MonthlyRate;
  annualRate: string;
  /** Balances after the measurement's adjustment. */
  liability: Cents;
  rou: Cents;
  /** Payments from startMonth on (the liability is their PV). */
  payments: ScheduledPayment[];
  /**
   * Finance: the amortization period from commencement (CONTRACT 1.7); its end may be after endMonth (the ROU left
   * passes to owned assets) or before it (later months amortize 0.00). Ignored for an operating lease.
   */
  amortization: AmortizationPeriod;
  impaired: boolean;
}

/**
 * A measurement with its cost plan: operating leases recognize (remaining undiscounted payments + (ROU - liability))
 * straight-line over the remaining months (at commencement this is all payments + IDC - incentives); finance leases
 * amortize the ROU straight-line to the end of the amortization period (CONTRACT 1.6, 1.7, 1.10).
 */
export function makeMeasurement(spec: MeasurementSpec): Measurement {
  const months = spec.endMonth - spec.startMonth + 1;
  if (months < 1) throw new RangeError(`a measurement from month ${spec.startMonth} to ${spec.endMonth} is empty`);
  const operating = spec.classification.result !== 'finance';
  const straightLineTotal = operating && !spec.impaired ? totalOf(spec.payments) + (spec.rou - spec.liability) : 0;
  const amortizationMonths = operating
    ? spec.impaired
      ? months
      : 0
    : // A useful life already over at a remeasurement leaves no month to spread over: the effective month takes it all.
      Math.max(1, spec.amortization.endMonth - spec.startMonth + 1);
  return {
    index: spec.index,
    startMonth: spec.startMonth,
    endMonth: spec.endMonth,
    classification: spec.classification,
    monthlyRate: spec.rate,
    annualRate: spec.annualRate,
    liability: spec.liability,
    rou: spec.rou,
    straightLineTotal,
    straightLineMonthly: straightLineTotal === 0 ? 0 : roundHalfUpDiv(straightLineTotal, months),
    amortizationPeriod: operating ? null : spec.amortization,
    amortizationMonths,
    amortizationMonthly: amortizationMonths === 0 ? 0 : roundHalfUpDiv(spec.rou, amortizationMonths),
    impaired: spec.impaired,
    payments: spec.payments,
  };
}
