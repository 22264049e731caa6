/**
 * What every group of Tie-Out checks shares: the check row (what it compares, two live figures), the context the
 * groups read (the other sheets' layouts and the lease tie-out table's columns), and the formula helpers.
 */
import type { LeaseResult } from '../../engine';
import type { AccountRole } from '../../input/accountRoles';
import type { ReportingPeriod } from '../reportingPeriod';
import type { ClosingFigure } from '../../input/postedBalances';
import { formulaText, sheetRef } from '../cells';
import type { DisclosuresLayout } from './disclosures';
import type { JournalLayout } from './journalSheet';
import type { RollForwardLayout } from './rollForward';
import { RC } from './rollForward';
import type { SchedulesLayout } from './schedules';
import { SHEET } from '../names';

export interface Check {
  /** What is checked; or, given the check's row, a formula whose text depends on the result (it names what failed). */
  what: string | ((row: number) => string);
  compares: string;
  a: string;
  b: string;
  /** Figures are counts (integer format) rather than money. */
  count?: boolean;
}

/** The columns of the lease tie-out table (one row per lease), by meaning. */
/** Excel's formula limit is 8,192 characters: a check's formula is kept to this much, and longer ones are split. */
export const MAX_CHECK_FORMULA = 7000;

export const LEASE_KEYS = [
  'id',
  'description',
  'cls',
  'cur',
  'liability0',
  'rou0',
  'dayOne',
  'prepaid',
  'idc',
  'incentives',
  'payments',
  'cost',
  'adjustments',
  'transfer',
  'expected',
  'costDiff',
  'liabilityEnd',
  'rouEnd',
  'pLiabilityOpen',
  'pLiabilityClose',
  'pRouOpen',
  'pRouClose',
  'pCost',
  'jLiability',
  'jRou',
  'jCost',
  'jDebits',
  'jCredits',
  'jEntries',
  'whole',
  'bfLiability',
  'bfRou',
  'bfDiff',
  'bfPv',
  'bfPvDiff',
  'result',
] as const;
export type LeaseKey = (typeof LEASE_KEYS)[number];

/** The lease tie-out table starts in this column (J), right of the checks table. */
export const LEASE_COL = 10;

export interface TieOutContext {
  leases: readonly LeaseResult[];
  /** The period the journal covers. */
  period: ReportingPeriod;
  schedules: SchedulesLayout;
  journal: JournalLayout;
  rollForward: RollForwardLayout;
  disclosures: DisclosuresLayout;
  reportingDate: string;
  /** Header row of the checks table and of the tables beside it. */
  headerRow: number;
  /** Column letters of the lease tie-out table. */
  L: Record<LeaseKey, string>;
  /** Absolute range of a lease tie-out column over every lease row. */
  lt(c: string): string;
  /** ROWS(lease table), or 0 when there are no leases. */
  leasesChecked: string;
  /** SUMPRODUCT(cond), or 0 when there are no leases. */
  countWhere(cond: string): string;
  /** Rows of the journal summary tie-out table below the checks (last < first when the summary is empty). */
  summaryTable: { first: number; last: number };
  /**
   * When a period is closed (CONTRACT 1.11): what was posted for the closed months (a live formula over
   * PostedBalances for the lease and figures).
   */
  posted?: (leaseId: string, figures: readonly ClosingFigure[]) => string;
  /** The latest closed month-end, when a period is closed. */
  closedThrough?: string;
}

/** The account roles of the lease cost (operating, finance interest and amortization, short-term). */
export const COST_ROLES: readonly AccountRole[] = [
  'Operating lease cost',
  'Finance lease interest',
  'Finance lease amortization',
  'Short-term lease cost',
];
export const LIABILITY_ROLES: readonly AccountRole[] = [
  'Operating lease liability current',
  'Operating lease liability non-current',
  'Finance lease liability current',
  'Finance lease liability non-current',
];
export const ROU_ROLES: readonly AccountRole[] = [
  'Operating ROU asset',
  'Finance ROU asset',
  'Finance ROU accumulated amortization',
];

export type SchedulePart = SchedulesLayout['parts'][number];
export type JournalPart = JournalLayout['parts'][number];

/** A SUMIFS criterion matching `s` exactly (no wildcards, no comparison operator). */
export function exact(s: string): string {
  return formulaText(`=${s.replace(/[~*?]/g, '~$&')}`);
}

/**
 * A structured reference to a table's column by its header, `Name[[Header]]` (the header's special characters
 * escaped): it follows the table wherever it is and however Excel grows or shrinks it.
 */
export function tableColumn(table: string, header: string): string {
  return `${table}[[${header.replace(/['[\]#]/g, "'$&")}]]`;
}

/** A column of a Schedules part, rows `from` to `to`. */
export function sched(p: SchedulePart, c: string, from = 2, to = p.lastRow): string {
  return `${sheetRef(p.sheet)}$${c}$${from}:$${c}$${to}`;
}

/** One term per Schedules part, joined by +, or 0. */
export function sumParts(parts: readonly SchedulePart[], f: (p: SchedulePart) => string | null): string {
  const terms = parts.map(f).filter((x): x is string => x !== null);
  return terms.length === 0 ? '0' : terms.join('+');
}

/** A column of a Journal Entries part's detail table. */
export function jr(p: JournalPart, c: string): string {
  return `${sheetRef(p.sheet)}$${c}$${p.firstRow}:$${c}$${Math.max(p.lastRow, p.firstRow)}`;
}

/** A Roll-Forward column over its data rows, and the number of data rows. */
export function rollForwardRange(rollForward: RollForwardLayout): { rf(c: string): string; rows: number } {
  return {
    rf: (c: string) =>
      `${sheetRef(SHEET.rollForward)}$${c}$${rollForward.firstRow}:$${c}$${Math.max(rollForward.lastRow, rollForward.firstRow)}`,
    rows: Math.max(rollForward.lastRow - rollForward.firstRow + 1, 0),
  };
}

export { RC };
