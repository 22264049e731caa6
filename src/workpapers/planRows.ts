/**
 * Walking a sheet plan's rows, for adapters that write in chunks (Office.js limits a request's size): the fixed
 * `rows` from row 1, then every block's rows, produced on demand. Pure.
 */
import type { PlanCell, SheetPlan } from './plan';

export interface PlanRow {
  /** 1-based sheet row. */
  row: number;
  cells: (PlanCell | null)[];
  /** The number format of each column for block rows (a cell's own numberFormat wins). */
  columnFormats?: (string | undefined)[];
}

/** Every row of the sheet in order, empty rows of `rows` included. */
export function* planRows(sheet: SheetPlan): Generator<PlanRow> {
  for (let i = 0; i < sheet.rows.length; i++) yield { row: i + 1, cells: sheet.rows[i] };
  for (const b of sheet.blocks ?? []) {
    for (let i = 0; i < b.rowCount; i++) yield { row: b.firstRow + i, cells: b.row(i), columnFormats: b.columnFormats };
  }
}

/** Rows in chunks of at most `size` consecutive rows (a chunk never mixes `rows` and a block). */
export function* planRowChunks(sheet: SheetPlan, size: number): Generator<PlanRow[]> {
  let chunk: PlanRow[] = [];
  for (const r of planRows(sheet)) {
    const last = chunk[chunk.length - 1];
    if (chunk.length >= size || (last && (last.row + 1 !== r.row || last.columnFormats !== r.columnFormats))) {
      yield chunk;
      chunk = [];
    }
    chunk.push(r);
  }
  if (chunk.length > 0) yield chunk;
}

/** The last row a sheet plan writes. */
export function planLastRow(sheet: SheetPlan): number {
  let last = sheet.rows.length;
  for (const b of sheet.blocks ?? []) if (b.rowCount > 0) last = Math.max(last, b.firstRow + b.rowCount - 1);
  return last;
}
