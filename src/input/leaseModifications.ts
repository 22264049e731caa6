/**
 * The optional `LeaseModifications` table: remeasurements, partial terminations, terminations and impairments,
 * each effective at the start of a lease month after commencement (an impairment: any day after it) and within the
 * term in force.
 */
import { edate, leaseMonthEnd, leaseMonthOf, leaseMonthStart } from '../engine/calendar/dates';
import type { InputTableSource, ModificationTerms, ModificationType } from '../engine/terms';
import { parseCell, parseWhere } from './a1';
import type { TableGrid } from './grid';
import {
  CLASSIFICATIONS,
  LEASE_MODIFICATIONS_COLUMNS,
  MAX_TERM_MONTHS,
  MODIFICATION_TYPES,
  type ModificationColumn,
} from './columns';
import type { LeaseRef } from './leases';
import { MAX_MODIFICATIONS_PER_LEASE, MAX_REMEASURED_MONTHS } from './limits';
import { BoundTable, leaseIdKey, type InputError, type RowReader } from './table';

/** The fields each Type uses; any other field filled in is an error (it would silently do nothing). */
const APPLIES: Record<ModificationType, readonly ModificationColumn[]> = {
  Remeasurement: [
    'incentiveReceived',
    'newTermMonths',
    'newPayment',
    'newDiscountRate',
    'purchaseOptionCertain',
    'residualValueGuarantee',
    'fairValue',
    'classification',
  ],
  'Partial termination': [
    'incentiveReceived',
    'scopeReduction',
    'newTermMonths',
    'newPayment',
    'newDiscountRate',
    'purchaseOptionCertain',
    'residualValueGuarantee',
    'fairValue',
    'classification',
  ],
  Termination: ['terminationPayment'],
  Impairment: ['impairmentAmount'],
};

const TYPE_FIELDS: readonly ModificationColumn[] = [
  'newTermMonths',
  'newPayment',
  'newDiscountRate',
  'scopeReduction',
  'terminationPayment',
  'impairmentAmount',
  'purchaseOptionCertain',
  'residualValueGuarantee',
  'fairValue',
  'classification',
  'incentiveReceived',
];

interface ParsedRow {
  terms: ModificationTerms;
  row: RowReader<ModificationColumn>;
  lease: LeaseRef;
  valid: boolean;
}

/**
 * Reads the table. Rows come back sorted by effective date (rows on one date keep their table order); each keeps
 * `source`, its first cell ("LeaseModifications!A5"), and its cells. Also the table as found (for a live count of
 * its rows).
 */
export function readLeaseModifications(
  table: TableGrid,
  leases: Map<string, LeaseRef>,
  errors: InputError[],
): { modifications: ModificationTerms[]; source: InputTableSource | null } {
  const local: InputError[] = [];
  const bound = BoundTable.bind(table, LEASE_MODIFICATIONS_COLUMNS, errors);
  const parsed: ParsedRow[] = [];

  for (const row of bound.rows()) {
    const e = local;
    const before = e.length;
    const id = row.text('id', true, e);
    const effectiveDate = row.date('effectiveDate', true, e);
    const type = row.choice('type', true, e, MODIFICATION_TYPES);
    const newTermMonths = row.whole('newTermMonths', false, e, 1, MAX_TERM_MONTHS);
    const newPayment = row.amount('newPayment', false, e);
    const newDiscountRate = row.percent('newDiscountRate', false, e, { min: 0, max: 1 });
    const scopeReduction = row.percent('scopeReduction', type === 'Partial termination', e, {
      min: 0,
      max: 1,
      minExclusive: true,
      maxExclusive: true,
    });
    const terminationPayment = row.amount('terminationPayment', false, e);
    const impairmentAmount = row.amount('impairmentAmount', type === 'Impairment', e, 'positive');
    const purchaseOptionCertain = row.yesNo('purchaseOptionCertain', false, e);
    const residualValueGuarantee = row.amount('residualValueGuarantee', false, e);
    const fairValue = row.amount('fairValue', false, e, 'positive');
    const classification = row.choice('classification', false, e, CLASSIFICATIONS);
    const incentiveReceived = row.amount('incentiveReceived', false, e);

    if (type !== null) {
      if (type === 'Partial termination' && !bound.has('scopeReduction')) {
        row.error('type', 'A Partial termination row needs a "Scope Reduction %" column', e);
      }
      if (type === 'Impairment' && !bound.has('impairmentAmount')) {
        row.error('type', 'An Impairment row needs an "Impairment Amount" column', e);
      }
      for (const f of TYPE_FIELDS) {
        if (!row.isBlank(f) && !APPLIES[type].includes(f)) {
          row.error(f, `${bound.spec(f).header} does not apply to a ${type} row; clear it or change Type`, e);
        }
      }
    }

    const lease = id === null ? undefined : leases.get(leaseIdKey(id));
    if (id !== null && !lease) row.error('id', `Lease ID "${id}" is not in the Leases table`, e);
    if (id === null || effectiveDate === null || type === null || !lease) continue;
    parsed.push({
      row,
      lease,
      valid: e.length === before,
      terms: {
        leaseId: lease.id,
        effectiveDate,
        type,
        newTermMonths,
        newPayment,
        newDiscountRate,
        scopeReduction,
        terminationPayment: type === 'Termination' ? (terminationPayment ?? 0) : null,
        impairmentAmount,
        purchaseOptionCertain,
        residualValueGuarantee,
        fairValue,
        classificationOverride: classification === null ? null : classification === 'Finance' ? 'finance' : 'operating',
        incentiveReceived,
        source: row.rowWhere,
        newDiscountRateSource: row.where('newDiscountRate'),
        inputCells: row.cells,
      },
    });
  }

  // Sequence checks, lease by lease in effective-date order: the term in force is the latest New Term.
  const ordered = [...parsed].sort((a, b) =>
    a.terms.effectiveDate < b.terms.effectiveDate ? -1 : a.terms.effectiveDate > b.terms.effectiveDate ? 1 : 0,
  );
  const state = new Map<string, { term: number; terminated: ParsedRow | null; last: ParsedRow | null }>();
  const counts = new Map<string, number>();
  let remeasured = 0;
  let overBudget = false;
  for (const p of ordered) {
    const { lease, row, terms } = p;
    const key = leaseIdKey(lease.id);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count === MAX_MODIFICATIONS_PER_LEASE + 1) {
      row.error(
        'id',
        `lease ${lease.id} has more than ${MAX_MODIFICATIONS_PER_LEASE} modifications, the most one lease may have; ` +
          'combine the changes into fewer rows, or end the lease and enter the rest as a new lease',
        local,
      );
    }
    if (lease.commencement === null || lease.termMonths === null) continue;
    const s = state.get(key) ?? { term: lease.termMonths, terminated: null, last: null };
    state.set(key, s);
    const date = terms.effectiveDate;
    if (s.terminated) {
      row.error(
        'effectiveDate',
        `Lease ${lease.id} is already terminated effective ${s.terminated.terms.effectiveDate} (${s.terminated.row.rowWhere})`,
        local,
      );
      p.valid = false;
      continue;
    }
    const m = leaseMonthOf(lease.commencement, date);
    if (date <= lease.commencement) {
      row.error(
        'effectiveDate',
        `Effective Date ${date} is not after lease ${lease.id} commences on ${lease.commencement}; a change takes effect at the start of a later lease month`,
        local,
      );
      p.valid = false;
      continue;
    }
    // An Impairment may be dated on any day after commencement (CONTRACT 1.10 v4); the other types take effect at
    // the start of a lease month.
    if (terms.type !== 'Impairment' && leaseMonthStart(lease.commencement, m) !== date) {
      row.error(
        'effectiveDate',
        `Effective Date ${date} is not the start of a lease month of lease ${lease.id} (month ${m} starts ${leaseMonthStart(
          lease.commencement,
          m,
        )}, month ${m + 1} starts ${edate(lease.commencement, m)})`,
        local,
      );
      p.valid = false;
      continue;
    }
    if (m > s.term) {
      row.error(
        'effectiveDate',
        `Effective Date ${date} is after lease ${lease.id}'s term in force ends on ${leaseMonthEnd(lease.commencement, s.term)} (${s.term} months)`,
        local,
      );
      p.valid = false;
      continue;
    }
    if (terms.newTermMonths !== null && terms.newTermMonths < m) {
      row.error(
        'newTermMonths',
        `New Term (Months) ${terms.newTermMonths} ends before the effective month ${m} (${date}); to end the lease use Type Termination`,
        local,
      );
      p.valid = false;
      continue;
    }
    if (!p.valid) continue;
    if (s.last && s.last.terms.effectiveDate === date) {
      row.error(
        'effectiveDate',
        `Lease ${lease.id} already has a change effective ${date} (${s.last.row.rowWhere}); combine them in one row`,
        local,
      );
      p.valid = false;
      continue;
    }
    s.last = p;
    if (terms.newTermMonths !== null) s.term = terms.newTermMonths;
    if (terms.type === 'Termination') s.terminated = p;
    // Each modification re-measures (and the workpapers re-perform) the months left in force from it.
    remeasured += Math.max(0, s.term - m + 1);
    if (remeasured > MAX_REMEASURED_MONTHS && !overBudget) {
      overBudget = true;
      row.error(
        'id',
        `the modifications up to this row re-measure more than ${MAX_REMEASURED_MONTHS.toLocaleString('en-US')} ` +
          'lease-months in all (each one re-measures the months left in force), the most one run takes; split the ' +
          'portfolio into several workbooks',
        local,
      );
    }
  }

  errors.push(...sortByCell(local));
  return { modifications: ordered.map((p) => p.terms), source: bound.source('id') };
}

/** Errors of one table in sheet order: by row, then column. */
export function sortByCell(errs: InputError[]): InputError[] {
  const pos = (w: string): [number, number] => {
    const p = parseWhere(w);
    if (!p) return [0, 0];
    const c = parseCell(p.cell.split(':')[0]);
    return [c.row, c.col];
  };
  return errs
    .map((e, i) => ({ e, i, p: pos(e.where) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.e);
}
