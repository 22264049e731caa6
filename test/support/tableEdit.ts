/**
 * Test helpers that change a table of an .xlsx the way a user would in Excel (exceljs): add a row at the bottom of a
 * table (the table grows by one row), change one cell of a row found by its first column or by its place in the
 * table, or clear a row.
 */
import ExcelJS from 'exceljs';
import { formatCell, parseRange } from '../../src/input/a1';
import { headerKey } from '../../src/input/values';

type Value = string | number | Date | null;

interface Loaded {
  ws: ExcelJS.Worksheet;
  model: { tableRef?: string; ref?: string; autoFilterRef?: string };
  start: { row: number; col: number };
  end: { row: number; col: number };
  column(header: string): number;
}

function table(wb: ExcelJS.Workbook, name: string): Loaded {
  for (const ws of wb.worksheets) {
    for (const t of (ws as unknown as { getTables(): { table?: Loaded['model'] & { name?: string } }[] }).getTables()) {
      if (t.table?.name !== name) continue;
      const { start, end } = parseRange((t.table.tableRef ?? t.table.ref)!);
      const column = (header: string) => {
        for (let c = start.col; c <= end.col; c++) {
          if (headerKey(String(ws.getCell(start.row, c).value ?? '')) === headerKey(header)) return c;
        }
        throw new Error(`table ${name} has no column ${header}`);
      };
      return { ws, model: t.table, start, end, column };
    }
  }
  throw new Error(`no table ${name}`);
}

/** A copy of `src` at `dst` after `edit`. */
export async function editWorkbook(src: string, dst: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  edit(wb);
  await wb.xlsx.writeFile(dst);
}

/** Adds a row below table `name` (its last row + 1) holding `values` by header. */
export function appendRow(wb: ExcelJS.Workbook, name: string, values: Record<string, Value>): void {
  const t = table(wb, name);
  const row = t.end.row + 1;
  for (const [h, v] of Object.entries(values)) t.ws.getCell(row, t.column(h)).value = v;
  const grown = `${formatCell(t.start)}:${formatCell({ col: t.end.col, row })}`;
  t.model.tableRef = grown;
  if (t.model.ref !== undefined) t.model.ref = grown;
  if (t.model.autoFilterRef) t.model.autoFilterRef = grown;
}

/** Sets `header` of the row of table `name` whose first column is `key`. */
export function setCell(wb: ExcelJS.Workbook, name: string, key: string, header: string, value: Value): void {
  const t = table(wb, name);
  for (let r = t.start.row + 1; r <= t.end.row; r++) {
    if (String(t.ws.getCell(r, t.start.col).value) === key) {
      t.ws.getCell(r, t.column(header)).value = value;
      return;
    }
  }
  throw new Error(`table ${name} has no row ${key}`);
}

/** The value of `header` in the `k`-th data row (0-based) of table `name`. */
export function cellAt(wb: ExcelJS.Workbook, name: string, k: number, header: string): unknown {
  const t = table(wb, name);
  return t.ws.getCell(t.start.row + 1 + k, t.column(header)).value;
}

/** Sets `header` of the `k`-th data row (0-based) of table `name`; returns what the cell held. */
export function setCellAt(wb: ExcelJS.Workbook, name: string, k: number, header: string, value: Value): unknown {
  const t = table(wb, name);
  const cell = t.ws.getCell(t.start.row + 1 + k, t.column(header));
  const old = cell.value;
  cell.value = value;
  return old;
}

/** Clears every cell of the `k`-th data row (0-based) of table `name` (the table keeps the blank row). */
export function clearRow(wb: ExcelJS.Workbook, name: string, k: number): void {
  const t = table(wb, name);
  for (let c = t.start.col; c <= t.end.col; c++) t.ws.getCell(t.start.row + 1 + k, c).value = null;
}

/** A date cell value (UTC midnight, as Excel dates load). */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
