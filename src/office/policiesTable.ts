/**
 * The Policies table (Setting / Value) read and written in place: a changed value goes into its own row's Value
 * cell; a setting the table lacks is added as a new row. Nothing else on the sheet is touched.
 */
import { columnLetters } from '../input/a1';
import { headerKey } from '../input/values';
import { sameSetting } from '../input/settingNames';
import { quoteText } from './cellInput';
import type { CellValue, ExcelRun, XRequestContext } from './excelApi';
import { splitAddress } from './formulaRefs';
import { usesDate1904 } from './dateSystem';
import { readIn1900, writeIn } from '../input/dateSystem';

export interface PolicyRow {
  setting: string;
  value: CellValue | null;
  numberFormat: string;
}

export interface PoliciesRead {
  /** Null when the workbook has no Policies table. */
  table: { sheet: string; address: string } | null;
  rows: PolicyRow[];
}

export interface PolicyChange {
  setting: string;
  value: CellValue | null;
  /** Number format for the Value cell (e.g. "yyyy-mm-dd" for a date written as a serial). */
  numberFormat?: string;
}

export const POLICIES_TABLE = 'Policies';

export async function readPolicies(run: ExcelRun): Promise<PoliciesRead> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(POLICIES_TABLE);
    await context.sync();
    if (table.isNullObject) return { table: null, rows: [] };
    const date1904 = await usesDate1904(context);
    const range = table.getRange().load('address,values,numberFormat');
    await context.sync();
    const [header, ...body] = range.values;
    const si = header.findIndex((h) => headerKey(String(h)) === 'setting');
    const vi = header.findIndex((h) => headerKey(String(h)) === 'value');
    if (si < 0 || vi < 0) return { table: { sheet: '', address: range.address }, rows: [] };
    const rows = body
      .map((row, i) => {
        const numberFormat = String(range.numberFormat[i + 1]?.[vi] ?? 'General');
        const value = row[vi] === '' ? null : readIn1900(row[vi] as CellValue, numberFormat, date1904);
        return { setting: String(row[si] ?? '').trim(), value, numberFormat };
      })
      .filter((r) => r.setting !== '');
    const sheet = splitAddress(range.address).sheet ?? '';
    return { table: { sheet, address: range.address }, rows };
  });
}

function input(value: CellValue | null): CellValue {
  if (value === null) return '';
  return typeof value === 'string' ? quoteText(value) : value;
}

/** Writes the changed settings. The Policies table must exist (Create template makes it). */
export async function writePolicies(run: ExcelRun, changes: PolicyChange[]): Promise<void> {
  if (changes.length === 0) return;
  await run(async (context) => {
    const queue = await preparePolicyChanges(context, changes);
    queue();
    await context.sync();
  });
}

/**
 * Reads the Policies table (one round trip) and returns what queues the changed settings' writes, for the caller
 * to sync: so that a change can ride in another request, such as the one that swaps in a closed period's Posted
 * Balances.
 */
export async function preparePolicyChanges(context: XRequestContext, changes: PolicyChange[]): Promise<() => void> {
  const table = context.workbook.tables.getItem(POLICIES_TABLE);
  const range = table.getRange().load('address,values,rowIndex,columnIndex');
  const ws = table.worksheet;
  await context.sync();
  const date1904 = await usesDate1904(context);
  const [header, ...body] = range.values;
  const si = header.findIndex((h) => headerKey(String(h)) === 'setting');
  const vi = header.findIndex((h) => headerKey(String(h)) === 'value');
  if (si < 0 || vi < 0) throw new Error('The Policies table needs a Setting and a Value column.');
  const stored = (change: PolicyChange): CellValue => input(writeIn(change.value, change.numberFormat, date1904));
  const valueCell = (dataRow: number) =>
    ws.getRange(`${columnLetters(range.columnIndex + vi + 1)}${range.rowIndex + dataRow + 2}`);
  return () => {
    const added: { row: CellValue[]; numberFormat?: string }[] = [];
    for (const change of changes) {
      const at = body.findIndex((row) => sameSetting(String(row[si] ?? ''), change.setting));
      if (at >= 0) {
        const cell = valueCell(at);
        if (change.numberFormat) cell.numberFormat = [[change.numberFormat]];
        cell.values = [[stored(change)]];
      } else {
        const row: CellValue[] = header.map(() => '');
        row[si] = quoteText(change.setting);
        row[vi] = stored(change);
        added.push({ row, numberFormat: change.numberFormat });
      }
    }
    if (added.length > 0) {
      table.rows.add(
        undefined,
        added.map((a) => a.row),
      );
      // A new row's date shows as a date, as a changed row's does.
      added.forEach((a, k) => {
        if (a.numberFormat) valueCell(body.length + k).numberFormat = [[a.numberFormat]];
      });
    }
  };
}
