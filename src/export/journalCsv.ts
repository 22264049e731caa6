/**
 * The period's postable journal as a CSV import file (`--journal-csv`), in one of the layouts of journalImport.ts,
 * written by a CSV library: fields with commas, quotes or line breaks are quoted, quotes doubled, and a text that
 * begins with =, +, - or @ is prefixed with an apostrophe so a spreadsheet opening the file keeps it as text.
 */
import { stringify } from 'csv-stringify/sync';
import { importRecords, journalImport, type ImportTable, type JournalFormat } from '../workpapers/journalImport';
import type { PeriodJournal } from '../workpapers/periodJournal';

/** Every line of the period's summary in one file. */
export function journalCsv(journal: PeriodJournal, format: JournalFormat): string {
  return importTableCsv(journalImport(journal, format));
}

/** One import file (every line, or one company's: see journalImportParts). */
export function importTableCsv(table: ImportTable): string {
  return stringify(importRecords(table), { escape_formulas: true });
}
