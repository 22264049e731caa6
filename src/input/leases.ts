/**
 * The `Leases` table: one validated LeaseTerms per non-blank row.
 */
import { Decimal } from '../engine/money/decimal';
import type { IsoDate } from '../engine/calendar/dates';
import type { InputTableSource, LeaseTerms } from '../engine/terms';
import type { TableGrid } from './grid';
import { CLASSIFICATIONS, FREQUENCIES, LEASES_COLUMNS, MAX_TERM_MONTHS, TIMINGS } from './columns';
import { BoundTable, leaseIdKey, type InputError } from './table';

/** What the other tables need to know about a lease row, even when the row itself has errors. */
export interface LeaseRef {
  id: string;
  /** "Leases!A4": the row's first cell. */
  where: string;
  /** Null when the row's own value is missing or wrong (checks against it are skipped). */
  commencement: IsoDate | null;
  termMonths: number | null;
}

export interface LeasesRead {
  /** Rows without errors, in table order. */
  leases: LeaseTerms[];
  /** Every lease ID (valid rows or not) by leaseIdKey. */
  refs: Map<string, LeaseRef>;
  /** The table as found, for a live count of its rows (null without a Lease ID column). */
  source: InputTableSource | null;
}

/**
 * Reads the Leases table. `hasPaymentRows(idKey)` says whether LeasePayments lists the lease's payments, in which
 * case Payment may be blank (the regular stream is replaced).
 */
export function readLeases(
  table: TableGrid,
  hasPaymentRows: (idKey: string) => boolean,
  errors: InputError[],
): LeasesRead {
  const bound = BoundTable.bind(table, LEASES_COLUMNS, errors);
  const leases: LeaseTerms[] = [];
  const refs = new Map<string, LeaseRef>();

  for (const row of bound.rows()) {
    const before = errors.length;
    const e = errors;
    const id = row.text('id', true, e);
    if (id !== null) {
      const prior = refs.get(leaseIdKey(id));
      if (prior) row.error('id', `Lease ID "${id}" appears twice (first at ${prior.where})`, e);
    }
    const description = row.text('description', false, e) ?? '';
    const entity = row.text('entity', false, e) ?? '';
    const assetClass = row.text('assetClass', false, e) ?? '';
    let currency = row.text('currency', false, e) ?? 'USD';
    if (!/^[A-Za-z]{3}$/.test(currency)) {
      row.error('currency', `Currency "${currency}" is not a three-letter ISO 4217 code such as USD`, e);
    }
    currency = currency.toUpperCase();
    const commencement = row.date('commencement', true, e);
    const termMonths = row.whole('termMonths', true, e, 1, MAX_TERM_MONTHS);
    const irregular = id !== null && hasPaymentRows(leaseIdKey(id));
    const payment = row.amount('payment', !irregular, e);
    const frequency = row.choice('frequency', false, e, FREQUENCIES) ?? 'Monthly';
    const timing = row.choice('timing', false, e, TIMINGS) ?? 'Advance';
    const annualEscalation =
      row.percent('annualEscalation', false, e, { min: -1, max: 1, minExclusive: true }) ?? new Decimal(0);
    const freeRentMonths = row.whole('freeRentMonths', false, e, 0, MAX_TERM_MONTHS) ?? 0;
    if (termMonths !== null && freeRentMonths > termMonths) {
      row.error(
        'freeRentMonths',
        `Free Rent (Months) ${freeRentMonths} is longer than the term of ${termMonths} months`,
        e,
      );
    }
    const discountRate = row.percent('discountRate', true, e, { min: 0, max: 1 });
    const initialDirectCosts = row.amount('initialDirectCosts', false, e) ?? 0;
    const leaseIncentives = row.amount('leaseIncentives', false, e) ?? 0;
    const prepaidRent = row.amount('prepaidRent', false, e) ?? 0;
    const residualValueGuarantee = row.amount('residualValueGuarantee', false, e) ?? 0;
    const purchaseOptionPrice = row.amount('purchaseOptionPrice', false, e) ?? 0;
    const purchaseOptionCertain = row.yesNo('purchaseOptionCertain', false, e) ?? false;
    const ownershipTransfers = row.yesNo('ownershipTransfers', false, e) ?? false;
    const specializedAsset = row.yesNo('specializedAsset', false, e) ?? false;
    const usefulLifeMonths = row.whole('usefulLifeMonths', false, e, 1, 100 * MAX_TERM_MONTHS);
    const fairValue = row.amount('fairValue', false, e, 'positive');
    const classification = row.choice('classification', false, e, CLASSIFICATIONS);

    if (id !== null && !refs.has(leaseIdKey(id))) {
      refs.set(leaseIdKey(id), { id, where: row.rowWhere, commencement, termMonths });
    }
    if (
      errors.length > before ||
      id === null ||
      commencement === null ||
      termMonths === null ||
      discountRate === null
    ) {
      continue;
    }
    leases.push({
      id,
      description,
      entity,
      assetClass,
      currency,
      commencement,
      termMonths,
      payment: payment ?? 0,
      frequency,
      timing,
      annualEscalation,
      freeRentMonths,
      discountRate,
      initialDirectCosts,
      leaseIncentives,
      prepaidRent,
      residualValueGuarantee,
      purchaseOptionPrice,
      purchaseOptionCertain,
      ownershipTransfers,
      specializedAsset,
      usefulLifeMonths,
      fairValue,
      classificationOverride: classification === null ? null : classification === 'Finance' ? 'finance' : 'operating',
      irregularPayments: [],
      inputCells: row.cells,
      source: row.rowWhere,
      usefulLifeSource: row.where('usefulLifeMonths'),
    });
  }
  return { leases, refs, source: bound.source('id') };
}
