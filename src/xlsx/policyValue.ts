/**
 * Setting one value in the input workbook's `Policies` table while copying it (the command line's `close` records
 * Closed Through there). The row whose Setting names it (the one setting-name normaliser, src/input) gets the value;
 * with no such row, the first blank row of the table is used, else a row is added below the table when that row
 * is empty in the table's columns. Nothing else of the user's is touched.
 */
import type ExcelJS from 'exceljs';
import { formatCell, parseRange } from '../input/a1';
import { findPolicySetting } from '../input/settingNames';
import { headerKey } from '../input/values';
import { gridValue } from './readTables';

export interface PolicyValue {
  /** The setting as the template spells it ("Closed Through"). */
  setting: string;
  value: Date | string | number;
  numberFormat?: string;
}

interface LoadedTable {
  table?: { name?: string; tableRef?: string; ref?: string };
}

/** Sets the policy in `wb`; returns a plain-words problem when the workbook has no Policies table to hold it. */
export function setPolicyValue(wb: ExcelJS.Workbook, policy: PolicyValue): string | null {
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { getTables(): LoadedTable[] }).getTables();
    for (const t of tables) {
      const model = t.table;
      if (!model || (model.name ?? '').toLowerCase() !== 'policies') continue;
      const ref = model.tableRef ?? model.ref;
      if (!ref) continue;
      const { start, end } = parseRange(ref);
      const header = (c: number) => headerKey(String(gridValue(ws.getCell(start.row, c).value) ?? ''));
      let settingCol = 0;
      let valueCol = 0;
      for (let c = start.col; c <= end.col; c++) {
        if (header(c) === 'setting') settingCol = c;
        if (header(c) === 'value') valueCol = c;
      }
      if (!settingCol || !valueCol) return 'the Policies table has no Setting and Value columns';
      const wanted = findPolicySetting(policy.setting);
      let row = 0;
      let blank = 0;
      for (let r = start.row + 1; r <= end.row; r++) {
        const name = gridValue(ws.getCell(r, settingCol).value);
        if (name === null || String(name).trim() === '') {
          if (!blank) blank = r;
          continue;
        }
        if (findPolicySetting(String(name)) === wanted) row = r;
      }
      if (!row && blank) row = blank;
      if (!row) {
        row = end.row + 1;
        for (let c = start.col; c <= end.col; c++) {
          if (gridValue(ws.getCell(row, c).value) !== null) {
            return `the Policies table has no ${policy.setting} row and the row below it (${formatCell({ col: start.col, row })}) is in use; add a ${policy.setting} row to the table`;
          }
        }
        const grown = `${formatCell(start)}:${formatCell({ col: end.col, row })}`;
        model.tableRef = grown;
        if (model.ref !== undefined) model.ref = grown;
        const auto = model as { autoFilterRef?: string };
        if (auto.autoFilterRef) auto.autoFilterRef = grown;
      }
      ws.getCell(row, settingCol).value = policy.setting;
      const cell = ws.getCell(row, valueCol);
      cell.value = policy.value;
      if (policy.numberFormat) cell.numFmt = policy.numberFormat;
      return null;
    }
  }
  return 'the workbook has no Policies table to record it in';
}
