/**
 * The Journal Import sheet: the period's postable entries (one per entity and currency) in the layout an accounting
 * system imports, as one table from A1 (save it as CSV, or use `--journal-csv`, which writes the same rows). Text
 * stays text, amounts are numbers, the other side of a line is blank.
 */
import { col, headerWidths, money, text } from '../cells';
import { journalImport, type JournalFormat } from '../journalImport';
import { SHEET } from '../names';
import type { PeriodJournal } from '../periodJournal';
import type { PlanCell, SheetPlan } from '../plan';

export function journalImportSheet(journal: PeriodJournal, format: JournalFormat): SheetPlan {
  const table = journalImport(journal, format);
  const rows: (PlanCell | null)[][] = [
    table.headers.map((h) => ({ value: h, bold: true })),
    ...table.rows.map((r) => r.map((v) => (v === null ? null : 'text' in v ? text(v.text) : money(v.cents)))),
  ];
  return {
    name: SHEET.journalImport,
    rows,
    columnWidths: headerWidths(
      table.headers,
      table.headers.map((h) => (/memo|description/i.test(h) ? 46 : /account/i.test(h) ? 30 : 14)),
    ),
    frozenRows: 1,
    tables: [
      {
        name: 'JournalImport',
        range: `A1:${col(table.headers.length)}${Math.max(rows.length, 2)}`,
        style: 'TableStyleLight11',
      },
    ],
    tabColor: '#375623',
  };
}
