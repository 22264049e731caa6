/**
 * The warnings of one measured lease (CONTRACT 1.10): a remeasurement left at the old rate, a balance below zero at
 * a month-end, and an operating lease whose useful life is shorter than its term.
 */
import { formatCents } from './money/cents';
import type { TermsInForce } from './modifications/inForce';
import type { Measurement, MonthRow } from './schedule/types';
import type { LeaseTerms, ModificationTerms } from './terms';
import { leaseWhere, WARNINGS, type LeaseWarning } from './warnings';

/**
 * A Remeasurement that changes the term or the payments, or a Partial termination, with a blank New Discount Rate
 * (ASC 842-20-35-5, 842-10-35-5); null when the row gives a rate or changes nothing but the RVG or fair value.
 */
export function blankRateWarning(terms: LeaseTerms, now: TermsInForce, row: ModificationTerms): LeaseWarning | null {
  if (row.newDiscountRate !== null) return null;
  if (row.type !== 'Remeasurement' && row.type !== 'Partial termination') return null;
  const changes: string[] = [];
  if (row.type === 'Partial termination' && row.scopeReduction !== null) {
    changes.push(`scope reduced by ${row.scopeReduction.times(100).toString()}%`);
  }
  if (row.newTermMonths !== null && row.newTermMonths !== now.termMonths) {
    changes.push(`term ${now.termMonths} to ${row.newTermMonths} months`);
  }
  if (row.newPayment !== null) changes.push(`payment ${formatCents(row.newPayment)}`);
  if (row.purchaseOptionCertain !== null && row.purchaseOptionCertain !== now.purchaseOptionCertain) {
    changes.push(`purchase option ${row.purchaseOptionCertain ? 'now' : 'no longer'} reasonably certain`);
  }
  if (row.type === 'Remeasurement' && changes.length === 0) return null;
  return {
    leaseId: terms.id,
    where: row.newDiscountRateSource ?? row.source ?? leaseWhere(terms.id, terms.source),
    message: WARNINGS.blankRate(terms.id, row.type, changes.join(', ') || 'partial termination', now.annualRate),
  };
}

/** The first month-end at which the ROU asset, and the first at which the liability, is below 0.00. */
export function balanceWarnings(terms: LeaseTerms, rows: readonly MonthRow[]): LeaseWarning[] {
  const out: LeaseWarning[] = [];
  const where = leaseWhere(terms.id, terms.source);
  const rouBelow = rows.filter((r) => r.rouEnd < 0);
  if (rouBelow.length > 0) {
    const r = rouBelow[0];
    out.push({ leaseId: terms.id, where, message: WARNINGS.negativeRou(terms.id, r.rouEnd, r.end, rouBelow.length) });
  }
  const liabilityBelow = rows.filter((r) => r.liabilityEnd < 0);
  if (liabilityBelow.length > 0) {
    const r = liabilityBelow[0];
    out.push({
      leaseId: terms.id,
      where,
      message: WARNINGS.negativeLiability(terms.id, r.liabilityEnd, r.end, liabilityBelow.length),
    });
  }
  return out;
}

/** An operating measurement whose term in force runs past the useful life: said once, at the Useful Life cell. */
export function shortLifeWarning(terms: LeaseTerms, measurements: readonly Measurement[]): LeaseWarning | null {
  const life = terms.usefulLifeMonths;
  if (life === null) return null;
  const m = measurements.find((x) => x.classification.result === 'operating' && life < x.endMonth);
  if (!m) return null;
  return {
    leaseId: terms.id,
    where: terms.usefulLifeSource ?? leaseWhere(terms.id, terms.source),
    message: WARNINGS.shortLifeOperating(terms.id, life, m.endMonth, m.classification.override === 'operating'),
  };
}
