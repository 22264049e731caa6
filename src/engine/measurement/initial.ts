import type { Cents } from '../money/cents';
import { monthlyRate, type MonthlyRate } from '../rate/monthlyRate';
import { leasePayments } from '../payments/stream';
import { presentValue } from './presentValue';
import { classify, type ClassificationResult } from '../classification/classify';
import { PAYMENTS_PER_YEAR, type LeaseTerms, type Policies } from '../terms';
import type { ScheduledPayment } from '../schedule/types';

/** Initial recognition at commencement (CONTRACT 1.4, 1.5, 1.8). */
export interface InitialRecognition {
  rate: MonthlyRate;
  /** Every lease payment, the day-one payment included. */
  payments: ScheduledPayment[];
  /** The payments the liability is the present value of (all but the day-one payment). */
  liabilityPayments: ScheduledPayment[];
  /** A regular payment due on the commencement date itself, paid then: not in the liability. */
  dayOnePayment: Cents;
  /** day-one payment + prepaid rent. */
  paidAtCommencement: Cents;
  liability: Cents;
  rou: Cents;
  /** PV used for the 90% test: all payments (paid at commencement included) net of incentives, RVG included. */
  presentValueForTest: Cents;
  classification: ClassificationResult;
}

/** Payments per year that set the rate's compounding: a LeasePayments stream uses its Frequency (default Monthly). */
export function paymentsPerYear(terms: LeaseTerms): number {
  return PAYMENTS_PER_YEAR[terms.frequency];
}

export function initialRecognition(terms: LeaseTerms, policies: Policies): InitialRecognition {
  const rate = monthlyRate(terms.discountRate, policies.rateBasis, paymentsPerYear(terms));
  const payments = leasePayments(terms, {
    termMonths: terms.termMonths,
    purchaseOptionCertain: terms.purchaseOptionCertain,
    residualValueGuarantee: terms.residualValueGuarantee,
    purchaseOptionPrice: terms.purchaseOptionPrice,
  });
  const liabilityPayments = payments.filter((p) => p.t > 0);
  let dayOnePayment = 0;
  for (const p of payments) if (p.t === 0) dayOnePayment += p.amount;
  const liability = presentValue(liabilityPayments, rate);
  const paidAtCommencement = dayOnePayment + terms.prepaidRent;
  const rou = liability + paidAtCommencement + terms.initialDirectCosts - terms.leaseIncentives;
  const presentValueForTest = liability + paidAtCommencement - terms.leaseIncentives;
  const classification = classify(
    {
      ownershipTransfers: terms.ownershipTransfers,
      purchaseOptionCertain: terms.purchaseOptionCertain,
      specializedAsset: terms.specializedAsset,
      remainingTermMonths: terms.termMonths,
      remainingUsefulLifeMonths: terms.usefulLifeMonths,
      presentValueOfPayments: presentValueForTest,
      fairValue: terms.fairValue,
      shortTermEligible: true,
      override: terms.classificationOverride,
    },
    policies,
  );
  return {
    rate,
    payments,
    liabilityPayments,
    dayOnePayment,
    paidAtCommencement,
    liability,
    rou,
    presentValueForTest,
    classification,
  };
}
