/**
 * Catch-up entries (CONTRACT 1.11): when a run computes, through Closed Through, figures that differ from what was
 * posted (a modification dated in a closed month, a lease entered late, a corrected input, a lease removed), the
 * difference per lease and account is booked on the first day of the first open month. Nothing dated in a closed
 * month is booked again: the posted figures stand, and the catch-up brings the books to the recomputed ones.
 *
 * Each catch-up is one balanced entry per lease (the figures of a lease always balance as net debits, so their
 * differences do too), one line per account whose cumulative figure changed.
 */
import type { LeaseResult } from '../engine';
import type { IsoDate } from '../engine/calendar/dates';
import type { Classification } from '../engine/terms';
import { leaseIdKey } from '../input/table';
import type { PostedBalances } from '../input/postedBalances';
import {
  CLOSING_FIGURES,
  DEBIT_SIGN,
  figureDifference,
  firstOpenDay,
  hasDifference,
  leaseClosing,
  zeroFigures,
  type ClosingFigure,
  type ClosingFigures,
} from './closing';

/** One line of a catch-up entry; exactly one of debit and credit is non-zero (cents). */
export interface CatchUpLine {
  figure: ClosingFigure;
  debit: number;
  credit: number;
}

/** A lease's closed-period position: as posted, as recomputed now, and the catch-up between them. */
export interface LeaseCatchUp {
  leaseId: string;
  entity: string;
  currency: string;
  /** The first day of the first open month: the catch-up's date. */
  date: IsoDate;
  postedClassification: Classification | null;
  recomputedClassification: Classification | null;
  posted: ClosingFigures;
  recomputed: ClosingFigures;
  /** recomputed - posted. */
  difference: ClosingFigures;
  /** The current portion of the liability at Closed Through, as posted and as recomputed. */
  postedCurrent: number;
  recomputedCurrent: number;
  /** The figures' differences as lines (empty when no figure changed). */
  lines: CatchUpLine[];
  /** In the run's Leases table (false: only in PostedBalances, so the catch-up reverses what was posted). */
  inInput: boolean;
}

function linesOf(d: ClosingFigures): CatchUpLine[] {
  const lines: CatchUpLine[] = [];
  for (const k of CLOSING_FIGURES) {
    const netDebit = DEBIT_SIGN[k] * d[k];
    if (netDebit === 0) continue;
    lines.push({ figure: k, debit: netDebit > 0 ? netDebit : 0, credit: netDebit < 0 ? -netDebit : 0 });
  }
  return lines;
}

/**
 * Every lease's closed-period position: the run's leases in input order, then the leases PostedBalances holds
 * that the run no longer has. A lease not in PostedBalances was posted as nothing (entered late).
 */
export function closedPositions(leases: readonly LeaseResult[], posted: PostedBalances): LeaseCatchUp[] {
  const date = firstOpenDay(posted.through);
  const out: LeaseCatchUp[] = [];
  const seen = new Set<string>();
  for (const lease of leases) {
    const key = leaseIdKey(lease.id);
    seen.add(key);
    const p = posted.leases.get(key);
    const now = leaseClosing(lease, posted.through);
    const postedFigures = p?.figures ?? zeroFigures();
    const difference = figureDifference(now.figures, postedFigures);
    out.push({
      leaseId: lease.id,
      entity: lease.entity,
      currency: lease.currency,
      date,
      postedClassification: p?.classification ?? null,
      recomputedClassification: now.classification,
      posted: postedFigures,
      recomputed: now.figures,
      postedCurrent: p?.currentLiability ?? 0,
      recomputedCurrent: now.currentLiability,
      difference,
      lines: linesOf(difference),
      inInput: true,
    });
  }
  for (const [key, p] of posted.leases) {
    if (seen.has(key)) continue;
    const difference = figureDifference(zeroFigures(), p.figures);
    out.push({
      leaseId: p.leaseId,
      entity: p.entity,
      currency: p.currency,
      date,
      postedClassification: p.classification,
      recomputedClassification: null,
      posted: p.figures,
      recomputed: zeroFigures(),
      postedCurrent: p.currentLiability,
      recomputedCurrent: 0,
      difference,
      lines: linesOf(difference),
      inInput: false,
    });
  }
  return out;
}

/** The positions whose closed-period figures changed: the change list, and the leases that get a catch-up. */
export function changedPositions(positions: readonly LeaseCatchUp[]): LeaseCatchUp[] {
  return positions.filter((p) => hasDifference(p.difference) || p.postedCurrent !== p.recomputedCurrent);
}
