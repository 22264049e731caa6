/**
 * The sheets the add-in and the command line own (CONTRACT section 3): replaced on each run, never anything else.
 * A sheet too long for Excel's 1,048,576 rows continues on numbered sheets ("Schedules 2", "Journal Entries 2").
 */
export const SHEET = {
  schedules: 'Schedules',
  journal: 'Journal Entries',
  classification: 'Classification',
  rollForward: 'Roll-Forward',
  disclosures: 'Disclosures',
  tieOut: 'Tie-Out',
  /** Written when a period is closed: the change list and the catch-ups (CONTRACT 1.11). */
  catchUps: 'Catch-Ups',
  runLog: 'Run Log',
  leaseMemos: 'Lease Memos',
} as const;

export const OWNED_SHEET_NAMES: readonly string[] = Object.values(SHEET);

/** Excel's last row. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** "Schedules" for part 1, "Schedules 2", "Schedules 3", ... */
export function partSheetName(base: string, part: number): string {
  return part <= 1 ? base : `${base} ${part}`;
}

/** Whether a sheet of that name is one the product writes (and may therefore replace). Case-insensitive, as Excel. */
export function isOwnedSheet(name: string): boolean {
  const n = name.trim().toLowerCase();
  return OWNED_SHEET_NAMES.some((base) => {
    const b = base.toLowerCase();
    if (n === b) return true;
    if (!n.startsWith(`${b} `)) return false;
    return /^[1-9]\d{0,3}$/.test(n.slice(b.length + 1));
  });
}
