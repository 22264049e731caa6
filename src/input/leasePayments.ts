/**
 * The optional `LeasePayments` table: irregular payment streams that replace a lease's regular one.
 */
import { leaseMonthEnd, type IsoDate } from '../engine/calendar/dates';
import type { InputTableSource, IrregularPayment } from '../engine/terms';
import type { GridValue, TableGrid } from './grid';
import { LEASE_PAYMENTS_COLUMNS } from './columns';
import type { LeaseRef } from './leases';
import { BoundTable, leaseIdKey, type InputError } from './table';
import { headerKey, isBlankValue, parseText } from './values';

/** Lease IDs (leaseIdKey) that have at least one row in the table: a pre-pass, before the Leases table is read. */
export function leaseIdsWithPaymentRows(table: TableGrid | undefined): Set<string> {
  const ids = new Set<string>();
  if (!table) return ids;
  const col = table.headers.findIndex((h) => headerKey(String(h ?? '')) === headerKey('Lease ID'));
  if (col < 0) return ids;
  for (const row of table.rows) {
    const v: GridValue | undefined = row[col]?.value;
    if (!isBlankValue(v)) ids.add(leaseIdKey(parseText(v ?? null)));
  }
  return ids;
}

/**
 * Reads the table into payment lists by leaseIdKey, each sorted by date (rows on one date keep their order), each
 * payment with its cells; and the table as found (for a live count of its rows). Each date must fall inside the
 * lease's term: from commencement to the end of the last lease month.
 */
export function readLeasePayments(
  table: TableGrid,
  leases: Map<string, LeaseRef>,
  errors: InputError[],
): { byLease: Map<string, IrregularPayment[]>; source: InputTableSource | null } {
  const bound = BoundTable.bind(table, LEASE_PAYMENTS_COLUMNS, errors);
  const byLease = new Map<string, IrregularPayment[]>();
  for (const row of bound.rows()) {
    const before = errors.length;
    const id = row.text('id', true, errors);
    const date = row.date('date', true, errors);
    const amount = row.amount('amount', true, errors);
    const lease = id === null ? undefined : leases.get(leaseIdKey(id));
    if (id !== null && !lease) row.error('id', `Lease ID "${id}" is not in the Leases table`, errors);
    if (lease && date !== null && lease.commencement !== null) {
      if (date < lease.commencement) {
        row.error('date', `Date ${date} is before lease ${lease.id} commences on ${lease.commencement}`, errors);
      } else if (lease.termMonths !== null) {
        const end: IsoDate = leaseMonthEnd(lease.commencement, lease.termMonths);
        if (date > end) {
          row.error('date', `Date ${date} is after lease ${lease.id}'s term ends on ${end}`, errors);
        }
      }
    }
    if (errors.length > before || id === null || date === null || amount === null) continue;
    const key = leaseIdKey(id);
    const list = byLease.get(key) ?? [];
    list.push({ date, amount, inputCells: row.cells });
    byLease.set(key, list);
  }
  for (const list of byLease.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { byLease, source: bound.source('id') };
}
