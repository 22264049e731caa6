/**
 * The Tie-Out sheet's verdicts as Excel computed them: the check table is the block under the header row that
 * starts "No." and has a "Result" column; each check row's Result is PASS or FAIL.
 */
import type { ExcelRun } from './excelApi';

export interface CheckResults {
  passed: number;
  total: number;
}

export async function readCheckResults(run: ExcelRun, sheetName: string): Promise<CheckResults> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return { passed: 0, total: 0 };
    const used = sheet.getUsedRangeOrNullObject(true).load('values');
    await context.sync();
    if (used.isNullObject) return { passed: 0, total: 0 };
    return countChecks(used.values);
  });
}

/** Pure: counts PASS/FAIL in the Result column of the check table. */
export function countChecks(values: unknown[][]): CheckResults {
  const header = values.findIndex((row) => String(row[0] ?? '').trim() === 'No.' && row.some((v) => v === 'Result'));
  if (header < 0) return { passed: 0, total: 0 };
  const col = values[header].findIndex((v) => v === 'Result');
  let passed = 0;
  let total = 0;
  for (let r = header + 1; r < values.length; r++) {
    const first = values[r][0];
    if (first === '' || first === null || first === undefined) break;
    const verdict = values[r][col];
    if (verdict === 'PASS') passed++;
    total++;
  }
  return { passed, total };
}
