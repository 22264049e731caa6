/**
 * Sheet plans: the pure description of an output sheet that both adapters (Office.js in the add-in, exceljs in the
 * command line) write the same way. Cell grids in, cell grids out: no adapter decides anything about content.
 */

/** A written cell. Exactly one of `value` or `formula`. */
export interface PlanCell {
  /** A string is always written as text, even when it begins with =, +, - or @. Dates are Excel serial numbers. */
  value?: string | number | boolean | null;
  /** An A1 formula starting with "=". `value` may carry the engine's figure as the cached result. */
  formula?: string;
  /** Excel number format, e.g. "#,##0.00;[Red]-#,##0.00", "yyyy-mm-dd", "@". */
  numberFormat?: string;
  bold?: boolean;
}

export interface PlanTable {
  /** Excel table name (unique in the workbook). */
  name: string;
  /** Range including the header row, e.g. "A1:T1201". */
  range: string;
  /** Table style, e.g. "TableStyleLight9". */
  style?: string;
}

export interface PlanConditionalFormat {
  /** Range the rule applies to, e.g. "F2:F40". */
  range: string;
  /** Cells equal to this text turn green / red. */
  kind: 'passFail';
}

export interface PlanDataValidation {
  /** Range the list applies to, e.g. "H2:H200". */
  range: string;
  /** Allowed values (an in-cell dropdown). */
  list: string[];
  /**
   * A visible range on the workbook holding exactly `list`, e.g. "'Policies'!$D$4:$D$21": the dropdown refers to
   * it instead of an inline list. Needed when the list is over Excel's 255-character inline limit (nothing hidden).
   */
  source?: string;
  /** Shown when a value outside the list is typed. */
  errorMessage?: string;
}

export interface SheetPlan {
  name: string;
  /** Rows from A1 down; a row may be shorter than others; null = empty cell. */
  rows: (PlanCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Rows frozen at the top (the header). */
  frozenRows?: number;
  /** Columns frozen at the left (e.g. the lease ID). */
  frozenColumns?: number;
  tables?: PlanTable[];
  conditionalFormats?: PlanConditionalFormat[];
  dataValidations?: PlanDataValidation[];
  /** Tab colour, "#RRGGBB". */
  tabColor?: string;
  /** Rows produced on demand below `rows`, for very long sheets (see PlanRowBlock). */
  blocks?: PlanRowBlock[];
  /** How the sheet prints. */
  pageSetup?: PlanPageSetup;
}

/** A sheet's print settings: every owned sheet prints legibly, its labels with their amounts. */
export interface PlanPageSetup {
  orientation: 'portrait' | 'landscape';
  /** The used columns fit this many pages wide (1 = fit to page width); as many pages tall as needed. */
  pagesWide: number;
  /** Rows repeated at the top of every page (1-based, inclusive), e.g. [1, 5]. */
  titleRows?: [number, number];
  /** Columns repeated at the left of every page when the sheet is more than a page wide, e.g. ["A", "B"]. */
  titleColumns?: [string, string];
  /** Centre of the page header: the period (the sheet's name is on the left, the page number in the footer). */
  headerText: string;
}

/** The complete set of output sheets of one run, in workbook order. */
export interface WorkpaperPlan {
  sheets: SheetPlan[];
}

/**
 * Rows produced on demand, for sheets too long to hold as cell objects (1.2 million schedule rows, millions of
 * journal lines). Block row i (0-based) is sheet row `firstRow + i`. Adapters ask for the rows in order and write
 * them in chunks; nothing else differs from `SheetPlan.rows` (strings are text, formulas carry no cached value).
 */
export interface PlanRowBlock {
  /** 1-based sheet row of the block's first row; after the rows of `SheetPlan.rows`. */
  firstRow: number;
  rowCount: number;
  /** Number format of each column from A, for every row of the block (a cell's own `numberFormat` wins). */
  columnFormats: (string | undefined)[];
  /** The cells of block row i, from column A. A fresh array each call. */
  row(i: number): (PlanCell | null)[];
}
