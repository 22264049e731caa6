/**
 * The Catch-Ups sheet (CONTRACT 1.11), written by a run when a period is closed: what changed in the closed months
 * and the catch-up that books it.
 *
 * - The change list: one row per lease and account role whose cumulative figure through Closed Through differs from
 *   PostedBalances, with the posted figure (a live reference to the PostedBalances table), the recomputed one (the
 *   engine's), the difference and the catch-up the Journal Entries book for it (a live sum of the lease's catch-up
 *   lines on that account), PASS when the catch-up is the difference. A reviewer sees every catch-up's cause.
 * - Totals by account role, all leases: posted (the PostedBalances column summed, live), recomputed, difference and
 *   the catch-up lines of the journal on that account (live).
 * The Tie-Out's closing checks (tieOutClose.ts) read both tables.
 */
import { ACCOUNT_ROLES, type AccountRole } from '../../input/accountRoles';
import type { PostedBalances } from '../../input/postedBalances';
import { bold, col, date, FMT, formula, formulaText, money, sheetRef, text } from '../cells';
import {
  CLOSING_FIGURE_LABEL,
  CLOSING_FIGURES,
  DEBIT_SIGN,
  FIGURE_OF_ROLE,
  firstOpenDay,
  type ClosingFigure,
} from '../closing';
import { changedPositions, type LeaseCatchUp } from '../catchUp';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { exact } from './tieOutCheck';

/** The entry type that labels a catch-up line in the Journal Entries. */
export const CATCH_UP_TYPE = 'Catch-up';

/** Where the journal's detail lines are, for live sums over them. */
export interface JournalRefs {
  parts: readonly { sheet: string; firstRow: number; lastRow: number }[];
  /** Column letters. */
  date: string;
  id: string;
  type: string;
  role: string;
  debit: string;
  credit: string;
}

/** The account roles whose lines add up to a closing figure (operating and finance together). */
export function rolesOf(figure: ClosingFigure): AccountRole[] {
  return ACCOUNT_ROLES.filter((r) => FIGURE_OF_ROLE[r] === figure);
}

export interface CatchUpsLayout {
  sheet: SheetPlan;
  closedThrough: string;
  /** The change list's rows (inclusive; last < first when empty) and its Result column. */
  changeFirst: number;
  changeLast: number;
  changeRows: number;
  /** The totals table: one row per account role. */
  totalsFirst: number;
  totalsLast: number;
  /** Column letters of both tables (they share columns). */
  C: typeof COLS;
  /** The changed positions, in change-list order. */
  changed: LeaseCatchUp[];
}

const HEADERS = [
  'Lease ID',
  'Entity',
  'Account Role',
  'Account',
  'Posted',
  'Recomputed',
  'Difference',
  'Catch-up Booked',
  'Result',
] as const;

const COLS = {
  id: 'A',
  entity: 'B',
  role: 'C',
  account: 'D',
  posted: 'E',
  recomputed: 'F',
  difference: 'G',
  booked: 'H',
  result: 'I',
} as const;

const range = (sheet: string, c: string, first: number, last: number) =>
  `${sheetRef(sheet)}$${c}$${first}:$${c}$${Math.max(first, last)}`;

/** The journal's catch-up lines on the figure's account roles (and of `leaseId`, when given), as the figure's amount. */
export function bookedFormula(j: JournalRefs, figure: ClosingFigure, leaseId?: string): string {
  const roles = rolesOf(figure);
  const terms = j.parts.map((p) => {
    const r = (c: string) => range(p.sheet, c, p.firstRow, p.lastRow);
    const lease = leaseId === undefined ? '' : `*(${r(j.id)}=${formulaText(leaseId)})`;
    const role = roles.map((x) => `(${r(j.role)}=${formulaText(x)})`).join('+');
    return `SUMPRODUCT((${r(j.type)}=${formulaText(CATCH_UP_TYPE)})${lease}*(${role})*(${r(j.debit)}-${r(j.credit)}))`;
  });
  const sum = terms.length === 0 ? '0' : terms.join('+');
  return DEBIT_SIGN[figure] === 1 ? `(${sum})` : `-(${sum})`;
}

/** The PostedBalances figure of a lease (0 when the lease was not posted), or of all leases. */
export function postedFormula(posted: PostedBalances, figure: ClosingFigure, leaseId?: string): string {
  const p = posted.place;
  const c = p.columns[figure];
  const idCol = p.columns.id;
  if (!c || !idCol || p.lastRow < p.firstRow) return '0';
  const values = range(p.sheet, c, p.firstRow, p.lastRow);
  if (leaseId === undefined) return `SUM(${values})`;
  return `SUMIFS(${values},${range(p.sheet, idCol, p.firstRow, p.lastRow)},${exact(leaseId)})`;
}

export function catchUpsLayout(args: {
  positions: readonly LeaseCatchUp[];
  posted: PostedBalances;
  journal: JournalRefs;
}): CatchUpsLayout {
  const { positions, posted, journal } = args;
  const ct = posted.through;
  const changed = changedPositions(positions);
  const rows: (PlanCell | null)[][] = [];
  rows.push([
    bold('Catch-Ups'),
    null,
    text('Closed Through'),
    date(ct),
    text('First open day'),
    date(firstOpenDay(ct)),
  ]);
  rows.push([
    text(
      `Months through ${ct} are closed: their entries were posted and are not issued again. Where the figures computed ` +
        `now through ${ct} differ from PostedBalances (a modification dated in a closed month, a lease entered late, ` +
        `a corrected input, a lease removed), the difference per lease and account is booked as a catch-up entry on ` +
        `${firstOpenDay(ct)} (Entry Type "${CATCH_UP_TYPE}" in the Journal Entries). Posted and the catch-ups booked ` +
        'are live formulas over the PostedBalances table and the journal.',
    ),
  ]);
  rows.push([]);
  rows.push([
    bold(
      changed.length === 0
        ? 'Change list: no lease’s closed-period figures differ from PostedBalances'
        : `Change list: ${changed.length} lease${changed.length === 1 ? '' : 's'} whose closed-period figures differ from PostedBalances`,
    ),
  ]);
  const headerRow = rows.length + 1;
  rows.push(HEADERS.map((h) => bold(h)));
  const changeFirst = headerRow + 1;
  const resultCell = (r: number) => formula(`IF(ROUND(${COLS.booked}${r}-${COLS.difference}${r},2)=0,"PASS","FAIL")`);
  for (const p of changed) {
    for (const k of CLOSING_FIGURES) {
      if (p.difference[k] === 0) continue;
      const r = rows.length + 1;
      rows.push([
        text(p.leaseId),
        text(p.entity),
        text(CLOSING_FIGURE_LABEL[k]),
        text(rolesOf(k).join(' / ')),
        formula(postedFormula(posted, k, p.leaseId), FMT.money),
        money(p.recomputed[k]),
        formula(`${COLS.recomputed}${r}-${COLS.posted}${r}`, FMT.money),
        formula(bookedFormula(journal, k, p.leaseId), FMT.money),
        resultCell(r),
      ]);
    }
  }
  const changeLast = rows.length;
  const changeRows = changeLast - changeFirst + 1;
  if (changeRows === 0) rows.push([]);
  const changeTableLast = Math.max(changeLast, changeFirst);

  rows.push([]);
  rows.push([bold(`Totals by account role, all leases, through ${ct}`)]);
  const totalsHeader = rows.length + 1;
  rows.push(HEADERS.map((h, i) => bold(i === 0 ? 'Leases' : h)));
  const totalsFirst = totalsHeader + 1;
  for (const k of CLOSING_FIGURES) {
    const r = rows.length + 1;
    rows.push([
      text('All'),
      null,
      text(CLOSING_FIGURE_LABEL[k]),
      text(rolesOf(k).join(' / ')),
      formula(postedFormula(posted, k), FMT.money),
      money(positions.reduce((s, p) => s + p.recomputed[k], 0)),
      formula(`${COLS.recomputed}${r}-${COLS.posted}${r}`, FMT.money),
      formula(bookedFormula(journal, k), FMT.money),
      resultCell(r),
    ]);
  }
  const totalsLast = rows.length;
  const last = col(HEADERS.length);
  return {
    sheet: {
      name: SHEET.catchUps,
      rows,
      columnWidths: [14, 16, 24, 32, 16, 16, 16, 16, 8],
      frozenRows: 1,
      tables: [
        { name: 'CatchUpChanges', range: `A${headerRow}:${last}${changeTableLast}`, style: 'TableStyleLight9' },
        { name: 'CatchUpTotals', range: `A${totalsHeader}:${last}${totalsLast}`, style: 'TableStyleLight9' },
      ],
      conditionalFormats: [
        ...(changeRows > 0
          ? [{ range: `${COLS.result}${changeFirst}:${COLS.result}${changeLast}`, kind: 'passFail' as const }]
          : []),
        { range: `${COLS.result}${totalsFirst}:${COLS.result}${totalsLast}`, kind: 'passFail' },
      ],
      tabColor: '#7F6000',
    },
    closedThrough: ct,
    changeFirst,
    changeLast,
    changeRows,
    totalsFirst,
    totalsLast,
    C: COLS,
    changed,
  };
}
