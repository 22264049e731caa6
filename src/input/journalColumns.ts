/**
 * The journal's own columns, by meaning, before and after the `GLAccounts` segment columns: the Journal Entries
 * sheet lays them out (src/workpapers/sheets/journalSheet.ts), and the GLAccounts reader refuses a segment that
 * would take one of their headers.
 */
export const JOURNAL_COLUMNS_BEFORE_SEGMENTS = [
  ['date', 'Date'],
  ['entity', 'Entity'],
  ['id', 'Lease ID'],
  ['entry', 'Entry No.'],
  ['accountNumber', 'Account No.'],
  ['accountName', 'Account Name'],
] as const;

export const JOURNAL_COLUMNS_AFTER_SEGMENTS = [
  ['debit', 'Debit'],
  ['credit', 'Credit'],
  ['memo', 'Memo'],
  ['type', 'Entry Type'],
  ['role', 'Account Role'],
  ['currency', 'Currency'],
  ['catchUp', 'Catch-up'],
] as const;

/** Every header of the journal's own columns. */
export const JOURNAL_OWN_HEADERS: readonly string[] = [
  ...JOURNAL_COLUMNS_BEFORE_SEGMENTS,
  ...JOURNAL_COLUMNS_AFTER_SEGMENTS,
].map(([, header]) => header);
