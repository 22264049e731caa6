/**
 * The period's journal in the layout an accounting system imports (CONTRACT section 3, `Journal Import`).
 */
export const JOURNAL_FORMATS = ['quickbooks', 'netsuite', 'generic'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];
