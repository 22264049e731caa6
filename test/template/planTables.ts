/** Test helper: read the tables of sheet plans back as the adapters would hand them over. */
import { parseRange } from '../../src/input/a1';
import type { GridValue, TableGrid, WorkbookTables } from '../../src/input/grid';
import type { SheetPlan } from '../../src/workpapers/plan';

export function planTables(sheets: SheetPlan[]): WorkbookTables {
  const tables: TableGrid[] = [];
  for (const s of sheets) {
    for (const t of s.tables ?? []) {
      const r = parseRange(t.range);
      const cell = (row: number, col: number) => s.rows[row - 1]?.[col - 1] ?? null;
      const headers: string[] = [];
      for (let c = r.start.col; c <= r.end.col; c++) headers.push(String(cell(r.start.row, c)?.value ?? ''));
      const rows = [];
      for (let row = r.start.row + 1; row <= r.end.row; row++) {
        const cells = [];
        for (let c = r.start.col; c <= r.end.col; c++) {
          const pc = cell(row, c);
          cells.push({ value: (pc?.value ?? null) as GridValue, numberFormat: pc?.numberFormat });
        }
        rows.push(cells);
      }
      tables.push({ name: t.name, sheet: s.name, topLeft: t.range.split(':')[0], headers, rows });
    }
  }
  return { tables };
}
