/**
 * The sheets the add-in and the command line own (CONTRACT section 3): replaced on each run, never anything else.
 * A sheet too long for Excel's 1,048,576 rows continues on numbered sheets ("Schedules 2", "Journal Entries 2").
 */
export const SHEET = {
  schedules: 'Schedules',
  journal: 'Journal Entries',
  journalImport: 'Journal Import',
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

/**
 * The sheet-scoped defined name that marks a sheet as written by this product (the add-in and the command line):
 * only sheets so marked are ever replaced; a user's own sheet called `Schedules` is never touched.
 */
export const OUTPUT_MARK = 'LeaseWorkpapers_Output';

/** Suffix for an output whose name a user's own sheet already has: `Schedules (add-in)`. */
export const TAKEN_SUFFIX = ' (add-in)';

/** Whether `name` is a name an output `role` may have been given: the role, or the role + " (add-in)" (+ a number). */
export function isNameFor(role: string, name: string): boolean {
  const r = role.toLowerCase();
  const n = name.toLowerCase();
  if (n === r) return true;
  const prefix = `${role}${TAKEN_SUFFIX.slice(0, -1)}`.toLowerCase(); // "schedules (add-in"
  return n.startsWith(prefix) && /^(\)| \d+\))$/.test(n.slice(prefix.length));
}

/** The k-th name for an output whose own name is taken: "Schedules (add-in)", "Schedules (add-in 2)", ... */
export function takenName(role: string, k: number): string {
  return k === 1 ? `${role}${TAKEN_SUFFIX}` : `${role}${TAKEN_SUFFIX.slice(0, -1)} ${k})`;
}

/** The name for each output sheet: its own, or the first taken name no sheet in `keep` (or another output) has. */
export function outputSheetNames(roles: readonly string[], keep: Iterable<string>): Map<string, string> {
  const used = new Set([...keep].map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const role of roles) {
    let name = role;
    for (let k = 1; used.has(name.toLowerCase()); k++) name = takenName(role, k);
    used.add(name.toLowerCase());
    names.set(role, name);
  }
  return names;
}
