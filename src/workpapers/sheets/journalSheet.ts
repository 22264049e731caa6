/**
 * The Journal Entries sheet: the period's entries (CONTRACT section 3). At the top the postable summary (table
 * `JournalSummary`: per entity and currency one balanced entry, one line per account), below it the detail behind it
 * (table `JournalEntries`: per lease, each entry balanced, dated as booked). Every line: date, entity, lease, entry
 * number, account number and name, the `GLAccounts` segment columns, debit, credit, memo, then the entry type, the
 * account role, the currency and the catch-up flag. Past Excel's row limit the detail continues on
 * "Journal Entries 2", ... (whole leases per sheet).
 */
import { col, date, FMT, headerWidths, money, text } from '../cells';
import type { Account } from '../../input/accountRoles';
import { JOURNAL_COLUMNS_AFTER_SEGMENTS, JOURNAL_COLUMNS_BEFORE_SEGMENTS } from '../../input/journalColumns';
import type { JournalLine } from '../journal';
import { leaseRowLocator } from '../leaseRows';
import { EXCEL_MAX_ROWS, partSheetName, SHEET } from '../names';
import type { PeriodJournal, SummaryLine } from '../periodJournal';
import type { PlanCell, SheetPlan } from '../plan';
import type { JournalRefs } from './catchUps';

/** The columns before and after the segment columns, by meaning (shared with the GLAccounts reader). */
const BEFORE = JOURNAL_COLUMNS_BEFORE_SEGMENTS;
const AFTER = JOURNAL_COLUMNS_AFTER_SEGMENTS;

export type JournalColumn = (typeof BEFORE)[number][0] | (typeof AFTER)[number][0];

export interface JournalColumns {
  headers: string[];
  /** Column letters by meaning. */
  letter: Record<JournalColumn, string>;
  formats: (string | undefined)[];
  widths: number[];
}

export function journalColumns(segmentNames: readonly string[]): JournalColumns {
  const headers = [...BEFORE.map((c) => c[1]), ...segmentNames, ...AFTER.map((c) => c[1])];
  const letter = {} as Record<JournalColumn, string>;
  BEFORE.forEach(([k], i) => (letter[k] = col(i + 1)));
  AFTER.forEach(([k], i) => (letter[k] = col(BEFORE.length + segmentNames.length + i + 1)));
  const formats: (string | undefined)[] = [
    FMT.date,
    FMT.text,
    FMT.text,
    FMT.text,
    FMT.text,
    FMT.text,
    ...segmentNames.map(() => FMT.text),
    FMT.money,
    FMT.money,
    FMT.text,
    FMT.text,
    FMT.text,
    FMT.text,
    FMT.text,
  ];
  const widths = headerWidths(headers, [
    11,
    16,
    14,
    24,
    11,
    36,
    ...segmentNames.map(() => 12),
    14,
    14,
    46,
    22,
    30,
    9,
    9,
  ]);
  return { headers, letter, formats, widths };
}

export interface JournalPlace {
  sheet: string;
  /** Sheet rows of the lease's detail lines (lines = 0 when the lease has none in the period). */
  firstRow: number;
  lastRow: number;
  lines: number;
}

export interface JournalPart {
  sheet: string;
  table: string;
  /** Sheet rows of the detail table's data (firstRow > lastRow when empty). */
  firstRow: number;
  lastRow: number;
}

export interface JournalLayout {
  sheets: SheetPlan[];
  columns: JournalColumns;
  places: JournalPlace[];
  parts: JournalPart[];
  /** Sheet rows of the summary table's data on the first sheet (firstRow > lastRow when empty). */
  summary: { sheet: string; firstRow: number; lastRow: number; lines: readonly SummaryLine[] };
  totalLines: number;
}

function cells(l: {
  date: string;
  entity: string;
  leaseId: string;
  entry: string;
  account: Account;
  debit: number;
  credit: number;
  memo: string;
  type: string;
  currency: string;
  catchUp: boolean;
}): (PlanCell | null)[] {
  return [
    date(l.date),
    text(l.entity),
    text(l.leaseId),
    text(l.entry),
    text(l.account.number),
    text(l.account.name),
    ...l.account.segments.map((s) => text(s)),
    l.debit === 0 ? null : money(l.debit),
    l.credit === 0 ? null : money(l.credit),
    text(l.memo),
    text(l.type),
    text(l.account.role),
    text(l.currency),
    text(l.catchUp ? 'Yes' : null),
  ];
}

function detailCells(j: PeriodJournal, line: JournalLine): (PlanCell | null)[] {
  return cells({ ...line, type: line.kind, account: j.chart.account(line.role, line.entity) });
}

function summaryCells(line: SummaryLine): (PlanCell | null)[] {
  return cells({ ...line, leaseId: '', type: 'Period summary', catchUp: false });
}

export function journalLayout(journal: PeriodJournal, maxRows: number = EXCEL_MAX_ROWS): JournalLayout {
  const c = journalColumns(journal.chart.segmentNames);
  const header = () => c.headers.map((h) => ({ value: h, bold: true }));
  const p = journal.period;
  // First sheet: title, note, the summary table, a blank row, the detail title, the detail table.
  const summaryHeader = 4;
  const summaryFirst = summaryHeader + 1;
  const summaryLast = summaryHeader + journal.summary.length;
  const detailTitle = Math.max(summaryLast, summaryFirst) + 2;
  const firstDetailHeader = detailTitle + 1;
  const firstRows: (PlanCell | null)[][] = [
    [{ value: `Journal entries for ${p.start} to ${p.end}`, bold: true }],
    [
      text(
        'The summary is what to post: one balanced entry per entity (and currency) for the period, one line per account, ' +
          'each the detail below summed by account. The detail: per lease, every entry of the period on the date it is booked.',
      ),
    ],
    [{ value: 'Summary (postable)', bold: true }],
    header(),
    ...journal.summary.map((l) => summaryCells(l)),
  ];
  while (firstRows.length < detailTitle - 1) firstRows.push([]);
  firstRows.push([{ value: 'Detail by lease', bold: true }]);
  firstRows.push(header());

  const places: JournalPlace[] = [];
  const parts: { sheet: string; table: string; header: number; leases: number[]; rows: number }[] = [];
  let part: (typeof parts)[number] | null = null;
  // Detail rows a part holds: below the summary on the first sheet, below the header row on the others.
  const capacityOf = (pt: (typeof parts)[number]) => maxRows - pt.header;
  journal.counts.forEach((n, idx) => {
    if (n > maxRows - firstDetailHeader) throw new RangeError(`lease has ${n} journal lines, more than a sheet holds`);
    if (!part || part.rows + n > capacityOf(part)) {
      const k = parts.length + 1;
      part = {
        sheet: partSheetName(SHEET.journal, k),
        table: k === 1 ? 'JournalEntries' : `JournalEntries${k}`,
        header: k === 1 ? firstDetailHeader : 1,
        leases: [],
        rows: 0,
      };
      parts.push(part);
    }
    places[idx] = {
      sheet: part.sheet,
      firstRow: part.header + 1 + part.rows,
      lastRow: part.header + part.rows + n,
      lines: n,
    };
    part.leases.push(idx);
    part.rows += n;
  });
  if (parts.length === 0)
    parts.push({ sheet: SHEET.journal, table: 'JournalEntries', header: firstDetailHeader, leases: [], rows: 0 });

  const lastColumn = col(c.headers.length);
  const sheets = parts.map((pt, k): SheetPlan => {
    const locate = leaseRowLocator(
      pt.leases.map((idx) => places[idx].lines),
      (i) => journal.leaseLines(pt.leases[i]),
    );
    const tables = [
      {
        name: pt.table,
        range: `A${pt.header}:${lastColumn}${Math.max(pt.header + pt.rows, pt.header + 1)}`,
        style: 'TableStyleLight11',
      },
    ];
    if (k === 0) {
      tables.unshift({
        name: 'JournalSummary',
        range: `A${summaryHeader}:${lastColumn}${Math.max(summaryLast, summaryFirst)}`,
        style: 'TableStyleMedium7',
      });
    }
    return {
      name: pt.sheet,
      rows: k === 0 ? firstRows : [header()],
      blocks:
        pt.rows > 0
          ? [
              {
                firstRow: pt.header + 1,
                rowCount: pt.rows,
                columnFormats: c.formats,
                row(i: number) {
                  const { offset, prepared } = locate(i);
                  return detailCells(journal, prepared[offset]);
                },
              },
            ]
          : [],
      columnWidths: c.widths,
      frozenRows: k === 0 ? undefined : 1,
      tables,
      tabColor: '#375623',
    };
  });
  return {
    sheets,
    columns: c,
    places,
    parts: parts.map((pt) => ({
      sheet: pt.sheet,
      table: pt.table,
      firstRow: pt.header + 1,
      lastRow: pt.header + pt.rows,
    })),
    summary: { sheet: SHEET.journal, firstRow: summaryFirst, lastRow: summaryLast, lines: journal.summary },
    totalLines: journal.totalLines,
  };
}

/** Where the journal's detail lines are, for live sums over them (the Catch-Ups sheet, the Tie-Out's closing checks). */
export function journalRefs(layout: JournalLayout): JournalRefs {
  const c = layout.columns.letter;
  return {
    parts: layout.parts,
    date: c.date,
    id: c.id,
    type: c.type,
    role: c.role,
    debit: c.debit,
    credit: c.credit,
  };
}
