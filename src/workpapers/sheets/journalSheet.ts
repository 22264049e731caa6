/**
 * The Journal Entries sheet: one flat table ready for an ERP import (entry number, date, lease, entry type, account,
 * debit, credit, memo, entity, currency), every entry balanced, lines grouped by lease in date order. Account names
 * come from the Policies table (defaults in engine/terms.ts). Past Excel's row limit the table continues on
 * "Journal Entries 2", ... (whole leases per sheet).
 */
import type { LeaseResult } from '../../engine';
import type { GlAccounts } from '../../engine/terms';
import { col, date, FMT, headerWidths, money, num, text } from '../cells';
import type { IsoDate } from '../../engine/calendar/dates';
import type { LeaseCatchUp } from '../catchUp';
import { CATCH_UP_TYPE, type JournalRefs } from './catchUps';
import { CLOSING_FIGURE_LABEL } from '../closing';
import { closedJournal, entryCount, leaseJournal, type AccountKey, type JournalLine } from '../journal';
import { leaseRowLocator } from '../leaseRows';
import { EXCEL_MAX_ROWS, partSheetName, SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';

export const JOURNAL_HEADERS = [
  'Entry No.',
  'Date',
  'Lease ID',
  'Entry Type',
  'Account',
  'Debit',
  'Credit',
  'Memo',
  'Entity',
  'Currency',
] as const;

export const JC = {
  entry: 'A',
  date: 'B',
  id: 'C',
  type: 'D',
  account: 'E',
  debit: 'F',
  credit: 'G',
  memo: 'H',
  entity: 'I',
  currency: 'J',
} as const;

const COLUMN_FORMATS: (string | undefined)[] = [
  FMT.integer,
  FMT.date,
  FMT.text,
  FMT.text,
  FMT.text,
  FMT.money,
  FMT.money,
  FMT.text,
  FMT.text,
  FMT.text,
];

export interface JournalPlace {
  sheet: string;
  /** Sheet rows of the lease's lines (lines = 0 when the lease has none). */
  firstRow: number;
  lastRow: number;
  lines: number;
  /** Entry No. of the lease's first entry. */
  firstEntry: number;
  entries: number;
}

export interface JournalLayout {
  sheets: SheetPlan[];
  places: JournalPlace[];
  parts: { sheet: string; table: string; lastRow: number }[];
  totalLines: number;
  totalEntries: number;
}

/** What the journal is written for: a lease of the run, or one only PostedBalances still holds (its catch-up). */
interface JournalSubject {
  id: string;
  entity: string;
  currency: string;
  lines(): JournalLine[];
}

/** A closed period (CONTRACT 1.11): the months through `closedThrough` are not issued again; catch-ups are. */
export interface JournalClose {
  closedThrough: IsoDate;
  positions: readonly LeaseCatchUp[];
}

function subjects(leases: readonly LeaseResult[], close: JournalClose | null): JournalSubject[] {
  if (!close) {
    return leases.map((l) => ({ id: l.id, entity: l.entity, currency: l.currency, lines: () => leaseJournal(l) }));
  }
  const byId = new Map(close.positions.map((p) => [p.leaseId, p]));
  const memo = (k: AccountKey) =>
    `Catch-up: ${CLOSING_FIGURE_LABEL[k]} through ${close.closedThrough}, recomputed less posted`;
  const out: JournalSubject[] = leases.map((l) => ({
    id: l.id,
    entity: l.entity,
    currency: l.currency,
    lines: () => closedJournal(leaseJournal(l), close.closedThrough, byId.get(l.id) ?? null, memo),
  }));
  for (const p of close.positions) {
    if (p.inInput) continue;
    out.push({
      id: p.leaseId,
      entity: p.entity,
      currency: p.currency,
      lines: () => closedJournal([], close.closedThrough, p, memo),
    });
  }
  return out;
}

function lineCells(
  line: JournalLine,
  lease: JournalSubject,
  firstEntry: number,
  accounts: GlAccounts,
): (PlanCell | null)[] {
  return [
    num(firstEntry + line.entry),
    date(line.date),
    text(lease.id),
    text(line.type),
    text(accounts[line.account]),
    line.debit === 0 ? null : money(line.debit),
    line.credit === 0 ? null : money(line.credit),
    text(line.memo),
    text(lease.entity),
    text(lease.currency),
  ];
}

export function journalLayout(
  leaseResults: readonly LeaseResult[],
  accounts: GlAccounts,
  maxRows: number = EXCEL_MAX_ROWS,
  close: JournalClose | null = null,
): JournalLayout {
  const leases = subjects(leaseResults, close);
  const capacity = maxRows - 1;
  const places: JournalPlace[] = [];
  const parts: { sheet: string; table: string; leases: number[]; rows: number }[] = [];
  let part: (typeof parts)[number] | null = null;
  let entryNo = 1;
  let totalLines = 0;
  leases.forEach((lease, idx) => {
    const lines = lease.lines();
    const n = lines.length;
    if (n > capacity) throw new RangeError(`lease ${lease.id} has ${n} journal lines, more than a sheet holds`);
    if (!part || part.rows + n > capacity) {
      const k = parts.length + 1;
      part = {
        sheet: partSheetName(SHEET.journal, k),
        table: k === 1 ? 'JournalEntries' : `JournalEntries${k}`,
        leases: [],
        rows: 0,
      };
      parts.push(part);
    }
    const entries = entryCount(lines);
    places[idx] = {
      sheet: part.sheet,
      firstRow: 2 + part.rows,
      lastRow: 1 + part.rows + n,
      lines: n,
      firstEntry: entryNo,
      entries,
    };
    entryNo += entries;
    totalLines += n;
    part.leases.push(idx);
    part.rows += n;
  });
  if (parts.length === 0) parts.push({ sheet: SHEET.journal, table: 'JournalEntries', leases: [], rows: 0 });
  const sheets = parts.map((pt): SheetPlan => {
    const locate = leaseRowLocator(
      pt.leases.map((idx) => places[idx].lines),
      (k) => leases[pt.leases[k]].lines(),
    );
    return {
      name: pt.sheet,
      rows: [JOURNAL_HEADERS.map((h) => ({ value: h, bold: true }))],
      blocks:
        pt.rows > 0
          ? [
              {
                firstRow: 2,
                rowCount: pt.rows,
                columnFormats: COLUMN_FORMATS,
                row(i: number) {
                  const { k, offset, prepared } = locate(i);
                  const idx = pt.leases[k];
                  return lineCells(prepared[offset], leases[idx], places[idx].firstEntry, accounts);
                },
              },
            ]
          : [],
      columnWidths: headerWidths(JOURNAL_HEADERS, [9, 11, 14, 24, 30, 14, 14, 46, 16, 9]),
      frozenRows: 1,
      tables: [
        {
          name: pt.table,
          range: `A1:${col(JOURNAL_HEADERS.length)}${Math.max(1 + pt.rows, 2)}`,
          style: 'TableStyleLight11',
        },
      ],
      tabColor: '#375623',
    };
  });
  return {
    sheets,
    places,
    parts: parts.map((pt) => ({ sheet: pt.sheet, table: pt.table, lastRow: Math.max(1 + pt.rows, 2) })),
    totalLines,
    totalEntries: entryNo - 1,
  };
}

/** Where the journal's lines are, for live sums over them (the Catch-Ups sheet, the Tie-Out's closing checks). */
export function journalRefs(layout: JournalLayout, accounts: GlAccounts): JournalRefs {
  return {
    parts: layout.parts,
    date: JC.date,
    id: JC.id,
    debit: JC.debit,
    credit: JC.credit,
    catchUp: { column: JC.type, value: CATCH_UP_TYPE },
    account: { column: JC.account, of: (figure) => [accounts[figure]] },
  };
}
