import { planLastRow, planRowChunks, planRows } from '../../src/workpapers/planRows';
import type { SheetPlan } from '../../src/workpapers/plan';

const sheet: SheetPlan = {
  name: 'S',
  rows: [[{ value: 'head' }], []],
  blocks: [{ firstRow: 3, rowCount: 5, columnFormats: ['0'], row: (i) => [{ value: i }] }],
};

describe('planRows', () => {
  it('walks the fixed rows, then the block rows, with their sheet row numbers', () => {
    expect([...planRows(sheet)].map((r) => [r.row, r.cells[0]?.value ?? null])).toEqual([
      [1, 'head'],
      [2, null],
      [3, 0],
      [4, 1],
      [5, 2],
      [6, 3],
      [7, 4],
    ]);
    expect(planLastRow(sheet)).toBe(7);
  });

  it('chunks consecutive rows, never mixing fixed rows and block rows', () => {
    expect([...planRowChunks(sheet, 2)].map((c) => c.map((r) => r.row))).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    expect([...planRowChunks(sheet, 100)].map((c) => c.length)).toEqual([2, 5]);
  });
});
