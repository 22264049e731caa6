/**
 * Packing commands into Office.js requests (one `context.sync()` each) that stay under a byte budget and a cell
 * budget. Excel on the web refuses a request over 5 MB; the add-in keeps each under 4 MB with room to spare,
 * counting the JSON of what it queues. Every request suspends calculation (and screen updating where the host has
 * ExcelApi 1.9); Excel restores both when that request ends.
 */
import type { XRequestContext } from './excelApi';

export interface RequestBudget {
  /** Estimated JSON bytes per request. */
  bytes: number;
  /** Cells given values, formulas or formats per request. */
  cells: number;
}

/** 3.5 MB: under the 4 MB target with room for Office.js's own envelope. */
export const DEFAULT_BUDGET: RequestBudget = { bytes: 3_500_000, cells: 150_000 };

/** Bytes a command adds besides its data (method, object path, address). */
export const COMMAND_OVERHEAD = 200;

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  if (json === undefined) return 0;
  // ASCII fast path: most workpaper text is ASCII.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(json) ? json.length : encoder.encode(json).length;
}

// Characters JSON writes as themselves, one byte each: printable ASCII except " and \\.
const PLAIN_JSON = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** UTF-8 size of a cell entry's JSON, without serialising numbers and plain strings. */
export function valueBytes(value: string | number | boolean | null): number {
  if (value === null) return 4;
  if (typeof value === 'string') return PLAIN_JSON.test(value) ? value.length + 2 : jsonBytes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  return value ? 4 : 5;
}

export interface RequestStats {
  bytes: number;
  cells: number;
  commands: number;
}

export interface PackerHooks {
  /** Queued at the start of every request (suspend calculation and screen updating). */
  startRequest?: (context: XRequestContext) => void;
  /** After every sync: progress, and the place to stop when the user cancelled (throw). */
  afterSync?: (stats: RequestStats) => Promise<void> | void;
}

export class RequestPacker {
  private bytes = 0;
  private cells = 0;
  private commands = 0;

  constructor(
    readonly context: XRequestContext,
    private readonly budget: RequestBudget = DEFAULT_BUDGET,
    private readonly hooks: PackerHooks = {},
  ) {}

  /** Queues a command of an estimated size, sending what is queued first if it would not fit. */
  async add(bytes: number, cells: number, queue: () => void): Promise<void> {
    if (bytes > this.budget.bytes || cells > this.budget.cells) {
      throw new RangeError(`a single command of ${bytes} bytes / ${cells} cells is over the request budget`);
    }
    if (this.commands > 0 && (this.bytes + bytes > this.budget.bytes || this.cells + cells > this.budget.cells)) {
      await this.flush();
    }
    if (this.commands === 0) this.hooks.startRequest?.(this.context);
    queue();
    this.bytes += bytes;
    this.cells += cells;
    this.commands++;
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    if (this.commands === 0) return;
    const stats = { bytes: this.bytes, cells: this.cells, commands: this.commands };
    this.bytes = 0;
    this.cells = 0;
    this.commands = 0;
    await this.context.sync();
    await this.hooks.afterSync?.(stats);
  }
}
