/// <reference types="office-js" />
/**
 * The request context of the in-memory Excel: queues the proxies' commands and runs them on `sync()` as one
 * request, counting its JSON size against the host's limit, with the requirement-set checks (ApiNotFound).
 */
import type { XRequestContext, XTableChangedEventArgs } from '../excelApi';
import { ExcelError } from './errors';
import { FormulaEngine } from './formula';
import type { Rect, SheetModel, WorkbookModel } from './model';
import { MemoryApplication } from './application';
import { MemoryWorkbook } from './workbook';

/** The ExcelApi requirement set of each member the in-memory Excel checks (from @types/office-js). */
export const REQUIREMENT_SETS: Record<string, string> = {
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  'Application.suspendScreenUpdatingUntilNextSync': '1.9',
  'Workbook.name': '1.7',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'Worksheet.names': '1.4',
  'Worksheet.freezePanes': '1.7',
  'Worksheet.tabColor': '1.7',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'RangeFormat.columnWidth': '1.2',
  'Range.dataValidation': '1.8',
  'Range.conditionalFormats': '1.6',
  'Table.worksheet': '1.2',
  'TableCollection.getItemOrNullObject': '1.4',
  'TableCollection.onChanged': '1.7',
  'NamedItemCollection.add': '1.4',
  'NamedItemCollection.getItemOrNullObject': '1.4',
  'NamedItem.delete': '1.4',
};

export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

export interface RequestRecord {
  /** 1-based, across the whole session of the in-memory Excel. */
  index: number;
  /** UTF-8 size of the request's JSON (every queued command with its arguments). */
  bytes: number;
  responseBytes: number;
  commands: number;
  /** Each command's operation and target ("load functions.date(2000,1,1)"), for tests that pick a request. */
  operations: string[];
  /** Cells given values, formulas or number formats by this request. */
  cellsWritten: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  error?: string;
}

/** What the in-memory Excel needs from its owner while a request runs. */
export interface Host {
  readonly model: WorkbookModel;
  readonly formulas: FormulaEngine;
  readonly apiVersion: string;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** Called before a request runs: return an error to make it fail (fault injection for tests). */
  beforeRequest(record: RequestRecord): ExcelError | null;
  record(record: RequestRecord): RequestRecord;
  apiUsed(api: string): void;
  changed(): void;
  /**
   * Excel's recalculation before the formula results in `rect` of `sheet` are read: when a round trip is a
   * task, done in slices so the page keeps repainting; otherwise nothing (results are computed when read).
   */
  calculateBefore(sheet: SheetModel, rect: Rect): Promise<void>;
  /** Waits as long as a round trip to Excel takes (a microtask, or a task so that a page can repaint). */
  roundTrip(): Promise<void>;
  /** Registers a table change handler (TableCollection.onChanged); returns its removal. */
  addTableChangedHandler(handler: (args: XTableChangedEventArgs) => Promise<unknown>): () => void;
}

export interface Command {
  op: string;
  target: string;
  args?: unknown;
  cells?: number;
  /** Work Excel does before the request runs (recalculation before values are read). */
  prepare?: () => Promise<void>;
  run: () => void;
  /**
   * Neither reads nor writes any formula (renames, moves, names, activation): formula rewrites owed to renames
   * earlier in the request may wait until after it, so a run of renames rewrites the workbook's formulas once.
   */
  formulaFree?: boolean;
}

export const encoder = new TextEncoder();

/** UTF-8 size of a string, without encoding it when it is ASCII (most requests are). */
export function utf8Length(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

export class MemoryRequestContext implements XRequestContext {
  readonly workbook: MemoryWorkbook;
  readonly application: MemoryApplication;
  private queue: Command[] = [];
  private calcSuspended = false;
  private screenSuspended = false;
  /** Set while a request runs; loads add their JSON size here. */
  private responseBytes = 0;

  constructor(readonly host: Host) {
    this.workbook = new MemoryWorkbook(this);
    this.application = new MemoryApplication(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  /** Queues a failing command when the host lacks the member's requirement set (Excel: ApiNotFound). */
  requires(api: string): void {
    this.host.apiUsed(api);
    const set = REQUIREMENT_SETS[api];
    if (set && compareVersions(set, this.host.apiVersion) > 0) {
      this.enqueue({
        op: 'call',
        target: api,
        run: () => {
          throw new ExcelError(
            'ApiNotFound',
            `The API you are trying to use could not be found. (${api} needs ExcelApi ${set})`,
            api,
          );
        },
      });
    }
  }

  suspendCalculation(): void {
    this.calcSuspended = true;
  }
  suspendScreenUpdating(): void {
    this.screenSuspended = true;
  }
  addResponse(value: unknown): void {
    this.responseBytes += encoder.encode(JSON.stringify(value) ?? '').length;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    // Office.js resolves sync() asynchronously even when nothing is queued (a round trip to Excel).
    await this.host.roundTrip();
    if (queue.length === 0) return;
    const json = JSON.stringify(queue.map((c) => ({ o: c.op, t: c.target, a: c.args })));
    const record: RequestRecord = {
      index: 0,
      bytes: utf8Length(json),
      responseBytes: 0,
      commands: queue.length,
      operations: queue.map((c) => `${c.op} ${c.target}`),
      cellsWritten: queue.reduce((s, c) => s + (c.cells ?? 0), 0),
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.calcSuspended = false;
    this.screenSuspended = false;
    this.responseBytes = 0;
    try {
      if (record.bytes > this.host.requestLimitBytes) {
        throw new ExcelError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size has exceeded the limit. (${record.bytes} bytes; the limit is ${this.host.requestLimitBytes})`,
        );
      }
      const injected = this.host.beforeRequest(record);
      if (injected) throw injected;
      // Excel's own work before the request (recalculation), when nothing in the request changes the workbook
      // before it: what the command will read is then known now.
      for (const [i, command] of queue.entries()) {
        if (queue.slice(0, i).some((c) => c.op !== 'load' && c.op !== 'resolve')) break;
        if (command.prepare) await command.prepare();
      }
      const model = this.host.model;
      model.deferRenames();
      try {
        for (const command of queue) {
          if (!command.formulaFree) model.applyRenames();
          // Reading changes nothing: formula results computed for one load stay cached for the next.
          if (command.op !== 'load' && command.op !== 'resolve') model.touch();
          command.run();
        }
      } finally {
        model.applyRenames({ stopDeferring: true });
        record.calculationSuspended = this.calcSuspended;
        record.screenUpdatingSuspended = this.screenSuspended;
        this.host.model.touch();
        this.host.changed();
      }
      record.responseBytes = this.responseBytes;
      if (this.responseBytes > this.host.responseLimitBytes) {
        throw new ExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      }
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
      this.host.record(record);
      throw e;
    } finally {
      // Suspensions last until the end of the sync that carries them.
      this.calcSuspended = false;
      this.screenSuspended = false;
    }
    this.host.record(record);
  }
}
