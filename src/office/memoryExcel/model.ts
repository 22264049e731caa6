/**
 * The in-memory workbook itself: sheets of cells (value or formula, number format, bold), column widths, frozen
 * rows, tab colour, sheet-scoped names, data validation and conditional formats, and tables (ListObjects).
 * Rows and columns are 0-based here; addresses are A1 strings at the API surface.
 */
/// <reference types="office-js" />
import { columnLetters, columnNumber, MAX_COLUMNS, MAX_ROWS, quoteSheetName } from '../../input/a1';
import { DAYS_1904 } from '../../input/dateSystem';
import { refRenamer } from '../formulaRefs';
import type { CellValue } from '../excelApi';
import { ExcelError } from './errors';

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface RowModel {
  v: (CellValue | undefined)[];
  f: (string | undefined)[];
  nf: (string | undefined)[];
  b: (boolean | undefined)[];
}

export interface NamedItemModel {
  name: string;
  reference: string;
  comment: string;
}

export interface ValidationModel {
  rect: Rect;
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface ConditionalFormatModel {
  /** Unique in the workbook (Excel's ConditionalFormat.id). */
  id: string;
  rect: Rect;
  rule: Excel.ConditionalCellValueRule;
  fontColor?: string;
  fillColor?: string;
}

export class SheetModel {
  tabColor = '';
  frozenRows = 0;
  frozenColumns = 0;
  readonly rows = new Map<number, RowModel>();

  /** Whether any cell of `rect` holds a formula. */
  hasFormulaIn(rect: Rect): boolean {
    for (const [r, row] of this.rows) {
      if (r < rect.r0 || r > rect.r1) continue;
      for (let c = rect.c0; c <= Math.min(rect.c1, row.f.length - 1); c++) if (row.f[c] !== undefined) return true;
    }
    return false;
  }
  readonly columnWidths = new Map<number, number>();
  readonly names: NamedItemModel[] = [];
  validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  row(r: number, create: true): RowModel;
  row(r: number, create?: false): RowModel | undefined;
  row(r: number, create = false): RowModel | undefined {
    let row = this.rows.get(r);
    if (!row && create) {
      row = { v: [], f: [], nf: [], b: [] };
      this.rows.set(r, row);
    }
    return row;
  }

  value(r: number, c: number): CellValue | undefined {
    return this.rows.get(r)?.v[c];
  }
  formula(r: number, c: number): string | undefined {
    return this.rows.get(r)?.f[c];
  }
  numberFormat(r: number, c: number): string {
    return this.rows.get(r)?.nf[c] ?? 'General';
  }
  bold(r: number, c: number): boolean {
    return this.rows.get(r)?.b[c] ?? false;
  }

  /** The used range per kind (with formats, values only) and the generation it was computed at. */
  private readonly usedCache = new Map<boolean, { gen: number; rect: Rect | null }>();
  /** Set by the workbook: bumped on every change, so the used range is computed once per change. */
  generation: () => number = () => -1;

  /** The used range (cells with a value or formula; with formats too unless valuesOnly), or null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    const gen = this.generation();
    const cached = this.usedCache.get(valuesOnly);
    if (gen >= 0 && cached?.gen === gen) return cached.rect && { ...cached.rect };
    const rect = this.computeUsedRect(valuesOnly);
    if (gen >= 0) this.usedCache.set(valuesOnly, { gen, rect: rect && { ...rect } });
    return rect;
  }

  private computeUsedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [r, row] of this.rows) {
      const width = Math.max(row.v.length, row.f.length, valuesOnly ? 0 : Math.max(row.nf.length, row.b.length));
      const used = (c: number): boolean =>
        row.v[c] !== undefined ||
        row.f[c] !== undefined ||
        (!valuesOnly && (row.nf[c] !== undefined || row.b[c] !== undefined));
      // Only a row's first and last used cells matter: found from each end, most rows cost two looks.
      let first = 0;
      while (first < width && !used(first)) first++;
      if (first === width) continue;
      let last = width - 1;
      while (last > first && !used(last)) last--;
      if (!rect) rect = { r0: r, c0: first, r1: r, c1: last };
      else {
        if (r < rect.r0) rect.r0 = r;
        if (r > rect.r1) rect.r1 = r;
        if (first < rect.c0) rect.c0 = first;
        if (last > rect.c1) rect.c1 = last;
      }
    }
    return rect;
  }
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
}

export class WorkbookModel {
  name = 'Book1.xlsx';
  /** Whether serial numbers count from 1904-01-01 (Excel for Mac's old default) instead of 1899-12-30. */
  date1904 = false;
  /** Days from the 1900 system's day zero to this workbook's: 0, or 1,462 in the 1904 date system. */
  dayZeroAfter1900(): number {
    return this.date1904 ? DAYS_1904 : 0;
  }
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  /** Bumped on every change; the formula cache keys on it. */
  generation = 0;
  private nextSheetId = 1;
  private nextTableId = 1;

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }
  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  addSheet(name?: string): SheetModel {
    let sheetName = name;
    if (sheetName === undefined || sheetName === '') {
      let k = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${k}`)) k++;
      sheetName = `Sheet${k}`;
    }
    checkSheetName(sheetName);
    if (this.sheetByName(sheetName)) {
      throw new ExcelError(
        'ItemAlreadyExists',
        'The resource with the specified name already exists.',
        'WorksheetCollection.add',
      );
    }
    const sheet = new SheetModel(
      `{${String(this.nextSheetId++).padStart(8, '0')}-0000-4000-8000-000000000000}`,
      sheetName,
    );
    sheet.generation = () => this.generation;
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    this.touch();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) {
      throw new ExcelError(
        'InvalidOperation',
        'This operation is not permitted for the current object.',
        'Worksheet.delete',
      );
    }
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new ExcelError('ItemNotFound', 'The requested resource does not exist.', 'Worksheet.delete');
    this.applyRenames();
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t].sheet === sheet) this.tables.splice(t, 1);
    // Formulas elsewhere that referred to the sheet now refer to #REF!, as in Excel.
    this.rewriteFormulas(sheetRefRemover(sheet.name), { sheets: true, tables: false });
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, i - 1)] ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
    this.touch();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    checkSheetName(name);
    const other = this.sheetByName(name);
    if (other && other !== sheet) {
      throw new ExcelError(
        'ItemAlreadyExists',
        'The resource with the specified name already exists.',
        'Worksheet.name',
      );
    }
    const old = sheet.name;
    sheet.name = name;
    this.renamed(old, name, 'sheets');
    this.touch();
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new ExcelError(
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
        'Worksheet.position',
      );
    }
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    this.sheets.splice(position, 0, sheet);
    this.touch();
  }

  addTable(sheet: SheetModel, rect: Rect): TableModel {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) {
        throw new ExcelError('InvalidArgument', "A table can't overlap another table.", 'TableCollection.add');
      }
    }
    // A table needs a data row: a header-only range gets one empty row below it, as in Excel.
    if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 };
    let k = this.tables.length + 1;
    while (this.tableByName(`Table${k}`)) k++;
    const table: TableModel = {
      id: this.nextTableId++,
      name: `Table${k}`,
      sheet,
      rect: { ...rect },
      style: 'TableStyleMedium2',
    };
    // A table's header cells are text; blank headers become Column1, Column2, ... as Excel does.
    const header = sheet.row(rect.r0, true);
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = header.v[c];
      if (v === undefined || v === '') {
        header.v[c] = `Column${c - rect.c0 + 1}`;
        header.f[c] = undefined;
      } else if (typeof v !== 'string') header.v[c] = String(v);
    }
    this.tables.push(table);
    this.touch();
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (table.name === name) return;
    checkTableName(name);
    const other = this.tableByName(name);
    if (other && other !== table) {
      throw new ExcelError('ItemAlreadyExists', 'The resource with the specified name already exists.', 'Table.name');
    }
    for (const sheet of this.sheets) {
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new ExcelError('ItemAlreadyExists', 'The resource with the specified name already exists.', 'Table.name');
      }
    }
    const old = table.name;
    table.name = name;
    this.renamed(old, name, 'tables');
    this.touch();
  }

  deleteTable(table: TableModel): void {
    const i = this.tables.indexOf(table);
    if (i >= 0) this.tables.splice(i, 1);
    this.touch();
  }

  touch(): void {
    this.generation++;
  }

  /** Renames whose formula rewrites wait for applyRenames(), old name -> new name; null when they apply at once. */
  private pendingRenames: { sheets: Map<string, string>; tables: Map<string, string> } | null = null;

  /**
   * From now on sheet and table renames rewrite the formulas that mention them only at applyRenames(), all in
   * one pass over the workbook (a request renaming two dozen sheets and tables rewrites the formulas once, not
   * two dozen times). Whoever defers must apply before anything reads or writes a formula.
   */
  deferRenames(): void {
    this.pendingRenames ??= { sheets: new Map(), tables: new Map() };
  }

  /** Rewrites the formulas for the renames deferred so far; `stopDeferring` makes later renames apply at once. */
  applyRenames({ stopDeferring = false } = {}): void {
    const pending = this.pendingRenames;
    if (!pending) return;
    if (pending.sheets.size > 0 || pending.tables.size > 0) {
      this.rewriteFormulas(refRenamer(pending.sheets, pending.tables), {
        sheets: pending.sheets.size > 0,
        tables: pending.tables.size > 0,
      });
      pending.sheets.clear();
      pending.tables.clear();
    }
    if (stopDeferring) this.pendingRenames = null;
  }

  private renamed(old: string, name: string, kind: 'sheets' | 'tables'): void {
    if (!this.pendingRenames) {
      this.rewriteFormulas(
        kind === 'sheets' ? refRenamer(new Map([[old, name]])) : refRenamer(new Map(), new Map([[old, name]])),
        { sheets: kind === 'sheets', tables: kind === 'tables' },
      );
      return;
    }
    // A -> B then B -> C: formulas that said A now say C. Otherwise the rename joins the others.
    const renames = this.pendingRenames[kind];
    let chained = false;
    for (const [from, to] of renames) {
      if (to.toLowerCase() === old.toLowerCase()) {
        renames.set(from, name);
        chained = true;
      }
    }
    if (!chained) renames.set(old, name);
  }

  /**
   * Rewrites the formulas that refer to a renamed or deleted sheet or table. Only a formula with a sheet
   * reference (`!`) can mention a sheet and only one with a structured reference (`[`) a table; the rest (most of
   * a big sheet: references within the sheet) are skipped without a look at their text.
   */
  private rewriteFormulas(rewrite: (formula: string) => string, of: { sheets: boolean; tables: boolean }): void {
    for (const sheet of this.sheets) {
      for (const row of sheet.rows.values()) {
        for (let c = 0; c < row.f.length; c++) {
          const f = row.f[c];
          if (f === undefined) continue;
          if ((of.sheets && f.includes('!')) || (of.tables && f.includes('['))) row.f[c] = rewrite(f);
        }
      }
    }
  }
}

/** Excel turns Sheet!A1 into #REF! when the sheet is deleted. */
function sheetRefRemover(sheetName: string): (formula: string) => string {
  const mark = refRenamer(new Map([[sheetName, '\uE000REF']]));
  return (formula) => {
    const marked = mark(formula);
    return marked === formula
      ? formula
      : marked.replace(/'?\uE000REF'?!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?/g, '#REF!');
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw new ExcelError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`,
    );
  }
}

export function checkTableName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  if (!ok)
    throw new ExcelError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (table name "${name}")`,
    );
}

/** Parses "A1", "$B$2:D9", "A:C" or "3:5" into a 0-based rectangle. */
export function parseAddress(address: string): Rect {
  const a = address.trim().replace(/\$/g, '');
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const c0 = columnNumber(m[1]) - 1;
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? columnNumber(m[3]) - 1 : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    return checkRect(
      { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) },
      address,
    );
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c0 = columnNumber(m[1]) - 1;
    const c1 = columnNumber(m[2]) - 1;
    return { r0: 0, c0: Math.min(c0, c1), r1: MAX_ROWS - 1, c1: Math.max(c0, c1) };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r0 = Number(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    return checkRect({ r0: Math.min(r0, r1), c0: 0, r1: Math.max(r0, r1), c1: MAX_COLUMNS - 1 }, address);
  }
  throw new ExcelError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (address "${address}")`,
  );
}

function checkRect(rect: Rect, address: string): Rect {
  if (rect.r0 < 0 || rect.r1 >= MAX_ROWS || rect.c0 < 0 || rect.c1 >= MAX_COLUMNS) {
    throw new ExcelError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (address "${address}")`,
    );
  }
  return rect;
}

export function formatAddress(rect: Rect): string {
  const a = `${columnLetters(rect.c0 + 1)}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${columnLetters(rect.c1 + 1)}${rect.r1 + 1}`;
}

export function qualifiedAddress(sheet: SheetModel, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${formatAddress(rect)}`;
}
