/**
 * The Journal Import sheet: the period's postable entries (one per entity and currency) in the layout an accounting
 * system imports. Text stays text, amounts are numbers, the other side of a line is blank.
 *
 * One table from A1 (save the sheet as CSV, or use `--journal-csv`, which writes the same rows), except in a layout
 * that holds one company per file (QuickBooks Online) when the period spans several companies: then a note in A1:A2
 * and one block per company, its entity and currency named in the row above its own table (`JournalImport`,
 * `JournalImport2`, ...), each table's rows exactly one of the files `--journal-csv` writes (choice: a user copies a
 * table, header included, into a new workbook and saves it as CSV; a column to filter on would end up in the file).
 * The Tie-Out ties each table to the journal summary by the table's name and its columns' headers
 * (tieOutJournalImport.ts), so the layout names them (`journalImportLayout`).
 */
import { bold, col, headerWidths, money, text } from '../cells';
import {
  companyLabel,
  importCompanies,
  JOURNAL_FORMAT_LABEL,
  journalImportParts,
  type ImportCompany,
  type ImportTable,
  type JournalFormat,
} from '../journalImport';
import { SHEET } from '../names';
import type { PeriodJournal } from '../periodJournal';
import type { PlanCell, PlanTable, SheetPlan } from '../plan';

/** The name of the table of the k-th company (0-based): JournalImport, JournalImport2, ... */
export function journalImportTableName(k: number): string {
  return k === 0 ? 'JournalImport' : `JournalImport${k + 1}`;
}

/** The header of the column holding the entry number, in each layout. */
const ENTRY = /^(journal no\.|external id|entry)$/i;

/**
 * One Excel table of the Journal Import sheet, as the Tie-Out reads it: by its name and its columns' headers (which
 * differ by layout), and the journals (one per company: an entity in one currency, one summary entry) it holds.
 */
export interface JournalImportTable {
  name: string;
  /** Headers of the columns holding the journal number, the debit and the credit. */
  journalNo: string;
  debit: string;
  credit: string;
  journals: Pick<ImportCompany, 'entity' | 'currency' | 'entry'>[];
}

export interface JournalImportLayout {
  sheet: SheetPlan;
  tables: JournalImportTable[];
}

/**
 * A column's width before its header is fitted: memo 46, account 30, the entry number its longest value, QuickBooks'
 * Name (always blank) 8, so the QuickBooks layout prints one page wide; others 14.
 */
const baseWidth =
  (entryWidth: number) =>
  (h: string): number =>
    /memo|description/i.test(h) ? 46 : /account/i.test(h) ? 30 : ENTRY.test(h) ? entryWidth : h === 'Name' ? 8 : 14;

function tableRows(table: ImportTable): (PlanCell | null)[][] {
  return [
    table.headers.map((h) => ({ value: h, bold: true })),
    ...table.rows.map((r) => r.map((v) => (v === null ? null : 'text' in v ? text(v.text) : money(v.cents)))),
  ];
}

export function journalImportLayout(journal: PeriodJournal, format: JournalFormat): JournalImportLayout {
  const parts = journalImportParts(journal, format);
  const companies = parts.length > 1 ? [] : importCompanies(journal);
  const importTables = parts.map((part, k): JournalImportTable => {
    const h = part.table.headers;
    return {
      name: journalImportTableName(k),
      journalNo: h.find((x) => ENTRY.test(x))!,
      debit: h[part.table.amountColumns[0]],
      credit: h[part.table.amountColumns[1]],
      journals: part.company ? [part.company] : companies,
    };
  });
  const headers = parts[0].table.headers;
  const last = col(headers.length);
  const rows: (PlanCell | null)[][] = [];
  const tables: PlanTable[] = [];
  const split = parts.length > 1;
  // The entry number column fits the longest number (summary numbers run to 21 characters).
  const entryWidth = Math.max(14, ...journal.summary.map((l) => l.entry.length + 2));
  if (split) {
    rows.push(
      [
        text(
          `${JOURNAL_FORMAT_LABEL[format]} imports one company (one entity in one currency) per file, and this ` +
            `period's journal spans ${parts.length} companies.`,
        ),
      ],
      [
        text(
          'Save each table below, its header row included, as its own CSV file and import it into that company ' +
            '(the command line --journal-csv writes one file per company).',
        ),
      ],
      [],
    );
  }
  parts.forEach((part, k) => {
    if (split && part.company) {
      const c = part.company;
      const n = c.lines.length;
      rows.push([
        bold(
          `Company ${k + 1} of ${parts.length}: ${companyLabel(c)} (Journal No. ${c.entry}, ${n} line${n === 1 ? '' : 's'})`,
        ),
      ]);
    }
    const first = rows.length + 1;
    const block = tableRows(part.table);
    rows.push(...block);
    tables.push({
      name: journalImportTableName(k),
      range: `A${first}:${last}${first + Math.max(block.length, 2) - 1}`,
      style: 'TableStyleLight11',
    });
    if (split && k < parts.length - 1) rows.push([]);
  });
  return {
    sheet: {
      name: SHEET.journalImport,
      rows,
      columnWidths: headerWidths(headers, headers.map(baseWidth(entryWidth))),
      frozenRows: split ? 0 : 1,
      tables,
      tabColor: '#375623',
    },
    tables: importTables,
  };
}

/** The sheet alone (its tables as the Tie-Out reads them: journalImportLayout). */
export function journalImportSheet(journal: PeriodJournal, format: JournalFormat): SheetPlan {
  return journalImportLayout(journal, format).sheet;
}
