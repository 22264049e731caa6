/**
 * The Tie-Out sheet's verdicts as Excel computed them: the check table is the block under the header row that
 * starts "No." and has a "Result" column; each check row's Result is PASS or FAIL.
 */
import type { ExcelRun } from './excelApi';

export interface CheckRow {
  /** 1-based sheet row of the check. */
  row: number;
  /** The check's number and what it compares ("12 Liability at the Reporting Date ties to the Disclosures"). */
  label: string;
}

export interface CheckResults {
  passed: number;
  total: number;
  /** The rows whose Result is not PASS. */
  failing: CheckRow[];
}

export async function readCheckResults(run: ExcelRun, sheetName: string): Promise<CheckResults> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) return { passed: 0, total: 0, failing: [] };
    const used = sheet.getUsedRangeOrNullObject(true).load('values,rowIndex');
    await context.sync();
    if (used.isNullObject) return { passed: 0, total: 0, failing: [] };
    return countChecks(used.values, used.rowIndex);
  });
}

/** Pure: counts PASS/FAIL in the Result column of the check table (`firstRowIndex`: the 0-based row of values[0]). */
export function countChecks(values: unknown[][], firstRowIndex = 0): CheckResults {
  const header = values.findIndex((row) => String(row[0] ?? '').trim() === 'No.' && row.some((v) => v === 'Result'));
  if (header < 0) return { passed: 0, total: 0, failing: [] };
  const col = values[header].findIndex((v) => v === 'Result');
  let passed = 0;
  let total = 0;
  const failing: CheckRow[] = [];
  for (let r = header + 1; r < values.length; r++) {
    const first = values[r][0];
    if (first === '' || first === null || first === undefined) break;
    const verdict = values[r][col];
    if (verdict === 'PASS') passed++;
    else failing.push({ row: firstRowIndex + r + 1, label: `${String(first)} ${String(values[r][1] ?? '')}`.trim() });
    total++;
  }
  return { passed, total, failing };
}
