/**
 * SheetPlan -> Office.js commands on one worksheet: cells in row chunks that fit the request budget (number
 * formats first, then formulas and constants), bold runs, column widths, tables, dropdown lists, PASS/FAIL
 * colouring, frozen header rows and the tab colour. The plan decides everything about content; this only writes.
 */
import { columnLetters } from '../input/a1';
import type { PlanDataValidation, SheetPlan } from '../workpapers/plan';
import { planLastRow, planRows } from '../workpapers/planRows';
import { charactersToPoints, formulaInput, type RefRenames } from './cellInput';
import type { CellValue, XWorksheet } from './excelApi';
import { renameRefs } from './formulaRefs';
import { writeIn } from '../input/dateSystem';
import { COMMAND_OVERHEAD, jsonBytes, valueBytes, type RequestBudget, type RequestPacker } from './requests';

export interface RowChunk {
  /** 0-based first row. */
  firstRow: number;
  rows: number;
  columns: number;
  formulas: (CellValue | null)[][] | null;
  numberFormats: (string | null)[][] | null;
  bytes: number;
  cells: number;
}

/** The plan's width: the longest row, or the block's column count. */
export function planWidth(plan: SheetPlan): number {
  let w = plan.rows.reduce((n, row) => Math.max(n, row.length), 0);
  for (const b of plan.blocks ?? []) w = Math.max(w, b.columnFormats.length);
  return w;
}

/** Rows the plan writes, its explicit rows and its on-demand blocks. */
export const planRowCount = planLastRow;

/** Number formats are few and repeat on every row: their JSON size is worked out once. */
class FormatSizes {
  private readonly sizes = new Map<string, number>();
  of(format: string): number {
    let n = this.sizes.get(format);
    if (n === undefined) {
      n = jsonBytes(format);
      this.sizes.set(format, n);
    }
    return n;
  }
}

/**
 * Splits a plan's cells into row chunks, each within the budget, produced as they are needed. Pure.
 * A row's request size is added up cell by cell as the row is built (the JSON of both the formulas and the number
 * formats arrays), so nothing is serialised twice.
 */
export function* rowChunks(
  plan: SheetPlan,
  budget: RequestBudget,
  renames?: RefRenames,
  date1904 = false,
): Generator<RowChunk> {
  const columns = planWidth(plan);
  if (columns === 0) return;
  const limitBytes = budget.bytes - 2 * COMMAND_OVERHEAD;
  const limitRows = Math.max(1, Math.floor(budget.cells / columns));
  const formatSizes = new FormatSizes();
  // An all-null row: "[null,null,...]" is 5 bytes a column, less one comma, plus the brackets.
  const emptyRowBytes = 5 * columns + 1;
  let f: (CellValue | null)[][] = [];
  let nf: (string | null)[][] = [];
  let bytes = 0;
  let first = 0;
  let anyF = false;
  let anyNf = false;
  const take = (): RowChunk => {
    const chunk: RowChunk = {
      firstRow: first,
      rows: f.length,
      columns,
      formulas: anyF ? f : null,
      numberFormats: anyNf ? nf : null,
      bytes: bytes + 2 * COMMAND_OVERHEAD,
      cells: f.length * columns,
    };
    f = [];
    nf = [];
    bytes = 0;
    anyF = false;
    anyNf = false;
    return chunk;
  };
  for (const { row, cells, columnFormats } of planRows(plan)) {
    const index = row - 1;
    const fr: (CellValue | null)[] = new Array<CellValue | null>(columns).fill(null);
    const nr: (string | null)[] = new Array<string | null>(columns).fill(null);
    let rowF = false;
    let rowNf = false;
    // Both arrays are counted: the formulas always, the number formats when any row of the chunk has one.
    let rowBytes = 2 * emptyRowBytes + 2;
    const n = Math.min(cells.length, columns);
    for (let c = 0; c < n; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const format = cell.numberFormat ?? columnFormats?.[c];
      let input = formulaInput(cell, renames);
      if (date1904 && typeof input === 'number') input = writeIn(input, format, true);
      if (input !== null) {
        fr[c] = input;
        rowF = true;
        rowBytes += valueBytes(input) - 4;
      }
      if (format !== undefined && format !== 'General') {
        nr[c] = format;
        rowNf = true;
        rowBytes += formatSizes.of(format) - 4;
      }
    }
    if (rowBytes > limitBytes) throw new RangeError(`row ${row} of ${plan.name} alone is over the request budget`);
    // A chunk is one rectangle: a gap in the rows (between explicit rows and a block) starts a new one.
    if (f.length > 0 && (bytes + rowBytes > limitBytes || f.length >= limitRows || index !== first + f.length))
      yield take();
    if (f.length === 0) first = index;
    f.push(fr);
    nf.push(nr);
    bytes += rowBytes;
    anyF ||= rowF;
    anyNf ||= rowNf;
  }
  if (f.length > 0) yield take();
}

function address(firstRow: number, rows: number, firstCol: number, columns: number): string {
  const a = `${columnLetters(firstCol + 1)}${firstRow + 1}`;
  if (rows === 1 && columns === 1) return a;
  return `${a}:${columnLetters(firstCol + columns)}${firstRow + rows}`;
}

/** Contiguous runs of bold cells, row by row. */
function boldRuns(plan: SheetPlan): { row: number; col: number; length: number }[] {
  const runs: { row: number; col: number; length: number }[] = [];
  plan.rows.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const bold = c < row.length && row[c]?.bold === true;
      if (bold && start < 0) start = c;
      if (!bold && start >= 0) {
        runs.push({ row: r, col: start, length: c - start });
        start = -1;
      }
    }
  });
  return runs;
}

/** Excel refuses an inline dropdown list over 255 characters (the items joined by commas). */
export const INLINE_LIST_LIMIT = 255;

/** A dropdown's source: "=<range>" when the plan names a visible range, else the inline list (within the limit). */
export function listSource(sheet: string, dv: PlanDataValidation, renames?: RefRenames): string {
  if (dv.source !== undefined) {
    const ref = dv.source.startsWith('=') ? dv.source : `=${dv.source}`;
    return renames ? renameRefs(ref, renames.sheets, renames.tables) : ref;
  }
  const list = dv.list.join(',');
  if (list.length > INLINE_LIST_LIMIT || dv.list.some((x) => x.includes(','))) {
    throw new RangeError(
      `${sheet}!${dv.range}: the dropdown list is too long for Excel inline; give it a source range`,
    );
  }
  return list;
}

export interface SheetWriteOptions {
  budget: RequestBudget;
  /** Formula references to rewrite (staging sheets point at each other under their staging names). */
  renames?: RefRenames;
  /** Table names to use instead of the plan's (staging). */
  tableName?: (planName: string) => string;
  /** Called with the cells written after each chunk is queued. */
  onChunk?: (chunk: RowChunk) => void;
  /** Whether the host has ExcelApi 1.9's pageLayout (print settings); without it the sheet prints as Excel defaults. */
  pageLayout?: boolean;
  /** The workbook counts dates in the 1904 date system: the plan's date serials (1900 system) are moved back. */
  date1904?: boolean;
}

/** Queues the whole sheet plan onto `sheet` through the packer (which syncs as the budget fills). */
export async function writeSheetPlan(
  packer: RequestPacker,
  sheet: XWorksheet,
  plan: SheetPlan,
  options: SheetWriteOptions,
): Promise<void> {
  for (const chunk of rowChunks(plan, options.budget, options.renames, options.date1904)) {
    await packer.add(chunk.bytes, chunk.cells, () => {
      const range = sheet.getRange(address(chunk.firstRow, chunk.rows, 0, chunk.columns));
      if (chunk.numberFormats) range.numberFormat = chunk.numberFormats;
      if (chunk.formulas) range.formulas = chunk.formulas;
    });
    options.onChunk?.(chunk);
  }
  for (const run of boldRuns(plan)) {
    await packer.add(COMMAND_OVERHEAD, 0, () => {
      sheet.getRange(address(run.row, 1, run.col, run.length)).format.font.bold = true;
    });
  }
  for (const [i, width] of (plan.columnWidths ?? []).entries()) {
    if (!(width > 0)) continue;
    await packer.add(COMMAND_OVERHEAD, 0, () => {
      sheet.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`).format.columnWidth = charactersToPoints(width);
    });
  }
  for (const table of plan.tables ?? []) {
    await packer.add(COMMAND_OVERHEAD * 2, 0, () => {
      const t = sheet.tables.add(table.range, true);
      t.name = options.tableName ? options.tableName(table.name) : table.name;
      if (table.style) t.style = table.style;
    });
  }
  for (const dv of plan.dataValidations ?? []) {
    const source = listSource(plan.name, dv, options.renames);
    await packer.add(COMMAND_OVERHEAD * 3 + jsonBytes(source) + jsonBytes(dv.errorMessage ?? ''), 0, () => {
      const validation = sheet.getRange(dv.range).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source } };
      validation.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: 'Not in the list',
        message: dv.errorMessage ?? `Choose one of: ${dv.list.join(', ')}`,
      };
    });
  }
  for (const cf of plan.conditionalFormats ?? []) {
    await packer.add(COMMAND_OVERHEAD * 6, 0, () => {
      const range = sheet.getRange(cf.range);
      const pass = range.conditionalFormats.add('CellValue').cellValue;
      pass.rule = { formula1: '="PASS"', operator: 'EqualTo' };
      pass.format.font.color = '#006100';
      pass.format.fill.color = '#C6EFCE';
      const fail = range.conditionalFormats.add('CellValue').cellValue;
      fail.rule = { formula1: '="FAIL"', operator: 'EqualTo' };
      fail.format.font.color = '#9C0006';
      fail.format.fill.color = '#FFC7CE';
    });
  }
  const frozenRows = plan.frozenRows ?? 0;
  const frozenColumns = plan.frozenColumns ?? 0;
  if (frozenColumns > 0) {
    const corner = address(0, Math.max(1, frozenRows), 0, frozenColumns);
    await packer.add(COMMAND_OVERHEAD, 0, () => sheet.freezePanes.freezeAt(sheet.getRange(corner)));
  } else if (frozenRows > 0) {
    await packer.add(COMMAND_OVERHEAD, 0, () => sheet.freezePanes.freezeRows(frozenRows));
  }
  if (plan.tabColor) {
    const color = plan.tabColor;
    await packer.add(COMMAND_OVERHEAD, 0, () => {
      sheet.tabColor = color;
    });
  }
  const ps = plan.pageSetup;
  if (ps && options.pageLayout && sheet.pageLayout) {
    const layout = sheet.pageLayout;
    await packer.add(COMMAND_OVERHEAD * 6 + jsonBytes(ps.headerText), 0, () => {
      layout.orientation = ps.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.zoom = { horizontalFitToPages: ps.pagesWide };
      if (ps.titleRows) layout.setPrintTitleRows(`$${ps.titleRows[0]}:$${ps.titleRows[1]}`);
      if (ps.titleColumns) layout.setPrintTitleColumns(`$${ps.titleColumns[0]}:$${ps.titleColumns[1]}`);
      const hf = layout.headersFooters.defaultForAllPages;
      hf.leftHeader = '&A';
      hf.centerHeader = ps.headerText.replace(/&/g, '&&');
      hf.centerFooter = 'Page &P of &N';
    });
  }
}
