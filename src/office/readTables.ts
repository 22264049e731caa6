/**
 * Reading every table (ListObject) of the workbook as cell grids for the pure input reader: values and number
 * formats (Office.js gives a date as a serial number; its format says it is a date; a 1904 workbook's dates are
 * moved to the 1900 system), in row chunks that keep each response within the budget.
 */
import type { GridCell, GridValue, TableGrid, WorkbookTables } from '../input/grid';
import { columnLetters, parseWhere } from '../input/a1';
import type { ExcelRun, XRange } from './excelApi';
import { DEFAULT_BUDGET, type RequestBudget } from './requests';
import { usesDate1904 } from './dateSystem';
import { readIn1900 } from '../input/dateSystem';

/** Bytes a cell's value and number format take in a response, for sizing read chunks (generous). */
const BYTES_PER_CELL = 48;

function splitAddress(address: string): { sheet: string; r0: number; c0: number; r1: number; c1: number } {
  const where = parseWhere(address);
  if (!where) throw new Error(`unexpected table address ${address}`);
  const [a, b = a] = where.cell.split(':');
  const cell = (s: string): { r: number; c: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(s) as RegExpExecArray;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const p = cell(a);
  const q = cell(b);
  return { sheet: where.sheet, r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

function gridValue(v: unknown): GridValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export async function readWorkbookTables(
  run: ExcelRun,
  budget: RequestBudget = DEFAULT_BUDGET,
): Promise<WorkbookTables> {
  return run(async (context) => {
    const workbook = context.workbook.load('name');
    const tables = context.workbook.tables.load('items/name');
    await context.sync();
    const date1904 = await usesDate1904(context);
    const shapes = tables.items.map((t) => ({ table: t, range: t.getRange().load('address') }));
    await context.sync();

    const result: TableGrid[] = [];
    for (const { table, range } of shapes) {
      const a = splitAddress(range.address);
      const columns = a.c1 - a.c0 + 1;
      const rowsPerRead = Math.max(
        1,
        Math.min(Math.floor(budget.bytes / (BYTES_PER_CELL * columns)), Math.floor(budget.cells / columns)),
      );
      const sheet = context.workbook.worksheets.getItem(a.sheet);
      const parts: XRange[] = [];
      let pendingCells = 0;
      const values: unknown[][] = [];
      const formats: unknown[][] = [];
      const drain = async (): Promise<void> => {
        await context.sync();
        for (const p of parts) {
          values.push(...p.values);
          formats.push(...p.numberFormat);
        }
        parts.length = 0;
        pendingCells = 0;
      };
      for (let r = a.r0; r <= a.r1; r += rowsPerRead) {
        const last = Math.min(a.r1, r + rowsPerRead - 1);
        const cells = (last - r + 1) * columns;
        if (pendingCells > 0 && pendingCells + cells > budget.cells) await drain();
        parts.push(
          sheet
            .getRange(`${columnLetters(a.c0 + 1)}${r + 1}:${columnLetters(a.c1 + 1)}${last + 1}`)
            .load('values,numberFormat'),
        );
        pendingCells += cells;
      }
      await drain();
      const headers = (values[0] ?? []).map((h, i) => (h === '' || h === null ? `Column${i + 1}` : String(h)));
      const rows: GridCell[][] = values.slice(1).map((row, i) =>
        row.map((v, j) => {
          const nf = formats[i + 1]?.[j];
          const format = typeof nf === 'string' && nf !== 'General' ? nf : undefined;
          // A 1904 workbook's dates, counted as the 1900 system counts them.
          const cell: GridCell = { value: readIn1900(gridValue(v), format, date1904) };
          if (format !== undefined) cell.numberFormat = format;
          return cell;
        }),
      );
      result.push({
        name: table.name,
        sheet: a.sheet,
        topLeft: `${columnLetters(a.c0 + 1)}${a.r0 + 1}`,
        headers,
        rows,
      });
    }
    return { tables: result, source: workbook.name };
  });
}
