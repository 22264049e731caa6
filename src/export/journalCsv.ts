/**
 * The period's postable journal as a CSV import file (`--journal-csv`), in one of the layouts of journalImport.ts,
 * written by a CSV library: fields with commas, quotes or line breaks are quoted, quotes doubled, and a text that
 * begins with =, +, - or @ is prefixed with an apostrophe so a spreadsheet opening the file keeps it as text.
 */
import { stringify } from 'csv-stringify/sync';
import { importRecords, journalImport, type JournalFormat } from '../workpapers/journalImport';
import type { PeriodJournal } from '../workpapers/periodJournal';

export function journalCsv(journal: PeriodJournal, format: JournalFormat): string {
  return stringify(importRecords(journalImport(journal, format)), { escape_formulas: true });
}
