/** Clicking an input error: go to its sheet and select its cell ("Leases!F7", "'Lease data'!B3"). */
import { parseWhere } from '../input/a1';
import type { ExcelRun } from './excelApi';

/** Selects the cell an error names; returns false when the text names no cell (e.g. "Workbook"). */
export async function selectWhere(run: ExcelRun, where: string): Promise<boolean> {
  const target = parseWhere(where);
  if (!target) return false;
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(target.sheet);
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.activate();
    sheet.getRange(target.cell).select();
    await context.sync();
    return true;
  });
}
