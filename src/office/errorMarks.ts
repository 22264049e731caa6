/// <reference types="office-js" />
/**
 * The cells input errors name, marked in the sheet itself with a highlight the pane can take off again: one
 * conditional format per cell (ExcelApi 1.6), whose rule holds for any value, remembered by its id. Nothing of
 * the user's is changed: no value, no format of theirs, and removing the marks leaves the sheet as it was.
 */
import { parseWhere } from '../input/a1';
import type { ExcelRun, XConditionalFormat } from './excelApi';

/** One highlighted cell. */
export interface ErrorMark {
  sheet: string;
  cell: string;
  /** The conditional format's id. */
  id: string;
}

/** Text no cell holds: "not equal to it" is true of every cell, blank ones included. */
const NEVER = '="\u2063LeaseWorkpapers error mark"';
export const ERROR_FILL = '#FFC7CE';
export const ERROR_FONT = '#9C0006';

/** Highlights each cell `wheres` names ("Leases!F7"); texts that name no cell or a missing sheet are skipped. */
export async function markErrorCells(run: ExcelRun, wheres: string[]): Promise<ErrorMark[]> {
  const targets = new Map<string, { sheet: string; cell: string }>();
  for (const w of wheres) {
    const t = parseWhere(w);
    if (t && !t.cell.includes(':')) targets.set(`${t.sheet}!${t.cell}`, t);
  }
  if (targets.size === 0) return [];
  return run(async (context) => {
    const sheets = new Map<string, ReturnType<typeof context.workbook.worksheets.getItemOrNullObject>>();
    for (const { sheet } of targets.values())
      if (!sheets.has(sheet)) sheets.set(sheet, context.workbook.worksheets.getItemOrNullObject(sheet));
    await context.sync();
    const added: { sheet: string; cell: string; format: XConditionalFormat }[] = [];
    for (const t of targets.values()) {
      const ws = sheets.get(t.sheet);
      if (!ws || ws.isNullObject) continue;
      const format = ws.getRange(t.cell).conditionalFormats.add('CellValue');
      format.cellValue.rule = { formula1: NEVER, operator: 'NotEqualTo' } as Excel.ConditionalCellValueRule;
      format.cellValue.format.fill.color = ERROR_FILL;
      format.cellValue.format.font.color = ERROR_FONT;
      format.load('id');
      added.push({ ...t, format });
    }
    await context.sync();
    return added.map((a) => ({ sheet: a.sheet, cell: a.cell, id: a.format.id }));
  });
}

/** Takes the highlights off (those already gone, with their sheet or by hand, are skipped). */
export async function clearErrorMarks(run: ExcelRun, marks: ErrorMark[]): Promise<void> {
  if (marks.length === 0) return;
  await run(async (context) => {
    const names = [...new Set(marks.map((m) => m.sheet))];
    const sheets = new Map(names.map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n)]));
    await context.sync();
    const present = marks.filter((m) => !sheets.get(m.sheet)!.isNullObject);
    const remove = (m: ErrorMark): void =>
      sheets.get(m.sheet)!.getRange(m.cell).conditionalFormats.getItem(m.id).delete();
    try {
      for (const m of present) remove(m);
      await context.sync();
    } catch {
      // One was removed already (by hand, or with its cells): take the others off one by one.
      for (const m of present) {
        remove(m);
        await context.sync().catch(() => undefined);
      }
    }
  });
}
