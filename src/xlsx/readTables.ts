/**
 * The .xlsx adapter for input: every Excel table (ListObject) of a workbook as the plain cell grids the pure
 * reader takes (src/input/grid.ts). Nothing here decides what a value means.
 *
 * exceljs details handled here:
 * - tables loaded from a file sit in `worksheet.getTables()` (its typings say otherwise), each with the loaded
 *   model in `.table`: `tableRef` ("B3:F20", header and totals rows included), `name`/`displayName`, `totalsRow`.
 *   `headerRow` is unreliable (false when the file omits headerRowCount, which Excel does), so the header row is
 *   always taken to be present, as every input table needs one;
 * - a cell with a date format arrives as a JavaScript Date (UTC midnight): it becomes its Excel serial number
 *   (1900 date system, whatever system the file uses; exceljs converts 1904 files when it reads them);
 * - a formula arrives as {formula | sharedFormula, result}: its cached result is used; with no cached result
 *   the formula text is passed on (so the reader reports it instead of reading a blank);
 * - rich text becomes its plain text, a hyperlink its text, an error value its text ("#N/A").
 */
import ExcelJS from 'exceljs';
import { parseRange, formatCell } from '../input/a1';
import type { GridCell, GridValue, TableGrid, WorkbookTables } from '../input/grid';

interface LoadedTableModel {
  name?: string;
  displayName?: string;
  /** Set when loaded from a file. */
  tableRef?: string;
  /** Set when added in memory (and by validate()). */
  ref?: string;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

interface LoadedTable {
  table?: LoadedTableModel;
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (Excel's serial 0 in the 1900 system, leap-year bug aside) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** A JavaScript Date from exceljs (UTC) as an Excel serial number. */
export function dateToSerial(d: Date): number {
  const serial = UNIX_EPOCH_SERIAL + d.getTime() / MS_PER_DAY;
  // exceljs rounds to whole milliseconds when reading; snap back to the exact day when within a millisecond.
  const day = Math.round(serial);
  return Math.abs(serial - day) * MS_PER_DAY < 1 ? day : serial;
}

function richText(v: unknown): string | null {
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('');
  }
  return null;
}

/** An exceljs cell value as a grid value. */
export function gridValue(v: ExcelJS.CellValue | undefined): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v !== 'object') return String(v);
  const rt = richText(v);
  if (rt !== null) return rt;
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) {
      return `=${String(o.formula ?? o.sharedFormula ?? '')}`;
    }
    return gridValue(o.result as ExcelJS.CellValue);
  }
  if ('error' in o) return String(o.error);
  if ('hyperlink' in o) {
    const t = o.text;
    return typeof t === 'string' ? t : (richText(t) ?? String(o.hyperlink ?? ''));
  }
  if ('text' in o && typeof o.text === 'string') return o.text;
  return String(v);
}

function gridCell(ws: ExcelJS.Worksheet, row: number, col: number): GridCell {
  const cell = ws.findCell(row, col);
  if (!cell) return { value: null };
  const value = gridValue(cell.value);
  const numberFormat = cell.numFmt;
  return numberFormat ? { value, numberFormat } : { value };
}

/** The tables of one worksheet. */
export function worksheetTables(ws: ExcelJS.Worksheet): TableGrid[] {
  const out: TableGrid[] = [];
  const loaded = (ws as unknown as { getTables(): LoadedTable[] }).getTables();
  for (const t of loaded) {
    const model = t.table;
    const ref = model?.tableRef ?? model?.ref;
    const name = model?.displayName ?? model?.name;
    if (!model || !ref || !name) continue;
    const range = parseRange(ref);
    const lastDataRow = range.end.row - (model.totalsRow ? 1 : 0);
    const headers: string[] = [];
    for (let c = range.start.col; c <= range.end.col; c++) {
      const h = gridValue(ws.findCell(range.start.row, c)?.value);
      const fallback = model.columns?.[c - range.start.col]?.name ?? '';
      headers.push(h === null || h === '' ? fallback : String(h));
    }
    const rows: GridCell[][] = [];
    for (let r = range.start.row + 1; r <= lastDataRow; r++) {
      const cells: GridCell[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) cells.push(gridCell(ws, r, c));
      rows.push(cells);
    }
    out.push({ name, sheet: ws.name, topLeft: formatCell(range.start), headers, rows });
  }
  return out;
}

/** Every table of a loaded workbook, sheet by sheet in workbook order. */
export function workbookTables(wb: ExcelJS.Workbook, source?: string): WorkbookTables {
  const tables: TableGrid[] = [];
  wb.eachSheet((ws) => tables.push(...worksheetTables(ws)));
  return source === undefined ? { tables } : { tables, source };
}

/** Loads an .xlsx file and returns its tables. */
export async function readTablesFromFile(path: string, source?: string): Promise<WorkbookTables> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return workbookTables(wb, source ?? path.split(/[\\/]/).pop());
}

/** Loads an .xlsx from memory and returns its tables. */
export async function readTablesFromBuffer(data: ArrayBuffer | Uint8Array, source?: string): Promise<WorkbookTables> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return workbookTables(wb, source);
}
