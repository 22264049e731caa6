/**
 * Cell grids: what the adapters (Office.js, .xlsx) hand to the pure input reader, and nothing more.
 * A date arrives as an Excel serial number with its number format (as Office.js gives it) or as ISO text.
 */
export type GridValue = string | number | boolean | null;

export interface GridCell {
  value: GridValue;
  /** The cell's number format ("General", "yyyy-mm-dd", "0.00%", ...), when the adapter knows it. */
  numberFormat?: string;
}

/** An Excel table (ListObject) as found in the workbook. */
export interface TableGrid {
  /** Table name, e.g. "Leases". */
  name: string;
  /** Worksheet that holds it. */
  sheet: string;
  /** Address of the header row's first cell, e.g. "B3". */
  topLeft: string;
  headers: string[];
  /** Data rows (no header, no totals row), each as long as `headers`. */
  rows: GridCell[][];
}

/** Every table of the workbook, by name as written (matching is case-insensitive). */
export interface WorkbookTables {
  tables: TableGrid[];
  /** Name of the workbook or file, for the run log. */
  source?: string;
}
