/**
 * The `PostedBalances` table (CONTRACT 1.11): what was booked per lease through the last closed month-end, as the
 * close recorded it. The product writes it (Close period, the command line's `close`); later runs read it back to
 * keep closed months as posted and to book the catch-ups. Each amount is a cumulative figure per account role from
 * commencement through the Through date (see workpapers/closing.ts for how each is booked).
 */
import type { Cents } from '../engine/money/cents';
import type { IsoDate } from '../engine/calendar/dates';
import type { Classification } from '../engine/terms';
import { columnLetters, parseCell } from './a1';
import type { TableGrid } from './grid';
import { parseMonthEnd } from './policies';
import { BoundTable, headerWhere, leaseIdKey, type ColumnSpec, type InputError } from './table';
import { parseSignedAmount } from './values';

export const POSTED_BALANCES_TABLE = 'PostedBalances';

/** The account roles closed and posted, in the order of the table's columns. */
export const CLOSING_FIGURES = [
  'leaseLiability',
  'rouAsset',
  'operatingLeaseCost',
  'interestExpense',
  'amortizationExpense',
  'shortTermLeaseCost',
  'cash',
  'gainLoss',
  'impairmentLoss',
  'prepaidRent',
  'initialDirectCosts',
  'leaseIncentives',
  'ownedAssets',
  'variableLeaseCost',
] as const;

export type ClosingFigure = (typeof CLOSING_FIGURES)[number];

/** Cumulative amounts in cents, in the accountant's sign (balances, costs and payments positive; a gain positive). */
export type ClosingFigures = Record<ClosingFigure, Cents>;

/** Each figure's column header (the accountant's words). */
export const CLOSING_FIGURE_LABEL: Record<ClosingFigure, string> = {
  leaseLiability: 'Lease Liability',
  rouAsset: 'ROU Asset',
  operatingLeaseCost: 'Operating Lease Cost',
  interestExpense: 'Finance Interest',
  amortizationExpense: 'Finance Amortization',
  shortTermLeaseCost: 'Short-Term Lease Cost',
  cash: 'Payments',
  gainLoss: 'Gain or Loss',
  impairmentLoss: 'Impairment Loss',
  prepaidRent: 'Prepaid Rent',
  initialDirectCosts: 'Initial Direct Costs',
  leaseIncentives: 'Lease Incentives',
  ownedAssets: 'Transfer to Owned Assets',
  variableLeaseCost: 'Variable Lease Cost',
};

export function zeroFigures(): ClosingFigures {
  const f = {} as ClosingFigures;
  for (const k of CLOSING_FIGURES) f[k] = 0;
  return f;
}

export type PostedColumn =
  'id' | 'entity' | 'currency' | 'through' | 'classification' | ClosingFigure | 'currentLiability';

export const POSTED_BALANCES_COLUMNS: readonly ColumnSpec<PostedColumn>[] = [
  { key: 'id', header: 'Lease ID', required: true },
  { key: 'entity', header: 'Entity', required: false },
  { key: 'currency', header: 'Currency', required: false },
  { key: 'through', header: 'Through', required: true },
  { key: 'classification', header: 'Classification', required: false },
  ...CLOSING_FIGURES.map((k) => ({ key: k, header: CLOSING_FIGURE_LABEL[k], required: true })),
  // The part of Lease Liability due within 12 months (the current/non-current split the journal's reclass carries).
  { key: 'currentLiability', header: 'Current Portion', required: true },
];

const CLASSIFICATIONS: readonly Classification[] = ['operating', 'finance', 'short-term'];

/** One lease as posted. */
export interface PostedLease {
  leaseId: string;
  entity: string;
  currency: string;
  classification: Classification | null;
  figures: ClosingFigures;
  /** The current portion of the lease liability (inside `figures.leaseLiability`). */
  currentLiability: Cents;
  /** The row's first cell, for messages ("Posted Balances!A5"). */
  where: string;
}

export interface PostedBalances {
  /** The month-end every row runs through. */
  through: IsoDate;
  /** By leaseIdKey. */
  leases: Map<string, PostedLease>;
  /** The table's header cell, for messages. */
  where: string;
  /** Where the table sits, so the workpapers can refer to its cells in live formulas. */
  place: PostedPlace;
}

export interface PostedPlace {
  sheet: string;
  /** Sheet rows of the first and last data rows (last < first when the table has none). */
  firstRow: number;
  lastRow: number;
  /** Column letters by column key. */
  columns: Partial<Record<PostedColumn, string>>;
}

function placeOf(table: TableGrid, bound: BoundTable<PostedColumn>): PostedPlace {
  const top = parseCell(table.topLeft);
  const columns: Partial<Record<PostedColumn, string>> = {};
  for (const c of POSTED_BALANCES_COLUMNS) {
    const i = bound.column(c.key);
    if (i !== undefined) columns[c.key] = columnLetters(top.col + i);
  }
  return { sheet: table.sheet, firstRow: top.row + 1, lastRow: top.row + table.rows.length, columns };
}

/**
 * Reads the table. Every row must run through one month-end, and it must be the Policies' Closed Through (a close
 * records both); amounts are signed (a gain, a net credit of prepaid rent).
 */
export function readPostedBalances(
  table: TableGrid,
  closedThrough: IsoDate | null,
  errors: InputError[],
): PostedBalances | null {
  const before = errors.length;
  const bound = BoundTable.bind(table, POSTED_BALANCES_COLUMNS, errors);
  const where = headerWhere(table, 0);
  if (errors.length > before) return null;
  const leases = new Map<string, PostedLease>();
  let through: IsoDate | null = null;
  for (const row of bound.rows()) {
    const rowBefore = errors.length;
    const id = row.text('id', true, errors);
    const date = row.read('through', true, errors, (l, c) => parseMonthEnd(l, c.value));
    if (date !== null) {
      if (through === null) through = date;
      else if (date !== through) {
        row.error(
          'through',
          `Through ${date} differs from ${through} on the rows above: one close covers every lease`,
          errors,
        );
      }
    }
    const cls = row.text('classification', false, errors);
    const classification = cls === null || cls === '' ? null : (cls.toLowerCase() as Classification);
    if (classification !== null && !CLASSIFICATIONS.includes(classification)) {
      row.error('classification', `Classification "${cls}" is not operating, finance or short-term`, errors);
    }
    const figures = zeroFigures();
    for (const k of CLOSING_FIGURES) {
      const v = row.read(k, true, errors, (l, c) => parseSignedAmount(l, c.value));
      if (v !== null) figures[k] = v;
    }
    const currentLiability = row.read('currentLiability', true, errors, (l, c) => parseSignedAmount(l, c.value));
    if (id !== null && leases.has(leaseIdKey(id))) {
      row.error('id', `Lease ID "${id}" appears twice in PostedBalances`, errors);
    }
    if (errors.length > rowBefore || id === null) continue;
    leases.set(leaseIdKey(id), {
      leaseId: id,
      entity: row.text('entity', false, errors) ?? '',
      currency: row.text('currency', false, errors) || 'USD',
      classification,
      figures,
      currentLiability: currentLiability ?? 0,
      where: row.rowWhere,
    });
  }
  if (errors.length > before) return null;
  if (closedThrough === null) {
    errors.push({
      where,
      message: `PostedBalances records a close through ${through ?? '(no rows)'} but Closed Through in Policies is blank; set it to ${through ?? 'the month closed'} or remove the table`,
    });
    return null;
  }
  if (through !== null && through !== closedThrough) {
    errors.push({
      where,
      message: `PostedBalances runs through ${through} but Closed Through in Policies is ${closedThrough}; close the period again rather than editing either`,
    });
    return null;
  }
  return { through: closedThrough, leases, where, place: placeOf(table, bound) };
}
