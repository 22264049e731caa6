/**
 * The optional `VariablePayments` table (CONTRACT 2): payments not in the lease liability (index uplifts after
 * commencement, usage, common area maintenance), each expensed as variable lease cost in the lease month holding
 * its Date. Amounts may be negative (a credit on a reconciliation). A Date must fall inside the lease: from its
 * commencement to the end of its longest term in the workbook (its own, or a New Term of one of its modifications);
 * one after a termination is reported by the engine, at the same cell.
 */
import { leaseMonthEnd, type IsoDate } from '../engine/calendar/dates';
import type { InputTableSource, VariablePayment } from '../engine/terms';
import type { TableGrid } from './grid';
import { VARIABLE_PAYMENTS_COLUMNS } from './columns';
import type { LeaseRef } from './leases';
import { BoundTable, leaseIdKey, type InputError } from './table';

/**
 * Reads the table into payment lists by leaseIdKey, each sorted by date (rows on one date keep their order), each
 * payment with its cells; and the table as found (for a live count of its rows).
 * `longestTerm(idKey)` is the longest term the lease can have in months (null when its own term is unknown).
 */
export function readVariablePayments(
  table: TableGrid,
  leases: Map<string, LeaseRef>,
  longestTerm: (idKey: string) => number | null,
  errors: InputError[],
): { byLease: Map<string, VariablePayment[]>; source: InputTableSource | null } {
  const bound = BoundTable.bind(table, VARIABLE_PAYMENTS_COLUMNS, errors);
  const byLease = new Map<string, VariablePayment[]>();
  for (const row of bound.rows()) {
    const before = errors.length;
    const id = row.text('id', true, errors);
    const date = row.date('date', true, errors);
    const amount = row.amount('amount', true, errors, 'signed');
    const description = row.text('description', false, errors) ?? '';
    const lease = id === null ? undefined : leases.get(leaseIdKey(id));
    if (id !== null && !lease) row.error('id', `Lease ID "${id}" is not in the Leases table`, errors);
    if (lease && date !== null && lease.commencement !== null) {
      const term = longestTerm(leaseIdKey(lease.id));
      if (date < lease.commencement) {
        row.error(
          'date',
          `Date ${date} is before lease ${lease.id} commences on ${lease.commencement}; a variable payment belongs to a lease month`,
          errors,
        );
      } else if (term !== null) {
        const end: IsoDate = leaseMonthEnd(lease.commencement, term);
        if (date > end) {
          row.error(
            'date',
            `Date ${date} is after lease ${lease.id}'s term ends on ${end}; book a payment after the lease outside the lease schedules`,
            errors,
          );
        }
      }
    }
    if (errors.length > before || id === null || date === null || amount === null || !lease) continue;
    const key = leaseIdKey(lease.id);
    const list = byLease.get(key) ?? [];
    list.push({ date, amount, description, source: row.where('date'), inputCells: row.cells });
    byLease.set(key, list);
  }
  for (const list of byLease.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { byLease, source: bound.source('id') };
}
