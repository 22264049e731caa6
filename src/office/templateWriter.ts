/**
 * "Create template": writes the input tables (Leases, LeasePayments, LeaseModifications, Policies) from the
 * template's sheet plans, never over existing data: a table that already exists anywhere in the workbook is left
 * as it is, and a sheet name that is already used by a sheet with content gets " (2)", " (3)", ...
 */
import { usesDate1904 } from './dateSystem';
import type { SheetPlan } from '../workpapers/plan';
import type { ExcelRun, XWorksheet } from './excelApi';
import { DEFAULT_BUDGET, RequestPacker, type RequestBudget } from './requests';
import { writeSheetPlan } from './sheetWriter';

export interface TemplateResult {
  /** Tables written, with the sheet each is on. */
  created: { table: string; sheet: string }[];
  /** Tables that already existed (left untouched), with their sheet. */
  existing: { table: string; sheet: string }[];
}

export async function createTemplate(
  run: ExcelRun,
  plans: SheetPlan[],
  budget: RequestBudget = DEFAULT_BUDGET,
): Promise<TemplateResult> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name,items/worksheet/name');
    await context.sync();
    const date1904 = await usesDate1904(context);
    const used = sheets.items.map((ws) => ({ name: ws.name, used: ws.getUsedRangeOrNullObject(true) }));
    await context.sync();
    const lower = (s: string): string => s.toLowerCase();
    const names = new Set(sheets.items.map((ws) => lower(ws.name)));
    const empty = new Set(used.filter((u) => u.used.isNullObject).map((u) => lower(u.name)));
    const existingTables = new Map(
      tables.items.map((t) => [lower(t.name), { table: t.name, sheet: t.worksheet.name }]),
    );

    const result: TemplateResult = { created: [], existing: [] };
    const packer = new RequestPacker(context, budget);
    let first: XWorksheet | null = null;
    for (const plan of plans) {
      const planTables = (plan.tables ?? []).map((t) => t.name);
      const found = planTables.map((t) => existingTables.get(lower(t))).filter((t) => t !== undefined);
      if (found.length > 0) {
        result.existing.push(...found);
        continue;
      }
      let sheet: XWorksheet;
      let name = plan.name;
      if (names.has(lower(name)) && empty.has(lower(name))) {
        sheet = context.workbook.worksheets.getItem(name);
        empty.delete(lower(name));
      } else {
        for (let k = 2; names.has(lower(name)); k++) name = `${plan.name} (${k})`;
        const sheetName = name;
        let added: XWorksheet | undefined;
        await packer.add(300, 0, () => {
          added = context.workbook.worksheets.add(sheetName);
        });
        sheet = added as XWorksheet;
        names.add(lower(name));
      }
      first ??= sheet;
      await writeSheetPlan(packer, sheet, plan, { budget, date1904 });
      result.created.push(...planTables.map((table) => ({ table, sheet: name })));
    }
    if (first) {
      const ws = first;
      await packer.add(200, 0, () => ws.activate());
    }
    await packer.flush();
    return result;
  });
}
