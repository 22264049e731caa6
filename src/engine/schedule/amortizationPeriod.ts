/**
 * The finance ROU amortization period (CONTRACT 1.7; ASC 842-20-35-8, IFRS 16.32): over the useful life when
 * ownership transfers or a purchase option is reasonably certain of exercise (and Useful Life is given); otherwise
 * from commencement to the earlier of the end of the useful life and the end of the lease term.
 */

/** Which rule set the period, in the words the Classification sheet and the memo use. */
export type AmortizationRule =
  /** Ownership transfers or a purchase option is reasonably certain: the useful life (it may run past the term). */
  | 'useful life'
  /** Neither: the useful life ends before the term does, so it ends the amortization. */
  | 'useful life, shorter than the term'
  /** Neither: the lease term (blank Useful Life, or one at least as long as the term). */
  | 'lease term';

export interface AmortizationPeriod {
  rule: AmortizationRule;
  /** The last lease month of the amortization, counted from commencement (may be after the term for `useful life`). */
  endMonth: number;
}

export interface AmortizationFacts {
  ownershipTransfers: boolean;
  purchaseOptionCertain: boolean;
  /** Remaining economic life at commencement, in months from commencement; null = not given. */
  usefulLifeMonths: number | null;
  /** The term in force, in months from commencement. */
  termMonths: number;
}

export function amortizationPeriod(f: AmortizationFacts): AmortizationPeriod {
  const life = f.usefulLifeMonths;
  if ((f.ownershipTransfers || f.purchaseOptionCertain) && life !== null)
    return { rule: 'useful life', endMonth: life };
  if (life !== null && life < f.termMonths) return { rule: 'useful life, shorter than the term', endMonth: life };
  return { rule: 'lease term', endMonth: f.termMonths };
}

/** The period in words, for the Classification sheet and the lease memo (`termMonths` = the term in force). */
export function describeAmortizationPeriod(p: AmortizationPeriod, termMonths: number): string {
  switch (p.rule) {
    case 'useful life':
      return (
        `Straight-line over the useful life of ${p.endMonth} months, as ownership transfers or a purchase option is ` +
        `reasonably certain (ASC 842-20-35-8)` +
        (p.endMonth > termMonths
          ? `; the ROU asset left at the end of the ${termMonths}-month term passes to owned assets`
          : '')
      );
    case 'useful life, shorter than the term':
      return (
        `Straight-line over the useful life of ${p.endMonth} months, which ends before the ${termMonths}-month lease ` +
        `term (ASC 842-20-35-8: the earlier of the two); later months amortize 0.00`
      );
    case 'lease term':
      return (
        `Straight-line over the lease term of ${p.endMonth} months, which ends no later than the useful life ` +
        `(ASC 842-20-35-8: the earlier of the two)`
      );
  }
}
