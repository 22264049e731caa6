import { Decimal } from '../money/decimal';
import { centsFromDecimal, formatCents, type Cents } from '../money/cents';
import { monthlyRate } from '../rate/monthlyRate';
import { leasePayments } from '../payments/stream';
import { presentValue } from '../measurement/presentValue';
import { paymentsPerYear } from '../measurement/initial';
import { classify } from '../classification/classify';
import { makeMeasurement } from '../schedule/measurement';
import { amortizationPeriod } from '../schedule/amortizationPeriod';
import type { Balances, Booking } from '../schedule/runMonths';
import type { LeaseTerms, ModificationTerms, Policies } from '../terms';
import type { TermsInForce } from './inForce';

/** What a modification row does at the start of month m. */
export interface Transition {
  inForce: TermsInForce;
  booking: Booking;
}

/** x * fraction, half-up to the cent. */
function share(amount: Cents, fraction: Decimal): Cents {
  return centsFromDecimal(new Decimal(amount).times(fraction).dividedBy(100));
}

/**
 * A remeasurement or partial termination effective at the start of lease month m (CONTRACT 1.10): the revised
 * payments from month m are discounted at the row's rate (blank = the rate in force), classification is reassessed,
 * and the new measurement starts from the month m-1 closing balances plus the booking.
 */
export function remeasure(
  terms: LeaseTerms,
  policies: Policies,
  now: TermsInForce,
  before: Balances,
  row: ModificationTerms,
  m: number,
): Transition {
  const termMonths = row.newTermMonths ?? now.termMonths;
  const annualRate = row.newDiscountRate ?? now.annualRate;
  const resets = row.newPayment === null ? now.resets : [...now.resets, { fromMonth: m, amount: row.newPayment }];
  const purchaseOptionCertain = row.purchaseOptionCertain ?? now.purchaseOptionCertain;
  const residualValueGuarantee = row.residualValueGuarantee ?? now.residualValueGuarantee;
  const fairValue = row.fairValue ?? null;
  const override = row.classificationOverride ?? now.override;
  if (termMonths < m) {
    throw new RangeError(`the new term of ${termMonths} months ends before the effective month ${m}`);
  }
  const rate = monthlyRate(annualRate, policies.rateBasis, paymentsPerYear(terms));
  const payments = leasePayments(terms, {
    termMonths,
    resets,
    purchaseOptionCertain,
    residualValueGuarantee,
    purchaseOptionPrice: terms.purchaseOptionPrice,
  }).filter((p) => p.month >= m);
  const newLiability = presentValue(payments, rate, m - 1);
  const elapsed = m - 1;
  const classification = classify(
    {
      ownershipTransfers: terms.ownershipTransfers,
      purchaseOptionCertain,
      specializedAsset: terms.specializedAsset,
      remainingTermMonths: termMonths - elapsed,
      remainingUsefulLifeMonths: terms.usefulLifeMonths === null ? null : terms.usefulLifeMonths - elapsed,
      presentValueOfPayments: newLiability,
      fairValue,
      shortTermEligible: false,
      override,
    },
    policies,
  );

  let liabilityAdjustment = newLiability - before.liability;
  let rouAdjustment: Cents;
  let gainLoss = 0;
  let liabilityDerecognized = 0;
  let rouDerecognized = 0;
  if (row.type === 'Partial termination') {
    if (policies.partialTerminationMethod === 'Proportion of asset') {
      const x = row.scopeReduction ?? new Decimal(0);
      const liabilityRemoved = share(before.liability, x);
      const rouRemoved = share(before.rou, x);
      liabilityDerecognized = liabilityRemoved;
      rouDerecognized = rouRemoved;
      gainLoss = liabilityRemoved - rouRemoved;
      rouAdjustment = -rouRemoved + (newLiability - (before.liability - liabilityRemoved));
    } else {
      const liabilityRemoved = before.liability - newLiability;
      const rouRemoved =
        before.liability === 0 ? 0 : share(before.rou, new Decimal(liabilityRemoved).dividedBy(before.liability));
      liabilityDerecognized = liabilityRemoved;
      rouDerecognized = rouRemoved;
      gainLoss = liabilityRemoved - rouRemoved;
      rouAdjustment = -rouRemoved;
    }
  } else {
    rouAdjustment = liabilityAdjustment;
  }
  // An ROU asset cannot go below zero: a reduction beyond it is a gain (ASC 842-20-35-4 reduces the ROU to zero).
  if (before.rou + rouAdjustment < 0) {
    gainLoss += -(before.rou + rouAdjustment);
    rouAdjustment = -before.rou;
  }
  liabilityAdjustment = newLiability - before.liability;
  // An incentive received at the effective date reduces the ROU asset (CONTRACT 2; PwC Example 5-9). It is not a
  // decrease of the liability, so it is not limited by the ROU asset: one larger than it leaves a negative ROU asset,
  // which is a warning.
  const incentiveReceived = row.incentiveReceived ?? 0;
  rouAdjustment -= incentiveReceived;
  const rou = before.rou + rouAdjustment;
  const measurement = makeMeasurement({
    index: now.measurement.index + 1,
    startMonth: m,
    endMonth: termMonths,
    classification,
    rate,
    annualRate: annualRate.toString(),
    liability: newLiability,
    rou,
    payments,
    // The same rule over the remaining months: the useful life still counts from commencement (CONTRACT 1.7).
    amortization: amortizationPeriod({
      ownershipTransfers: terms.ownershipTransfers,
      purchaseOptionCertain,
      usefulLifeMonths: terms.usefulLifeMonths,
      termMonths,
    }),
    impaired: now.impaired,
  });
  return {
    inForce: {
      termMonths,
      annualRate,
      resets,
      purchaseOptionCertain,
      residualValueGuarantee,
      fairValue,
      // A row's Classification applies at that row; a blank one means the lease's own override (CONTRACT 1.10).
      override: now.override,
      impaired: now.impaired,
      measurement,
    },
    booking: {
      event: row.type,
      liabilityAdjustment,
      rouAdjustment,
      gainLoss,
      impairment: 0,
      impairmentDate: null,
      liabilityDerecognized,
      rouDerecognized,
      incentiveReceived,
    },
  };
}

/**
 * An impairment of the ROU asset at the start of month m: the ROU falls by the amount (a loss); the liability, its
 * payments and rate are unchanged; an operating lease amortizes the remaining ROU straight-line from then on, and a
 * finance lease amortizes it over its remaining amortization months. Classification is not reassessed: no term of
 * the lease changed.
 */
export function impair(now: TermsInForce, before: Balances, row: ModificationTerms, m: number): Transition {
  const amount = row.impairmentAmount ?? 0;
  if (amount > before.rou) {
    throw new RangeError(
      `the impairment of ${formatCents(amount)} exceeds the ROU asset of ${formatCents(before.rou)}`,
    );
  }
  const prev = now.measurement;
  const finance = prev.classification.result === 'finance';
  // An impairment changes no term: the amortization period in force continues.
  const amortization = prev.amortizationPeriod ?? { rule: 'lease term' as const, endMonth: prev.endMonth };
  const measurement = makeMeasurement({
    index: prev.index + 1,
    startMonth: m,
    endMonth: prev.endMonth,
    classification: prev.classification,
    rate: prev.monthlyRate,
    annualRate: prev.annualRate,
    liability: before.liability,
    rou: before.rou - amount,
    payments: prev.payments.filter((p) => p.month >= m),
    amortization,
    impaired: !finance,
  });
  return {
    // Once impaired, always impaired: an operating measurement from now on amortizes its ROU straight-line.
    inForce: { ...now, impaired: true, measurement },
    booking: {
      event: 'Impairment',
      liabilityAdjustment: 0,
      rouAdjustment: -amount,
      gainLoss: 0,
      impairment: amount,
      impairmentDate: row.effectiveDate,
      liabilityDerecognized: 0,
      rouDerecognized: 0,
      incentiveReceived: 0,
    },
  };
}
