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
 *
 * A QuickBooks Online company is one legal entity with one home currency and its import file has no entity or
 * currency column: when the period's summary spans several entities (or an entity in several currencies), the
 * QuickBooks layout comes in one part per company (`journalImportParts`), each its own file and its own block of the
 * Journal Import sheet. NetSuite (Subsidiary, Currency) and Generic (entity, currency) hold every company in one.
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

/**
 * The period's summary (or the given lines of it) in a layout: one row per summary line, in the summary's order.
 */
export function journalImport(
  journal: PeriodJournal,
  format: JournalFormat,
  lines: readonly SummaryLine[] = journal.summary,
): ImportTable {
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

/** Whether a layout holds one company (one entity in one currency) per file: it has no entity or currency column. */
export const ONE_COMPANY_PER_FILE: Record<JournalFormat, boolean> = {
  quickbooks: true,
  netsuite: false,
  generic: false,
};

/** One entity in one currency: what a QuickBooks Online company holds, and one summary entry of the period. */
export interface ImportCompany {
  /** As the summary spells it (trimmed; "" for lines without an entity). */
  entity: string;
  currency: string;
  /** The summary entry number (Journal No.). */
  entry: string;
  /** Whether the same entity has lines in another currency too (its files are then named with the currency). */
  entityHasSeveralCurrencies: boolean;
  lines: SummaryLine[];
}

/**
 * The companies of the period's summary: one per entity and currency (entities compared as the summary groups them:
 * trimmed, ignoring case, and named as the summary first spells them), by entity, then currency.
 */
export function importCompanies(journal: PeriodJournal): ImportCompany[] {
  const spelling = new Map<string, string>();
  const companies = new Map<string, ImportCompany>();
  for (const l of journal.summary) {
    const e = entityKey(l.entity);
    if (!spelling.has(e)) spelling.set(e, l.entity);
    const key = `${e}\u0000${l.currency}`;
    let c = companies.get(key);
    if (!c) {
      const entity = spelling.get(e) ?? l.entity;
      c = { entity, currency: l.currency, entry: l.entry, entityHasSeveralCurrencies: false, lines: [] };
      companies.set(key, c);
    }
    c.lines.push(l);
  }
  const list = [...companies.values()].sort((a, b) => {
    const ea = entityKey(a.entity);
    const eb = entityKey(b.entity);
    return ea === eb ? compare(a.currency, b.currency) : compare(ea, eb);
  });
  const currencies = new Map<string, number>();
  for (const c of list) currencies.set(entityKey(c.entity), (currencies.get(entityKey(c.entity)) ?? 0) + 1);
  for (const c of list) c.entityHasSeveralCurrencies = (currencies.get(entityKey(c.entity)) ?? 0) > 1;
  return list;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function entityKey(entity: string): string {
  return entity.trim().toLowerCase();
}

/** One import file: a company's lines (`company` set), or every line of the period (`company` null). */
export interface ImportPart {
  company: ImportCompany | null;
  table: ImportTable;
}

/**
 * The import files of the period in a layout: one per company when the layout holds one company per file and the
 * summary spans more than one; otherwise one file of every line (also when the summary is empty: its header only).
 */
export function journalImportParts(journal: PeriodJournal, format: JournalFormat): ImportPart[] {
  const companies = ONE_COMPANY_PER_FILE[format] ? importCompanies(journal) : [];
  if (companies.length <= 1) return [{ company: companies[0] ?? null, table: journalImport(journal, format) }];
  return companies.map((company) => ({ company, table: journalImport(journal, format, company.lines) }));
}

/** "Parent Co, USD" ("(no entity), USD" for lines without an entity). */
export function companyLabel(company: Pick<ImportCompany, 'entity' | 'currency'>): string {
  return `${company.entity || '(no entity)'}, ${company.currency}`;
}

/** The table as the strings of a CSV file: amounts as plain two-decimal numbers, blanks as empty fields. */
export function importRecords(table: ImportTable): string[][] {
  return [
    table.headers,
    ...table.rows.map((r) => r.map((v) => (v === null ? '' : 'text' in v ? v.text : formatCents(v.cents)))),
  ];
}
