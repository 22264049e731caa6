/**
 * A faithful in-memory Excel for tests and the playground: `excel.run(async (context) => ...)` behaves like
 * `Excel.run` for the subset of Office.js the add-in uses (see ../excelApi.ts), with load/sync semantics,
 * requirement-set checks, Excel-on-the-web request size limits, and a workbook that can be inspected directly.
 * Pure and browser-safe: no Node APIs.
 */
import type { CellValue, ExcelRun, XRequestContext, XTableChangedEventArgs } from '../excelApi';
import {
  compareVersions,
  MemoryRequestContext,
  REQUIREMENT_SETS,
  type Host,
  type RequestRecord,
} from './requestContext';
import { enter } from './coerce';
import { ExcelError } from './errors';
import { FormulaEngine, XlErr } from './formula';
import { parseAddress, type Rect, type SheetModel, WorkbookModel } from './model';

export { ExcelError } from './errors';
export type { RequestRecord } from './requestContext';
export { REQUIREMENT_SETS, compareVersions } from './requestContext';
export { WorkbookModel, SheetModel, parseAddress, formatAddress } from './model';

/** Excel on the web rejects a request (and a response) over 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface MemoryExcelOptions {
  /** The highest ExcelApi requirement set the simulated host supports (default 1.17, like current Excel on the web). */
  apiVersion?: string;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  workbookName?: string;
  /**
   * How long `context.sync()` takes: 'microtask' (default, fast tests) or 'task' (a real round trip: the page
   * repaints and handles clicks between requests, as with Excel; the playground).
   */
  roundTrip?: 'microtask' | 'task';
  /** The workbook counts dates in the 1904 date system (a workbook from Excel for Mac or Numbers). */
  date1904?: boolean;
}

/** A cell as the grid and tests see it. */
export interface CellView {
  value: CellValue | null;
  formula?: string;
  numberFormat: string;
  bold: boolean;
}

export class MemoryExcel implements Host {
  readonly model = new WorkbookModel();
  readonly formulas = new FormulaEngine(this.model);
  readonly apiVersion: string;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** Every request sent, in order (failed ones carry `error`). */
  readonly requests: RequestRecord[] = [];
  /** Every API member with a requirement set above 1.3 that code touched. */
  readonly apisUsed = new Set<string>();
  /** Fault injection: return an error to fail the request before any of it runs. */
  failRequest: ((record: RequestRecord) => ExcelError | null) | null = null;
  private listeners: (() => void)[] = [];
  private tableHandlers: ((args: XTableChangedEventArgs) => Promise<unknown>)[] = [];
  private readonly roundTripKind: 'microtask' | 'task';

  constructor(options: MemoryExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.requestLimitBytes = options.requestLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.responseLimitBytes = options.responseLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.model.name = options.workbookName ?? 'Book1.xlsx';
    this.model.date1904 = options.date1904 ?? false;
    this.roundTripKind = options.roundTrip ?? 'microtask';
  }

  async calculateBefore(sheet: SheetModel, rect: Rect): Promise<void> {
    if (this.roundTripKind !== 'task' || !sheet.hasFormulaIn(rect)) return;
    await this.formulas.calculateAll(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  roundTrip(): Promise<void> {
    return this.roundTripKind === 'task' ? new Promise((resolve) => setTimeout(resolve, 0)) : Promise.resolve();
  }

  addTableChangedHandler(handler: (args: XTableChangedEventArgs) => Promise<unknown>): () => void {
    this.tableHandlers.push(handler);
    return () => {
      this.tableHandlers = this.tableHandlers.filter((h) => h !== handler);
    };
  }

  /** Raises TableCollection.onChanged for an edit of `rect` on `sheet` inside a table (after the edit, as Excel does). */
  private tableEdited(sheet: SheetModel, r0: number, c0: number, address: string): void {
    for (const t of this.model.tables) {
      if (t.sheet !== sheet || r0 < t.rect.r0 || r0 > t.rect.r1 || c0 < t.rect.c0 || c0 > t.rect.c1) continue;
      const args: XTableChangedEventArgs = {
        tableId: String(t.id),
        worksheetId: sheet.id,
        address,
        changeType: 'RangeEdited',
        source: 'Local',
      };
      for (const h of this.tableHandlers) setTimeout(() => void h(args).catch(() => undefined), 0);
    }
  }

  /** Like Excel.run: a fresh request context, and a final sync of whatever the batch left queued. */
  readonly run: ExcelRun = async <T>(batch: (context: XRequestContext) => Promise<T>): Promise<T> => {
    const context = new MemoryRequestContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };

  /** Office.context.requirements.isSetSupported for this host. */
  isSetSupported(name: string, version = '1.1'): boolean {
    return name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;
  }

  /** The highest requirement set among the members used so far. */
  highestRequirementUsed(): string {
    let best = '1.1';
    for (const api of this.apisUsed) {
      const set = REQUIREMENT_SETS[api];
      if (set && compareVersions(set, best) > 0) best = set;
    }
    return best;
  }

  beforeRequest(record: RequestRecord): ExcelError | null {
    return this.failRequest ? this.failRequest({ ...record, index: this.requests.length + 1 }) : null;
  }
  record(record: RequestRecord): RequestRecord {
    record.index = this.requests.length + 1;
    this.requests.push(record);
    return record;
  }
  apiUsed(api: string): void {
    this.apisUsed.add(api);
  }
  changed(): void {
    for (const l of this.listeners) l();
  }
  /** Called after every request and every direct edit (the playground redraws). Returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  // ---------------------------------------------------------------- direct access (tests, the playground grid)

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  private sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new ExcelError('ItemNotFound', `No sheet named "${name}".`);
    return s;
  }

  addSheet(name: string): void {
    this.model.addSheet(name);
    this.changed();
  }

  /** A cell's value (formulas evaluated), formula, number format and boldness. */
  cell(sheetName: string, address: string): CellView {
    const s = this.sheet(sheetName);
    const { r0, c0 } = parseAddress(address);
    const v = this.formulas.cellValue(s, r0, c0);
    const formula = s.formula(r0, c0);
    return {
      value: v instanceof XlErr ? v.code : v,
      ...(formula !== undefined ? { formula } : {}),
      numberFormat: s.numberFormat(r0, c0),
      bold: s.bold(r0, c0),
    };
  }

  /** Types into a cell as a person would (the same rules as writing `values`). */
  type(sheetName: string, address: string, input: string): void {
    const s = this.sheet(sheetName);
    const { r0, c0 } = parseAddress(address);
    const row = s.row(r0, true);
    const entered = enter(input, row.nf[c0], this.model.dayZeroAfter1900());
    row.v[c0] = entered.kind === 'value' ? entered.value : undefined;
    row.f[c0] = entered.kind === 'formula' ? entered.formula : undefined;
    if (entered.kind === 'value' && entered.numberFormat && row.nf[c0] === undefined) row.nf[c0] = entered.numberFormat;
    this.model.touch();
    this.changed();
    this.tableEdited(s, r0, c0, address);
  }

  /** Selects a cell (what the person clicked). */
  select(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    this.model.selection = { sheet: s, rect: parseAddress(address) };
    this.model.activeSheet = s;
    this.changed();
  }

  activate(sheetName: string): void {
    this.model.activeSheet = this.sheet(sheetName);
    this.changed();
  }

  /** Everything written on a sheet, for comparing before and after (values as stored: formulas unevaluated). */
  snapshot(sheetName: string): string {
    const s = this.sheet(sheetName);
    const rows = [...s.rows.entries()].sort((a, b) => a[0] - b[0]);
    return JSON.stringify({
      name: s.name,
      id: s.id,
      rows,
      widths: [...s.columnWidths.entries()],
      frozen: s.frozenRows,
      tab: s.tabColor,
      names: s.names,
      validations: s.validations,
      tables: this.model.tables
        .filter((t) => t.sheet === s)
        .map((t) => ({ name: t.name, rect: t.rect, style: t.style })),
    });
  }

  /** The used area of a sheet as rows of displayed values (formulas evaluated). */
  usedValues(sheetName: string): (CellValue | null)[][] {
    const s = this.sheet(sheetName);
    const rect = s.usedRect(true);
    if (!rect) return [];
    const out: (CellValue | null)[][] = [];
    for (let r = 0; r <= rect.r1; r++) {
      const line: (CellValue | null)[] = [];
      for (let c = 0; c <= rect.c1; c++) {
        const v = this.formulas.cellValue(s, r, c);
        line.push(v instanceof XlErr ? v.code : v);
      }
      out.push(line);
    }
    return out;
  }
}
