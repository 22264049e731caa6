import { Decimal } from '../money/decimal';
import { formatCents, type Cents } from '../money/cents';
import type { Classification, Policies } from '../terms';

/** One of the ASC 842-10-25-2 criteria (or the 842-20-25-2 short-term exemption), as the workpapers show it. */
export interface ClassificationTest {
  name: string;
  /** False when the test cannot be performed (Useful Life or Fair Value blank). */
  applicable: boolean;
  met: boolean;
  detail: string;
}

export interface ClassificationResult {
  /** What the tests conclude. */
  byTests: Classification;
  /** The input's override, if any. */
  override: 'operating' | 'finance' | null;
  /** In force: the override when given, otherwise the tests. */
  result: Classification;
  tests: ClassificationTest[];
}

export interface ClassificationFacts {
  ownershipTransfers: boolean;
  purchaseOptionCertain: boolean;
  specializedAsset: boolean;
  /** Lease term from the assessment date, in months. */
  remainingTermMonths: number;
  /** Remaining economic life at the assessment date; null skips the test. */
  remainingUsefulLifeMonths: number | null;
  /** PV of the lease payments for the 90% test. */
  presentValueOfPayments: Cents;
  fairValue: Cents | null;
  /** Only at commencement: whether the short-term exemption may apply. */
  shortTermEligible: boolean;
  override: 'operating' | 'finance' | null;
}

function pct(d: Decimal): string {
  return `${d.times(100).toDecimalPlaces(2).toString()}%`;
}

/** Classification under ASC 842-10-25-2, with the short-term exemption of 842-20-25-2 (CONTRACT 1.8). */
export function classify(f: ClassificationFacts, policies: Policies): ClassificationResult {
  const tests: ClassificationTest[] = [];
  tests.push({
    name: 'Ownership transfers',
    applicable: true,
    met: f.ownershipTransfers,
    detail: f.ownershipTransfers ? 'Title passes to the lessee by the end of the term' : 'No transfer of ownership',
  });
  tests.push({
    name: 'Purchase option reasonably certain',
    applicable: true,
    met: f.purchaseOptionCertain,
    detail: f.purchaseOptionCertain ? 'Exercise is reasonably certain' : 'Not reasonably certain',
  });
  const life = f.remainingUsefulLifeMonths;
  if (life === null || life <= 0) {
    tests.push({
      name: 'Lease term >= economic life threshold',
      applicable: false,
      met: false,
      detail: 'Skipped: Useful Life is blank',
    });
  } else {
    const share = new Decimal(f.remainingTermMonths).dividedBy(life);
    const met = share.greaterThanOrEqualTo(policies.economicLifeThreshold);
    tests.push({
      name: 'Lease term >= economic life threshold',
      applicable: true,
      met,
      detail: `${f.remainingTermMonths} of ${life} months = ${pct(share)} (threshold ${pct(policies.economicLifeThreshold)})`,
    });
  }
  if (f.fairValue === null || f.fairValue <= 0) {
    tests.push({
      name: 'PV of payments >= fair value threshold',
      applicable: false,
      met: false,
      detail: 'Skipped: Fair Value is blank',
    });
  } else {
    const share = new Decimal(f.presentValueOfPayments).dividedBy(f.fairValue);
    const met = share.greaterThanOrEqualTo(policies.fairValueThreshold);
    tests.push({
      name: 'PV of payments >= fair value threshold',
      applicable: true,
      met,
      detail: `PV ${formatCents(f.presentValueOfPayments)} of fair value ${formatCents(f.fairValue)} = ${pct(share)} (threshold ${pct(policies.fairValueThreshold)})`,
    });
  }
  tests.push({
    name: 'Specialized asset',
    applicable: true,
    met: f.specializedAsset,
    detail: f.specializedAsset ? 'No alternative use to the lessor' : 'Not specialized',
  });
  const finance = tests.some((t) => t.applicable && t.met);
  let byTests: Classification = finance ? 'finance' : 'operating';
  if (f.shortTermEligible) {
    const shortTerm = policies.shortTermExemption && f.remainingTermMonths <= 12 && !f.purchaseOptionCertain;
    tests.push({
      name: 'Short-term exemption',
      applicable: policies.shortTermExemption,
      met: shortTerm,
      detail: !policies.shortTermExemption
        ? 'Policy Short-Term Exemption is No'
        : shortTerm
          ? `Term ${f.remainingTermMonths} months <= 12 and no purchase option reasonably certain`
          : f.remainingTermMonths > 12
            ? `Term ${f.remainingTermMonths} months > 12`
            : 'A purchase option is reasonably certain',
    });
    if (shortTerm) byTests = 'short-term';
  }
  return { byTests, override: f.override, result: f.override ?? byTests, tests };
}
