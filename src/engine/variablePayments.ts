/**
 * Variable lease payments (CONTRACT 2, `VariablePayments`; ASC 842-20-25-6(b), 842-20-50-4): not in the lease
 * liability, each is expensed as variable lease cost in the lease month holding its Date and paid in cash then.
 */
import { leaseMonthOf } from './calendar/dates';
import { ModificationError } from './modifications/modificationError';
import type { BookedVariablePayment, MonthRow } from './schedule/types';
import type { LeaseTerms } from './terms';

/**
 * Places each variable payment in its lease month and adds it to that month's `variableCost` (rows are changed in
 * place). A payment dated before commencement or after the lease's last month (a termination or a shorter term)
 * has no month to go in: an error at its cell.
 */
export function bookVariablePayments(terms: LeaseTerms, rows: MonthRow[]): BookedVariablePayment[] {
  const booked: BookedVariablePayment[] = [];
  const last = rows[rows.length - 1];
  for (const p of terms.variablePayments ?? []) {
    const month = p.date < terms.commencement ? 0 : leaseMonthOf(terms.commencement, p.date);
    const row = rows[month - 1];
    if (month < 1 || !row || row.month !== month) {
      throw new ModificationError(
        p.date < terms.commencement
          ? `variable payment dated ${p.date} is before the lease commences on ${terms.commencement}`
          : `variable payment dated ${p.date} is after the lease's last month, which ends on ${last.end}; book it outside the lease`,
        p.source,
      );
    }
    row.variableCost += p.amount;
    booked.push({ date: p.date, month, amount: p.amount, description: p.description });
  }
  return booked;
}
