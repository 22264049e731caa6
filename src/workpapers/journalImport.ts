/**
 * The period's postable journal (the summary: one entry per entity and currency) in the layout an accounting system
 * imports (CONTRACT section 3, `Journal Import`; `--journal-csv`). Pure: rows of values, which the Journal Import
 * sheet and the CSV writer both lay out.
 *
 * - QuickBooks Online journal entry import: Journal No., Journal Date (MM/DD/YYYY), Account Name (QuickBooks matches
 *   accounts by name; a sub-account is written Parent:Child, so put that form in the GLAccounts Account Name), Debits,
 *   Credits (blank, not 0, on the other side), Description, Name, Location, Class. Name is left blank (QuickBooks
 *   matches it to a customer or vendor); Location and Class come from GLAccounts segments of those names.
 * - NetSuite journal entry CSV import: External ID (lines with one External ID form one journal), Date (MM/DD/YYYY),
 *   Subsidiary (the Subsidiary segment, else the entity), Currency, Account (the account number when there is one,
 *   else the name), Debit, Credit, Memo, Department, Class, Location (segments of those names).
 * - Generic: every field of the JSON export's `journal` lines, then one column per segment.
 */
import { formatCents } from '../engine/money/cents';
import type { PeriodJournal, SummaryLine } from './periodJournal';

export const JOURNAL_FORMATS = ['quickbooks', 'netsuite', 'generic'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

/** How the Journal Import Format policy and the Run Log name each layout. */
export const JOURNAL_FORMAT_LABEL: Record<JournalFormat, string> = {
  quickbooks: 'QuickBooks Online',
  netsuite: 'NetSuite',
  generic: 'Generic',
};

export const QUICKBOOKS_COLUMNS = [
  'Journal No.',
  'Journal Date',
  'Account Name',
  'Debits',
  'Credits',
  'Description',
  'Name',
  'Location',
  'Class',
] as const;

export const NETSUITE_COLUMNS = [
  'External ID',
  'Date',
  'Subsidiary',
  'Currency',
  'Account',
  'Debit',
  'Credit',
  'Memo',
  'Department',
  'Class',
  'Location',
] as const;

export const GENERIC_COLUMNS = [
  'date',
  'entity',
  'leaseId',
  'entry',
  'accountKey',
  'accountNumber',
  'accountName',
  'debit',
  'credit',
  'memo',
  'catchUp',
  'currency',
  'entryType',
] as const;

/** A cell of an import file: text (kept as text), or an amount in cents (blank when null). */
export type ImportValue = { text: string } | { cents: number } | null;

export interface ImportTable {
  format: JournalFormat;
  headers: string[];
  /** Which columns hold amounts (written as plain two-decimal numbers). */
  amountColumns: number[];
  rows: ImportValue[][];
}

/** "12/31/2025" */
export function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

const t = (s: string): ImportValue => ({ text: s });
const amount = (c: number): ImportValue => (c === 0 ? null : { cents: c });

function segment(journal: PeriodJournal, line: SummaryLine, name: string): string {
  const i = journal.chart.segmentNames.findIndex((s) => s.trim().toLowerCase() === name.toLowerCase());
  return i < 0 ? '' : line.account.segments[i];
}

export function journalImport(journal: PeriodJournal, format: JournalFormat): ImportTable {
  const lines = journal.summary;
  if (format === 'quickbooks') {
    return {
      format,
      headers: [...QUICKBOOKS_COLUMNS],
      amountColumns: [3, 4],
      rows: lines.map((l) => [
        t(l.entry),
        t(usDate(l.date)),
        t(l.account.name),
        amount(l.debit),
        amount(l.credit),
        t(l.memo),
        t(''),
        t(segment(journal, l, 'Location')),
        t(segment(journal, l, 'Class')),
      ]),
    };
  }
  if (format === 'netsuite') {
    return {
      format,
      headers: [...NETSUITE_COLUMNS],
      amountColumns: [5, 6],
      rows: lines.map((l) => [
        t(l.entry),
        t(usDate(l.date)),
        t(segment(journal, l, 'Subsidiary') || l.entity),
        t(l.currency),
        t(l.account.number || l.account.name),
        amount(l.debit),
        amount(l.credit),
        t(l.memo),
        t(segment(journal, l, 'Department')),
        t(segment(journal, l, 'Class')),
        t(segment(journal, l, 'Location')),
      ]),
    };
  }
  const segments = journal.chart.segmentNames;
  return {
    format,
    headers: [...GENERIC_COLUMNS, ...segments],
    amountColumns: [7, 8],
    rows: lines.map((l) => [
      t(l.date),
      t(l.entity),
      t(''),
      t(l.entry),
      t(l.account.role),
      t(l.account.number),
      t(l.account.name),
      { cents: l.debit },
      { cents: l.credit },
      t(l.memo),
      t('false'),
      t(l.currency),
      t('Period summary'),
      ...l.account.segments.map(t),
    ]),
  };
}

/** The table as the strings of a CSV file: amounts as plain two-decimal numbers, blanks as empty fields. */
export function importRecords(table: ImportTable): string[][] {
  return [
    table.headers,
    ...table.rows.map((r) => r.map((v) => (v === null ? '' : 'text' in v ? v.text : formatCents(v.cents)))),
  ];
}
