/**
 * Writing the workpapers into the workbook so that nothing is lost if the run fails or is cancelled:
 *
 * 1. Look: which sheets the add-in wrote last time (marked with the sheet-scoped name `LeaseWorkpapers_Output`),
 *    which are a user's own (no mark: never touched, even when named `Schedules`), and any staging sheets an
 *    interrupted run left behind (mark `LeaseWorkpapers_Staging`: deleted first).
 * 2. Write every output sheet into a new staging sheet, in requests under the byte and cell budget, with
 *    calculation and screen updating suspended for each. Formulas that point at another output sheet or table
 *    are written against its staging name; Excel follows the renames in step 3.
 * 3. Only when all of that is in: one request deletes the previous outputs, renames the staging sheets and tables
 *    to their final names, marks them as the add-in's, and puts them where the previous outputs were.
 *
 * A failure or a cancel before step 3 deletes the staging sheets and leaves the previous workpapers as they were.
 */
import { isNameFor, OUTPUT_MARK, outputSheetNames, TAKEN_SUFFIX } from '../workpapers/names';
import type { WorkpaperPlan } from '../workpapers/plan';
import type { ExcelRun, XRequestContext, XWorksheet } from './excelApi';
import { DEFAULT_BUDGET, RequestPacker, type RequestBudget, type RequestStats } from './requests';
import { planRowCount, planWidth, writeSheetPlan } from './sheetWriter';
import { usesDate1904 } from './dateSystem';

export { OUTPUT_MARK, TAKEN_SUFFIX };
export const STAGING_MARK = 'LeaseWorkpapers_Staging';

export class CancelledError extends Error {
  constructor() {
    super('Cancelled: the previous workpapers were left as they were.');
    this.name = 'CancelledError';
    Object.setPrototypeOf(this, CancelledError.prototype);
  }
}

export interface WriteProgress {
  /** Cells written so far and in all. */
  cellsDone: number;
  cellsTotal: number;
  requests: number;
}

export interface WriteOptions {
  budget?: RequestBudget;
  /** Whether the host has ExcelApi 1.9 (suspendScreenUpdatingUntilNextSync). */
  canSuspendScreenUpdating: boolean;
  /** Whether to write each sheet's print settings (ExcelApi 1.9 pageLayout); default: as canSuspendScreenUpdating. */
  pageLayout?: boolean;
  onProgress?: (progress: WriteProgress) => void;
  /** Checked after every request; true stops the run before anything replaces the previous outputs. */
  isCancelled?: () => boolean;
  /**
   * More for the request that swaps the outputs in, such as the Policies' Closed Through of a close: called once
   * every staging sheet is written (it may read and sync); what it returns is queued after the swap in the same
   * request, so no second request can fail between them, and a swap that fails stops it too.
   */
  withSwap?: (context: XRequestContext) => Promise<() => void>;
}

export interface WrittenSheet {
  /** The plan's name (Schedules, Journal Entries, ...). */
  role: string;
  /** The name it has in the workbook: the role, or the role + " (add-in)" when a user's sheet has that name. */
  name: string;
}

export interface WriteResult {
  sheets: WrittenSheet[];
  /** Previous outputs replaced. */
  replaced: string[];
  /** A user's sheets that have an output's name and were left alone. */
  userSheetsLeftAlone: string[];
  requests: number;
  largestRequestBytes: number;
}

interface SheetInfo {
  name: string;
  position: number;
  output: boolean;
  staging: boolean;
}

/** Each sheet with whether it carries the add-in's marks. */
export async function inspectSheets(context: XRequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/position');
  await context.sync();
  const marks = sheets.items.map((ws) => ({
    ws,
    output: ws.names.getItemOrNullObject(OUTPUT_MARK),
    staging: ws.names.getItemOrNullObject(STAGING_MARK),
  }));
  await context.sync();
  return marks.map(({ ws, output, staging }) => ({
    name: ws.name,
    position: ws.position,
    output: !output.isNullObject,
    staging: !staging.isNullObject,
  }));
}

const lower = (s: string): string => s.toLowerCase();

function randomTag(): string {
  return Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
}

/** Deletes staging sheets (this run's or an interrupted run's). Never touches any other sheet. */
export async function deleteStagingSheets(context: XRequestContext): Promise<number> {
  const info = await inspectSheets(context);
  const staging = info.filter((s) => s.staging && !s.output);
  for (const s of staging) context.workbook.worksheets.getItem(s.name).delete();
  if (staging.length > 0) await context.sync();
  return staging.length;
}

export async function writeWorkpapers(run: ExcelRun, plan: WorkpaperPlan, options: WriteOptions): Promise<WriteResult> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  let requests = 0;
  let largest = 0;
  try {
    return await run(async (context) => {
      // 1. Look.
      await deleteStagingSheets(context);
      const date1904 = await usesDate1904(context);
      const sheets = await inspectSheets(context);
      const tables = context.workbook.tables.load('items/name,items/worksheet/name');
      await context.sync();

      const roles = plan.sheets.map((s) => s.name);
      const replaced = new Map<string, SheetInfo>(); // role -> previous output
      for (const role of roles) {
        const prev = sheets.find((s) => s.output && isNameFor(role, s.name));
        if (prev) replaced.set(role, prev);
      }
      const replacedNames = new Set([...replaced.values()].map((s) => lower(s.name)));
      const staying = sheets.filter((s) => !replacedNames.has(lower(s.name)));
      const stayingNames = new Set(staying.map((s) => lower(s.name)));
      const userSheetsLeftAlone = staying
        .filter((s) => roles.some((r) => lower(r) === lower(s.name)))
        .map((s) => s.name);

      const finalNames = outputSheetNames(roles, stayingNames);
      const stayingTables = new Set(
        tables.items.filter((t) => !replacedNames.has(lower(t.worksheet.name))).map((t) => lower(t.name)),
      );
      const planTables = plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
      const finalTables = new Map<string, string>();
      for (const t of planTables) {
        let name = t;
        for (let k = 2; stayingTables.has(lower(name)); k++) name = `${t}_${k}`;
        finalTables.set(t, name);
      }

      const tag = randomTag();
      const stagingNames = new Map(roles.map((role, i) => [role, `LW staging ${tag} ${i + 1}`]));
      const stagingTables = new Map(planTables.map((t, i) => [t, `LW_staging_${tag}_${i + 1}`]));
      const renames = { sheets: stagingNames, tables: stagingTables };

      // 2. Write the staging sheets.
      const cellsTotal = plan.sheets.reduce((n, s) => n + planRowCount(s) * planWidth(s), 0);
      let cellsDone = 0;
      const packer = new RequestPacker(context, budget, {
        startRequest: (ctx) => {
          ctx.application.suspendApiCalculationUntilNextSync();
          if (options.canSuspendScreenUpdating) ctx.application.suspendScreenUpdatingUntilNextSync();
        },
        afterSync: (stats: RequestStats) => {
          requests++;
          largest = Math.max(largest, stats.bytes);
          options.onProgress?.({ cellsDone, cellsTotal, requests });
          if (options.isCancelled?.()) throw new CancelledError();
        },
      });

      const staged: { role: string; sheet: XWorksheet }[] = [];
      for (const sheetPlan of plan.sheets) {
        const stagingName = stagingNames.get(sheetPlan.name) as string;
        let sheet: XWorksheet | undefined;
        await packer.add(400, 0, () => {
          sheet = context.workbook.worksheets.add(stagingName);
          sheet.names.add(
            STAGING_MARK,
            sheet.getRange('A1'),
            'Lease Workpapers: being written; deleted if the run stops',
          );
        });
        const ws = sheet as XWorksheet;
        staged.push({ role: sheetPlan.name, sheet: ws });
        await writeSheetPlan(packer, ws, sheetPlan, {
          budget,
          renames,
          tableName: (name) => stagingTables.get(name) ?? name,
          pageLayout: options.pageLayout ?? options.canSuspendScreenUpdating,
          date1904,
          onChunk: (chunk) => {
            cellsDone += chunk.cells;
          },
        });
      }
      await packer.flush();
      if (options.isCancelled?.()) throw new CancelledError();

      // 3. Replace the previous outputs in one request.
      const alsoQueue = options.withSwap ? await options.withSwap(context) : null;
      const firstPosition = replaced.size > 0 ? Math.min(...[...replaced.values()].map((s) => s.position)) : -1;
      for (const prev of replaced.values()) context.workbook.worksheets.getItem(prev.name).delete();
      staged.forEach(({ role, sheet }) => {
        sheet.name = finalNames.get(role) as string;
        sheet.names.getItemOrNullObject(STAGING_MARK).delete();
        sheet.names.add(
          OUTPUT_MARK,
          sheet.getRange('A1'),
          'Lease Workpapers: written by the add-in and replaced on each run',
        );
      });
      for (const [planName, stagingName] of stagingTables) {
        context.workbook.tables.getItem(stagingName).name = finalTables.get(planName) as string;
      }
      if (firstPosition >= 0) staged.forEach(({ sheet }, i) => (sheet.position = firstPosition + i));
      staged[0]?.sheet.activate();
      alsoQueue?.();
      await context.sync();
      requests++;

      return {
        sheets: staged.map(({ role }) => ({ role, name: finalNames.get(role) as string })),
        replaced: [...replaced.values()].map((s) => s.name),
        userSheetsLeftAlone,
        requests,
        largestRequestBytes: largest,
      };
    });
  } catch (error) {
    // Leave the previous outputs as they were: remove what this run staged (best effort; the next run retries).
    try {
      await run(async (context) => {
        await deleteStagingSheets(context);
      });
    } catch {
      /* the next run deletes them */
    }
    throw error;
  }
}
