import type { MonthGrid } from '../calendar/monthGrid';
import { leasePayments } from '../payments/stream';
import { shortTermMonths } from '../schedule/shortTerm';
import type { Measurement, MonthRow } from '../schedule/types';
import type { LeaseTerms, ModificationTerms, Policies } from '../terms';
import type { RentReset } from '../payments/stream';
import { ModificationError } from './modificationError';

/**
 * Modifications of a short-term lease (no asset or liability). A termination ends it with the termination payment,
 * whose month's cost also releases any prepaid or accrued rent so that total cost = total cash. A remeasurement or
 * partial termination revises the payments from its month and spreads the cost not yet recognized straight-line over
 * the remaining months. A change that extends the term more than 12 months beyond its previous end, or makes a
 * purchase option reasonably certain, ends the exemption (ASC 842-20-25-3): that is an error asking for a new lease row.
 */
export function shortTermModification(
  terms: LeaseTerms,
  _policies: Policies,
  original: MonthRow[],
  mods: { row: ModificationTerms; m: number }[],
  grid: MonthGrid,
  measurements: Measurement[],
): MonthRow[] {
  let rows = original;
  let termMonths = terms.termMonths;
  const resets: RentReset[] = [];
  for (const { row, m } of mods) {
    const fail = (message: string) => new ModificationError(message, row.source);
    if (m > termMonths)
      throw fail(`Effective Date ${row.effectiveDate} is after the end of the term (month ${termMonths})`);
    const kept = rows.slice(0, m - 1);
    let cash = 0;
    let cost = 0;
    for (const r of kept) {
      cash += r.payment;
      cost += r.leaseCost;
    }
    // Cost still to recognize besides the remaining payments: prepaid rent, IDC and incentives (CONTRACT 1.8), plus
    // any cash paid so far beyond the cost recognized so far (negative when rent has accrued, as after free rent).
    const unrecognized = cash - cost + terms.prepaidRent + terms.initialDirectCosts - terms.leaseIncentives;
    if (row.type === 'Impairment') throw fail('a short-term lease has no ROU asset to impair');
    if (row.incentiveReceived) {
      throw fail(
        'a short-term lease has no ROU asset for an Incentive Received to reduce; enter it as a reduction of the payments (New Payment or LeasePayments)',
      );
    }
    if (row.type === 'Termination') {
      const payment = row.terminationPayment ?? 0;
      kept.push({
        ...rows[m - 1],
        event: 'Termination',
        advancePayment: 0,
        arrearsPayment: payment,
        payment,
        leaseCost: payment + unrecognized,
      });
      const after = mods.find((x) => x.m > m);
      if (after) {
        throw new ModificationError(
          `Effective Date ${after.row.effectiveDate} is after the termination effective ${row.effectiveDate}`,
          after.row.source,
        );
      }
      return kept;
    }
    const previousTerm = termMonths;
    termMonths = row.newTermMonths ?? termMonths;
    // ASC 842-20-25-3: no longer short-term when the remaining term now extends more than 12 months beyond the end of
    // the previously determined term, or a purchase option becomes reasonably certain of exercise.
    if (termMonths - previousTerm > 12 || row.purchaseOptionCertain === true) {
      throw fail(
        row.purchaseOptionCertain === true
          ? `a purchase option is now reasonably certain: the lease is no longer short-term; enter it as a new lease commencing ${row.effectiveDate}`
          : `the new term ends ${termMonths - previousTerm} months after the previous end (more than 12): the lease is no longer short-term; enter it as a new lease commencing ${row.effectiveDate}`,
      );
    }
    if (row.newPayment !== null) resets.push({ fromMonth: m, amount: row.newPayment });
    const payments = leasePayments(terms, {
      termMonths,
      resets,
      purchaseOptionCertain: false,
      residualValueGuarantee: row.residualValueGuarantee ?? terms.residualValueGuarantee,
      purchaseOptionPrice: terms.purchaseOptionPrice,
    }).filter((p) => p.month >= m);
    const rest = shortTermMonths(
      payments.map((p) => ({ ...p, month: p.month - m + 1 })),
      termMonths - m + 1,
      unrecognized,
      { starts: grid.starts.slice(m - 1), ends: grid.ends.slice(m - 1) },
    ).map((r, i) => ({
      ...r,
      month: m + i,
      measurement: measurements.length,
      event: i === 0 ? row.type : null,
    }));
    measurements.push({
      ...measurements[measurements.length - 1],
      index: measurements.length,
      startMonth: m,
      endMonth: termMonths,
      payments,
    });
    rows = [...kept, ...rest];
  }
  return rows;
}
