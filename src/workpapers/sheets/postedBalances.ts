/**
 * The Posted Balances sheet: the `PostedBalances` table a close records (CONTRACT 1.11), one row per lease with the
 * through date, the classification in force, the closing liability and ROU asset and the cumulative amounts per
 * account role. Written only by a close (Close period, the command line's `close`); runs read it and never
 * rewrite it.
 */
import type { LeaseResult } from '../../engine';
import { columnLetters } from '../../input/a1';
import {
  CLOSING_FIGURE_LABEL,
  CLOSING_FIGURES,
  POSTED_BALANCES_COLUMNS,
  POSTED_BALANCES_TABLE,
} from '../../input/postedBalances';
import { bold, date, money, text } from '../cells';
import { leaseClosing, type LeaseClosing } from '../closing';
import type { PlanCell, SheetPlan } from '../plan';

export const POSTED_BALANCES_SHEET = 'Posted Balances';

/** Sheet row of the table's header (rows above it say what the table is). */
export const POSTED_HEADER_ROW = 4;

/** Every lease's closing through `through` (a month-end), in input order. */
export function closeLeases(leases: readonly LeaseResult[], through: string): LeaseClosing[] {
  return leases.map((l) => leaseClosing(l, through));
}

export interface PostedBalancesSheetInput {
  through: string;
  closings: readonly LeaseClosing[];
  /** ISO timestamp of the close. */
  recordedAt: string;
  /** Product version that recorded it. */
  productVersion: string;
}

export function postedBalancesSheet(input: PostedBalancesSheetInput): SheetPlan {
  const rows: (PlanCell | null)[][] = [];
  rows.push([bold('Posted Balances'), null, text(`Closed through ${input.through}`, true)]);
  rows.push([
    text(
      `Recorded by Lease Workpapers ${input.productVersion} at ${input.recordedAt}: what was booked per lease through ` +
        'the closed month-end (cumulative from commencement). Later runs keep closed months as posted and book any ' +
        'difference as a catch-up in the first open month. Close a later month to replace it; do not edit it.',
    ),
  ]);
  rows.push([]);
  rows.push(POSTED_BALANCES_COLUMNS.map((c) => bold(c.header)));
  for (const c of input.closings) {
    rows.push([
      text(c.leaseId) ?? { value: '' },
      text(c.entity),
      text(c.currency),
      date(input.through),
      text(c.classification),
      ...CLOSING_FIGURES.map((k) => money(c.figures[k])),
      money(c.currentLiability),
    ]);
  }
  const lastCol = columnLetters(POSTED_BALANCES_COLUMNS.length);
  const lastRow = POSTED_HEADER_ROW + Math.max(1, input.closings.length);
  return {
    name: POSTED_BALANCES_SHEET,
    rows,
    columnWidths: [
      14,
      14,
      9,
      12,
      12,
      ...CLOSING_FIGURES.map((k) => Math.max(14, CLOSING_FIGURE_LABEL[k].length + 2)),
      16,
    ],
    frozenRows: POSTED_HEADER_ROW,
    frozenColumns: 1,
    tables: [
      { name: POSTED_BALANCES_TABLE, range: `A${POSTED_HEADER_ROW}:${lastCol}${lastRow}`, style: 'TableStyleLight1' },
    ],
    tabColor: '#7F6000',
  };
}
