/// <reference types="office-js" />
/**
 * The Office.js client objects of the in-memory Excel: proxies that queue commands and only touch the workbook
 * when `context.sync()` runs, as Office.js does. Reading a property that was not loaded (and synced) throws
 * PropertyNotLoaded; a *OrNullObject proxy knows `isNullObject` after a sync; every command is counted into the
 * request's JSON payload, and a request over the limit fails whole, before anything in it runs.
 */
import type {
  CellValue,
  XApplication,
  XCellValueConditionalFormat,
  XConditionalFormat,
  XConditionalFormatCollection,
  XDataValidation,
  XNamedItem,
  XNamedItemCollection,
  XRange,
  XRangeFont,
  XRangeFormat,
  XRequestContext,
  XTable,
  XTableCollection,
  XTableRowCollection,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
  XWorksheetFreezePanes,
} from '../excelApi';
import { splitAddress } from '../formulaRefs';
import { enter } from './coerce';
import { ExcelError, propertyNotLoaded } from './errors';
import { FormulaEngine } from './formula';
import {
  checkTableName,
  formatAddress,
  intersects,
  parseAddress,
  qualifiedAddress,
  type Rect,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './model';

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
}

interface Command {
  op: string;
  target: string;
  args?: unknown;
  cells?: number;
  run: () => void;
}

const encoder = new TextEncoder();

/** UTF-8 size of a string, without encoding it when it is ASCII (most requests are). */
function utf8Length(text: string): number {
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
    // Office.js resolves sync() asynchronously even when nothing is queued.
    await Promise.resolve();
    if (queue.length === 0) return;
    const json = JSON.stringify(queue.map((c) => ({ o: c.op, t: c.target, a: c.args })));
    const record: RequestRecord = {
      index: 0,
      bytes: utf8Length(json),
      responseBytes: 0,
      commands: queue.length,
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
      try {
        for (const command of queue) {
          this.host.model.touch();
          command.run();
        }
      } finally {
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

// --------------------------------------------------------------------------------------------------- base

type Resolver<M> = () => M | null;

function parseLoad(names?: string | string[]): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

abstract class ClientObject<M> {
  protected readonly cache = new Map<string, unknown>();
  private target: M | null | undefined = undefined;

  constructor(
    protected readonly ctx: MemoryRequestContext,
    readonly path: string,
    private readonly resolver: Resolver<M>,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue({ op: 'resolve', target: path, run: () => this.cache.set('isNullObject', this.resolve() === null) });
    } else this.cache.set('isNullObject', false);
  }

  /** The model object, resolved once (when the first command that needs it runs). */
  resolve(): M | null {
    if (this.target === undefined) this.target = this.resolver();
    return this.target;
  }

  protected m(): M {
    const t = this.resolve();
    if (t === null) throw new ExcelError('ItemNotFound', 'The requested resource does not exist.', this.path);
    return t;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }

  protected prop<T>(name: string): T {
    if (!this.cache.has(name)) throw propertyNotLoaded(name);
    return this.cache.get(name) as T;
  }

  protected set(name: string, value: unknown, apply: (m: M) => void, cells = 0): void {
    this.cache.set(name, value);
    this.ctx.enqueue({ op: `set:${name}`, target: this.path, args: value, cells, run: () => apply(this.m()) });
  }

  protected call(op: string, args: unknown, apply: (m: M) => void): void {
    this.ctx.enqueue({ op, target: this.path, args, run: () => apply(this.m()) });
  }

  protected loadNames(names?: string | string[]): void {
    const list = parseLoad(names);
    this.ctx.enqueue({ op: 'load', target: this.path, args: list, run: () => this.fill(list) });
  }

  /** Copies the named properties from the model into the proxy (part of a running load command). */
  fill(names: string[]): void {
    const t = this.resolve();
    if (t === null) {
      this.cache.set('isNullObject', true);
      return;
    }
    const list = names.length === 0 ? this.scalarNames() : names;
    for (const name of list) {
      const slash = name.indexOf('/');
      if (slash > 0) {
        const child = this.navigate(name.slice(0, slash));
        if (!child) throw new ExcelError('InvalidArgument', `Cannot load "${name}".`, this.path);
        child.fill([name.slice(slash + 1)]);
        continue;
      }
      const value = this.read(t, name);
      this.ctx.addResponse(value);
      this.cache.set(name, value);
    }
  }

  protected navigate(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }
  protected abstract scalarNames(): string[];
  protected abstract read(m: M, name: string): unknown;
}

function unknownProperty(name: string, path: string): never {
  throw new ExcelError('InvalidArgument', `The property '${name}' does not exist on ${path}.`, path);
}

// --------------------------------------------------------------------------------------------- application

export class MemoryApplication implements XApplication {
  constructor(private readonly ctx: MemoryRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requires('Application.suspendApiCalculationUntilNextSync');
    this.ctx.enqueue({
      op: 'suspendApiCalculationUntilNextSync',
      target: 'application',
      run: () => this.ctx.suspendCalculation(),
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requires('Application.suspendScreenUpdatingUntilNextSync');
    this.ctx.enqueue({
      op: 'suspendScreenUpdatingUntilNextSync',
      target: 'application',
      run: () => this.ctx.suspendScreenUpdating(),
    });
  }
}

// ------------------------------------------------------------------------------------------------ workbook

export class MemoryWorkbook extends ClientObject<WorkbookModel> implements XWorkbook {
  readonly worksheets: MemoryWorksheetCollection;
  readonly tables: MemoryTableCollection;

  constructor(ctx: MemoryRequestContext) {
    super(ctx, 'workbook', () => ctx.host.model);
    this.worksheets = new MemoryWorksheetCollection(ctx);
    this.tables = new MemoryTableCollection(ctx, 'workbook.tables', null);
  }
  get name(): string {
    return this.prop('name');
  }
  load(names?: string | string[]): MemoryWorkbook {
    if (parseLoad(names).includes('name')) this.ctx.requires('Workbook.name');
    this.loadNames(names);
    return this;
  }
  protected scalarNames(): string[] {
    return ['name'];
  }
  protected read(m: WorkbookModel, name: string): unknown {
    if (name === 'name') return m.name;
    return unknownProperty(name, this.path);
  }
}

export class MemoryWorksheetCollection extends ClientObject<WorkbookModel> implements XWorksheetCollection {
  constructor(ctx: MemoryRequestContext) {
    super(ctx, 'workbook.worksheets', () => ctx.host.model);
  }
  get items(): MemoryWorksheet[] {
    return this.prop('items');
  }
  load(names?: string | string[]): MemoryWorksheetCollection {
    const list = parseLoad(names)
      .map((n) => n.replace(/^items\//, ''))
      .filter((n) => n !== 'items');
    this.ctx.enqueue({
      op: 'load',
      target: this.path,
      args: list,
      run: () => {
        const items = this.m().sheets.map((s) => {
          const ws = new MemoryWorksheet(this.ctx, `worksheet(${s.id})`, () => s);
          ws.fill(list);
          return ws;
        });
        this.cache.set('items', items);
      },
    });
    return this;
  }
  add(name?: string): MemoryWorksheet {
    const ws = new MemoryWorksheet(this.ctx, `worksheets.add(${name ?? ''})`, () => this.ctx.host.model.addSheet(name));
    this.ctx.enqueue({ op: 'add', target: this.path, args: name, run: () => void ws.resolve() });
    return ws;
  }
  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, `worksheets(${key})`, () => {
      const s = this.ctx.host.model.sheetByKey(key);
      if (!s)
        throw new ExcelError(
          'ItemNotFound',
          'The requested resource does not exist.',
          `WorksheetCollection.getItem(${key})`,
        );
      return s;
    });
  }
  getItemOrNullObject(key: string): MemoryWorksheet {
    this.ctx.requires('WorksheetCollection.getItemOrNullObject');
    return new MemoryWorksheet(
      this.ctx,
      `worksheets(${key})?`,
      () => this.ctx.host.model.sheetByKey(key) ?? null,
      true,
    );
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected read(_m: WorkbookModel, name: string): unknown {
    return unknownProperty(name, this.path);
  }
}

// ------------------------------------------------------------------------------------------------ worksheet

export class MemoryWorksheet extends ClientObject<SheetModel> implements XWorksheet {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<SheetModel>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  get id(): string {
    return this.prop('id');
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.set('name', value, (s) => this.ctx.host.model.renameSheet(s, value));
  }
  get position(): number {
    return this.prop('position');
  }
  set position(value: number) {
    this.set('position', value, (s) => this.ctx.host.model.moveSheet(s, value));
  }
  get tabColor(): string {
    return this.prop('tabColor');
  }
  set tabColor(value: string) {
    this.ctx.requires('Worksheet.tabColor');
    this.set('tabColor', value, (s) => {
      if (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value)) {
        throw new ExcelError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
          'Worksheet.tabColor',
        );
      }
      s.tabColor = value.toUpperCase();
    });
  }
  private tablesProxy?: MemoryTableCollection;
  private namesProxy?: MemoryNamedItemCollection;
  get tables(): MemoryTableCollection {
    return (this.tablesProxy ??= new MemoryTableCollection(this.ctx, `${this.path}.tables`, () => this.m()));
  }
  get names(): MemoryNamedItemCollection {
    this.ctx.requires('Worksheet.names');
    return (this.namesProxy ??= new MemoryNamedItemCollection(this.ctx, `${this.path}.names`, () => this.m()));
  }
  get freezePanes(): XWorksheetFreezePanes {
    this.ctx.requires('Worksheet.freezePanes');
    return {
      freezeRows: (count?: number) => this.call('freezeRows', count, (s) => (s.frozenRows = count ?? 1)),
      freezeAt: (frozenRange: XRange | string) =>
        this.call('freezeAt', typeof frozenRange === 'string' ? frozenRange : 'range', (s) => {
          const rect =
            typeof frozenRange === 'string' ? parseAddress(frozenRange) : (frozenRange as MemoryRange).resolve()?.rect;
          if (!rect)
            throw new ExcelError(
              'InvalidArgument',
              'The argument is invalid or missing or has an incorrect format.',
              'freezeAt',
            );
          s.frozenRows = rect.r1 + 1;
          s.frozenColumns = rect.c1 + 1;
        }),
    };
  }
  load(names?: string | string[]): MemoryWorksheet {
    if (parseLoad(names).includes('tabColor')) this.ctx.requires('Worksheet.tabColor');
    this.loadNames(names);
    return this;
  }
  delete(): void {
    this.call('delete', undefined, (s) => this.ctx.host.model.deleteSheet(s));
  }
  activate(): void {
    this.call('activate', undefined, (s) => {
      this.ctx.host.model.activeSheet = s;
    });
  }
  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}.range(${address ?? ''})`, () => {
      const sheet = this.m();
      return { sheet, rect: address === undefined ? { r0: 0, c0: 0, r1: 1048575, c1: 16383 } : parseAddress(address) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    this.ctx.requires('Worksheet.getUsedRangeOrNullObject');
    return new MemoryRange(
      this.ctx,
      `${this.path}.usedRange?`,
      () => {
        const sheet = this.m();
        const rect = sheet.usedRect(valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  protected scalarNames(): string[] {
    return ['id', 'name', 'position', 'tabColor', 'visibility'];
  }
  protected read(s: SheetModel, name: string): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.ctx.host.model.sheets.indexOf(s);
      case 'tabColor':
        return s.tabColor;
      case 'visibility':
        return 'Visible';
      default:
        return unknownProperty(name, this.path);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- range

interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

function cellCount(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

export class MemoryRange extends ClientObject<RangeModel> implements XRange {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<RangeModel>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  get address(): string {
    return this.prop('address');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(grid: unknown[][]) {
    this.write('values', grid);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(grid: unknown[][]) {
    this.write('formulas', grid);
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    const cells = grid.reduce((s, row) => s + row.length, 0);
    this.set(
      'numberFormat',
      grid,
      (r) => {
        this.checkShape(r.rect, grid);
        const { r0, c0 } = r.rect;
        for (let i = 0; i < grid.length; i++) {
          const line = grid[i];
          const formats = r.sheet.row(r0 + i, true).nf;
          for (let j = 0; j < line.length; j++) {
            const nf = line[j];
            if (nf === null || nf === undefined) continue;
            formats[c0 + j] = nf === '' || nf === 'General' ? undefined : typeof nf === 'string' ? nf : String(nf);
          }
        }
      },
      cells,
    );
  }
  get format(): XRangeFormat {
    const setBold = (value: boolean): void =>
      this.set('format/font/bold', value, (r) => {
        for (let i = r.rect.r0; i <= r.rect.r1; i++) {
          const row = r.sheet.row(i, true);
          for (let j = r.rect.c0; j <= r.rect.c1; j++) row.b[j] = value ? true : undefined;
        }
      });
    const setColor = (value: string): void => this.set('format/font/color', value, () => undefined);
    const setWidth = (points: number): void => {
      this.ctx.requires('RangeFormat.columnWidth');
      this.set('format/columnWidth', points, (r) => {
        for (let c = r.rect.c0; c <= r.rect.c1; c++) r.sheet.columnWidths.set(c, points);
      });
    };
    const font: XRangeFont = {
      get bold(): boolean {
        throw propertyNotLoaded('bold');
      },
      set bold(value: boolean) {
        setBold(value);
      },
      get color(): string {
        throw propertyNotLoaded('color');
      },
      set color(value: string) {
        setColor(value);
      },
    };
    return {
      get columnWidth(): number {
        throw propertyNotLoaded('columnWidth');
      },
      set columnWidth(points: number) {
        setWidth(points);
      },
      font,
    };
  }
  private validationProxy?: MemoryDataValidation;
  get dataValidation(): XDataValidation {
    this.ctx.requires('Range.dataValidation');
    return (this.validationProxy ??= new MemoryDataValidation(this.ctx, `${this.path}.dataValidation`, () => this.m()));
  }
  get conditionalFormats(): XConditionalFormatCollection {
    this.ctx.requires('Range.conditionalFormats');
    return {
      add: (type: 'CellValue'): XConditionalFormat => {
        const model = {
          rect: { r0: 0, c0: 0, r1: 0, c1: 0 },
          rule: { formula1: '', operator: 'EqualTo' } as Excel.ConditionalCellValueRule,
          fontColor: undefined as string | undefined,
          fillColor: undefined as string | undefined,
        };
        this.call('conditionalFormats.add', type, (r) => {
          model.rect = r.rect;
          r.sheet.conditionalFormats.push(model);
        });
        const ctx = this.ctx;
        const path = `${this.path}.conditionalFormat`;
        const cellValue: XCellValueConditionalFormat = {
          get rule(): Excel.ConditionalCellValueRule {
            throw propertyNotLoaded('rule');
          },
          set rule(rule: Excel.ConditionalCellValueRule) {
            ctx.enqueue({ op: 'set:rule', target: path, args: rule, run: () => (model.rule = rule) });
          },
          format: {
            font: {
              get color(): string {
                throw propertyNotLoaded('color');
              },
              set color(c: string) {
                ctx.enqueue({ op: 'set:font/color', target: path, args: c, run: () => (model.fontColor = c) });
              },
            },
            fill: {
              get color(): string {
                throw propertyNotLoaded('color');
              },
              set color(c: string) {
                ctx.enqueue({ op: 'set:fill/color', target: path, args: c, run: () => (model.fillColor = c) });
              },
            },
          },
        };
        return { cellValue };
      },
    };
  }
  private worksheetProxy?: MemoryWorksheet;
  get worksheet(): MemoryWorksheet {
    return (this.worksheetProxy ??= new MemoryWorksheet(this.ctx, `${this.path}.worksheet`, () => this.m().sheet));
  }
  load(names?: string | string[]): MemoryRange {
    this.loadNames(names);
    return this;
  }
  select(): void {
    this.call('select', undefined, (r) => {
      this.ctx.host.model.selection = { sheet: r.sheet, rect: r.rect };
      this.ctx.host.model.activeSheet = r.sheet;
    });
  }
  protected override navigate(name: string): ClientObject<unknown> | undefined {
    return name === 'worksheet' ? (this.worksheet as ClientObject<unknown>) : undefined;
  }
  protected scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat'];
  }
  protected read(r: RangeModel, name: string): unknown {
    const { sheet, rect } = r;
    const grid = (cell: (row: number, col: number) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let i = rect.r0; i <= rect.r1; i++) {
        const line: unknown[] = [];
        for (let j = rect.c0; j <= rect.c1; j++) line.push(cell(i, j));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return qualifiedAddress(sheet, rect);
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'values':
        return grid((i, j) => FormulaEngine.toApi(this.ctx.host.formulas.cellValue(sheet, i, j)));
      case 'formulas':
        return grid((i, j) => sheet.formula(i, j) ?? sheet.value(i, j) ?? '');
      case 'numberFormat':
        return grid((i, j) => sheet.numberFormat(i, j));
      default:
        return unknownProperty(name, this.path);
    }
  }

  private checkShape(rect: Rect, grid: unknown[][]): void {
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    if (
      !Array.isArray(grid) ||
      grid.length !== rows ||
      grid.some((row) => !Array.isArray(row) || row.length !== cols)
    ) {
      throw new ExcelError(
        'InvalidArgument',
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        this.path,
      );
    }
  }

  private write(kind: 'values' | 'formulas', grid: unknown[][]): void {
    const cells = Array.isArray(grid) ? grid.reduce((s, row) => s + (Array.isArray(row) ? row.length : 0), 0) : 0;
    this.set(
      kind,
      grid,
      (r) => {
        this.checkShape(r.rect, grid);
        for (let i = 0; i < grid.length; i++) {
          const row = r.sheet.row(r.rect.r0 + i, true);
          for (let j = 0; j < grid[i].length; j++) {
            const input = grid[i][j];
            if (input === null || input === undefined) continue;
            if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') {
              throw new ExcelError(
                'InvalidArgument',
                'The argument is invalid or missing or has an incorrect format.',
                this.path,
              );
            }
            const c = r.rect.c0 + j;
            const entered = enter(input as CellValue, row.nf[c]);
            if (entered.kind === 'clear') {
              row.v[c] = undefined;
              row.f[c] = undefined;
            } else if (entered.kind === 'formula') {
              row.f[c] = entered.formula;
              row.v[c] = undefined;
            } else {
              row.v[c] = entered.value;
              row.f[c] = undefined;
              if (entered.numberFormat && row.nf[c] === undefined) row.nf[c] = entered.numberFormat;
            }
          }
        }
      },
      cells,
    );
  }
}

export function rangeCells(rect: Rect): number {
  return cellCount(rect);
}

// ----------------------------------------------------------------------------------------- data validation

/** Excel's limit on an inline list source (the items joined by commas). */
const INLINE_LIST_LIMIT = 255;

/**
 * A list source is either inline text ("Monthly,Quarterly", at most 255 characters, as Excel refuses longer) or
 * "=<range>" on a sheet of the workbook ("=Policies!$D$4:$D$21", or a range of the validated sheet).
 */
function checkListSource(model: WorkbookModel, sheet: SheetModel, source: string, path: string): void {
  if (!source.startsWith('=')) {
    if (source.length > INLINE_LIST_LIMIT) {
      throw new ExcelError('InvalidArgument', 'The list source is over 255 characters.', path);
    }
    return;
  }
  const { sheet: name, local } = splitAddress(source.slice(1));
  const target = name === null ? sheet : model.sheetByName(name);
  if (!target) throw new ExcelError('InvalidArgument', `The list source ${source} names no sheet.`, path);
  const rect = parseAddress(local);
  if (rect.r0 !== rect.r1 && rect.c0 !== rect.c1) {
    throw new ExcelError('InvalidArgument', `The list source ${source} is not one row or column.`, path);
  }
}

class MemoryDataValidation extends ClientObject<RangeModel> implements XDataValidation {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<RangeModel>) {
    super(ctx, path, resolver);
  }
  get rule(): Excel.DataValidationRule {
    return this.prop('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    this.set('rule', rule, (r) => {
      const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) {
        throw new ExcelError(
          'InvalidArgument',
          'A data validation rule needs exactly one kind of criteria.',
          this.path,
        );
      }
      if (rule.list && typeof rule.list.source !== 'string') {
        throw new ExcelError('InvalidArgument', 'The list source must be text or a range address.', this.path);
      }
      if (rule.list) checkListSource(this.ctx.host.model, r.sheet, rule.list.source as string, this.path);
      // Excel refuses a new rule over cells that already have one; clear() first.
      if (r.sheet.validations.some((v) => intersects(v.rect, r.rect))) {
        throw new ExcelError(
          'InvalidOperation',
          'The range already has a data validation rule: clear it first.',
          this.path,
        );
      }
      r.sheet.validations.push({ rect: r.rect, rule });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.prop('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set('errorAlert', alert, (r) => {
      for (const v of r.sheet.validations) if (intersects(v.rect, r.rect)) v.errorAlert = alert;
    });
  }
  clear(): void {
    this.call('clear', undefined, (r) => {
      r.sheet.validations = r.sheet.validations.filter((v) => !intersects(v.rect, r.rect));
    });
  }
  load(names?: string | string[]): MemoryDataValidation {
    this.loadNames(names);
    return this;
  }
  protected scalarNames(): string[] {
    return ['rule', 'errorAlert', 'type'];
  }
  protected read(r: RangeModel, name: string): unknown {
    const v = r.sheet.validations.find((x) => intersects(x.rect, { ...r.rect, r1: r.rect.r0, c1: r.rect.c0 }));
    switch (name) {
      case 'rule':
        return v ? v.rule : {};
      case 'errorAlert':
        return v?.errorAlert ?? { message: '', showAlert: true, style: 'Stop', title: '' };
      case 'type':
        return v ? (v.rule.list ? 'List' : 'Custom') : 'None';
      default:
        return unknownProperty(name, this.path);
    }
  }
}

// ----------------------------------------------------------------------------------------------------- tables

export class MemoryTableCollection extends ClientObject<WorkbookModel> implements XTableCollection {
  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly scope: (() => SheetModel) | null,
  ) {
    super(ctx, path, () => ctx.host.model);
  }
  get items(): MemoryTable[] {
    return this.prop('items');
  }
  load(names?: string | string[]): MemoryTableCollection {
    const list = parseLoad(names)
      .map((n) => n.replace(/^items\//, ''))
      .filter((n) => n !== 'items');
    if (list.some((n) => n.startsWith('worksheet'))) this.ctx.requires('Table.worksheet');
    this.ctx.enqueue({
      op: 'load',
      target: this.path,
      args: list,
      run: () => {
        const sheet = this.scope ? this.scope() : null;
        const items = this.m()
          .tables.filter((t) => !sheet || t.sheet === sheet)
          .map((t) => {
            const table = new MemoryTable(this.ctx, `table(${t.id})`, () => t);
            table.fill(list);
            return table;
          });
        this.cache.set('items', items);
      },
    });
    return this;
  }
  add(address: string, hasHeaders: boolean): MemoryTable {
    const table = new MemoryTable(this.ctx, `tables.add(${address})`, () => {
      if (!hasHeaders)
        throw new ExcelError(
          'InvalidArgument',
          'The in-memory Excel only adds tables whose first row is the header.',
          this.path,
        );
      let sheet = this.scope ? this.scope() : null;
      const { sheet: name, local } = splitAddress(address);
      if (name !== null) {
        const named = this.ctx.host.model.sheetByName(name);
        if (!named)
          throw new ExcelError('ItemNotFound', 'The requested resource does not exist.', 'TableCollection.add');
        sheet = named;
      }
      if (!sheet) throw new ExcelError('InvalidArgument', 'The address must name its sheet.', 'TableCollection.add');
      return this.ctx.host.model.addTable(sheet, parseAddress(local));
    });
    this.ctx.enqueue({ op: 'add', target: this.path, args: [address, hasHeaders], run: () => void table.resolve() });
    return table;
  }
  getItem(key: string): MemoryTable {
    return new MemoryTable(this.ctx, `tables(${key})`, () => {
      const t = this.find(key);
      if (!t)
        throw new ExcelError(
          'ItemNotFound',
          'The requested resource does not exist.',
          `TableCollection.getItem(${key})`,
        );
      return t;
    });
  }
  getItemOrNullObject(key: string): MemoryTable {
    this.ctx.requires('TableCollection.getItemOrNullObject');
    return new MemoryTable(this.ctx, `tables(${key})?`, () => this.find(key) ?? null, true);
  }
  private find(key: string): TableModel | undefined {
    const t = this.ctx.host.model.tableByName(key);
    const sheet = this.scope ? this.scope() : null;
    return t && (!sheet || t.sheet === sheet) ? t : undefined;
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected read(_m: WorkbookModel, name: string): unknown {
    return unknownProperty(name, this.path);
  }
}

export class MemoryTable extends ClientObject<TableModel> implements XTable {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<TableModel>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.set('name', value, (t) => this.ctx.host.model.renameTable(t, value));
  }
  get style(): string {
    return this.prop('style');
  }
  set style(value: string) {
    this.set('style', value, (t) => (t.style = value));
  }
  private worksheetProxy?: MemoryWorksheet;
  get worksheet(): MemoryWorksheet {
    this.ctx.requires('Table.worksheet');
    return (this.worksheetProxy ??= new MemoryWorksheet(this.ctx, `${this.path}.worksheet`, () => this.m().sheet));
  }
  get rows(): XTableRowCollection {
    return {
      add: (index?: number, values?: CellValue[][]): unknown => {
        if (index !== undefined && index !== null) {
          throw new ExcelError('InvalidArgument', 'The in-memory Excel adds table rows at the end only.', this.path);
        }
        const grid = values ?? [[]];
        this.ctx.enqueue({
          op: 'rows.add',
          target: this.path,
          args: grid,
          cells: grid.reduce((s, r) => s + r.length, 0),
          run: () => this.appendRows(this.m(), grid),
        });
        return undefined;
      },
    };
  }
  getRange(): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}.range`, () => {
      const t = this.m();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
  getHeaderRowRange(): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}.headerRowRange`, () => {
      const t = this.m();
      return { sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 } };
    });
  }
  getDataBodyRange(): MemoryRange {
    return new MemoryRange(this.ctx, `${this.path}.dataBodyRange`, () => {
      const t = this.m();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1 } };
    });
  }
  delete(): void {
    this.call('delete', undefined, (t) => {
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        const row = t.sheet.row(r);
        if (!row) continue;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          row.v[c] = undefined;
          row.f[c] = undefined;
        }
      }
      this.ctx.host.model.deleteTable(t);
    });
  }
  load(names?: string | string[]): MemoryTable {
    if (parseLoad(names).some((n) => n.startsWith('worksheet'))) this.ctx.requires('Table.worksheet');
    this.loadNames(names);
    return this;
  }
  protected override navigate(name: string): ClientObject<unknown> | undefined {
    return name === 'worksheet' ? (this.worksheet as ClientObject<unknown>) : undefined;
  }
  protected scalarNames(): string[] {
    return ['name', 'style', 'id'];
  }
  protected read(t: TableModel, name: string): unknown {
    switch (name) {
      case 'name':
        return t.name;
      case 'style':
        return t.style;
      case 'id':
        return String(t.id);
      default:
        return unknownProperty(name, this.path);
    }
  }

  /** Table rows are inserted: cells below the table in its columns move down. */
  private appendRows(t: TableModel, grid: CellValue[][]): void {
    const width = t.rect.c1 - t.rect.c0 + 1;
    if (grid.some((row) => row.length !== width)) {
      throw new ExcelError(
        'InvalidArgument',
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        this.path,
      );
    }
    const k = grid.length;
    const used = t.sheet.usedRect(false);
    if (used) {
      for (let r = used.r1; r > t.rect.r1; r--) {
        const from = t.sheet.row(r);
        if (!from) continue;
        const to = t.sheet.row(r + k, true);
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          to.v[c] = from.v[c];
          to.f[c] = from.f[c];
          to.nf[c] = from.nf[c];
          to.b[c] = from.b[c];
          from.v[c] = from.f[c] = from.nf[c] = undefined;
          from.b[c] = undefined;
        }
      }
    }
    for (let i = 0; i < k; i++) {
      const row = t.sheet.row(t.rect.r1 + 1 + i, true);
      const above = t.sheet.row(t.rect.r1);
      for (let j = 0; j < width; j++) {
        const c = t.rect.c0 + j;
        if (row.nf[c] === undefined && above?.nf[c] !== undefined) row.nf[c] = above.nf[c];
        const entered = enter(grid[i][j], row.nf[c]);
        if (entered.kind === 'formula') row.f[c] = entered.formula;
        else if (entered.kind === 'value') {
          row.v[c] = entered.value;
          if (entered.numberFormat && row.nf[c] === undefined) row.nf[c] = entered.numberFormat;
        }
      }
    }
    t.rect = { ...t.rect, r1: t.rect.r1 + k };
  }
}

// ------------------------------------------------------------------------------------------------ named items

class MemoryNamedItemCollection extends ClientObject<SheetModel> implements XNamedItemCollection {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<SheetModel>) {
    super(ctx, path, resolver);
  }
  get items(): MemoryNamedItem[] {
    return this.prop('items');
  }
  load(names?: string | string[]): MemoryNamedItemCollection {
    const list = parseLoad(names)
      .map((n) => n.replace(/^items\//, ''))
      .filter((n) => n !== 'items');
    this.ctx.enqueue({
      op: 'load',
      target: this.path,
      args: list,
      run: () => {
        const sheet = this.m();
        this.cache.set(
          'items',
          sheet.names.map((n) => {
            const item = new MemoryNamedItem(this.ctx, `${this.path}(${n.name})`, () => ({ sheet, item: n }));
            item.fill(list);
            return item;
          }),
        );
      },
    });
    return this;
  }
  add(name: string, reference: XRange | string, comment?: string): MemoryNamedItem {
    this.ctx.requires('NamedItemCollection.add');
    const item = new MemoryNamedItem(this.ctx, `${this.path}.add(${name})`, () => {
      const sheet = this.m();
      checkTableName(name);
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new ExcelError(
          'ItemAlreadyExists',
          'The resource with the specified name already exists.',
          'NamedItemCollection.add',
        );
      }
      let ref: string;
      if (typeof reference === 'string') ref = reference;
      else if (reference instanceof MemoryRange) {
        const r = reference.resolve();
        if (!r) throw new ExcelError('InvalidArgument', 'The reference is a null range.', 'NamedItemCollection.add');
        ref = `=${qualifiedAddress(r.sheet, r.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      } else
        throw new ExcelError(
          'InvalidArgument',
          'The reference must be a range or a formula.',
          'NamedItemCollection.add',
        );
      const model = { name, reference: ref, comment: comment ?? '' };
      sheet.names.push(model);
      return { sheet, item: model };
    });
    this.ctx.enqueue({
      op: 'add',
      target: this.path,
      args: [name, typeof reference === 'string' ? reference : 'range', comment],
      run: () => void item.resolve(),
    });
    return item;
  }
  getItemOrNullObject(name: string): MemoryNamedItem {
    this.ctx.requires('NamedItemCollection.getItemOrNullObject');
    return new MemoryNamedItem(
      this.ctx,
      `${this.path}(${name})?`,
      () => {
        const sheet = this.m();
        const item = sheet.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        return item ? { sheet, item } : null;
      },
      true,
    );
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected read(_m: SheetModel, name: string): unknown {
    return unknownProperty(name, this.path);
  }
}

interface NamedItemRef {
  sheet: SheetModel;
  item: { name: string; reference: string; comment: string };
}

class MemoryNamedItem extends ClientObject<NamedItemRef> implements XNamedItem {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<NamedItemRef>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  get name(): string {
    return this.prop('name');
  }
  delete(): void {
    this.ctx.requires('NamedItem.delete');
    this.call('delete', undefined, ({ sheet, item }) => {
      const i = sheet.names.indexOf(item);
      if (i >= 0) sheet.names.splice(i, 1);
    });
  }
  load(names?: string | string[]): MemoryNamedItem {
    this.loadNames(names);
    return this;
  }
  protected scalarNames(): string[] {
    return ['name', 'formula', 'comment'];
  }
  protected read({ item }: NamedItemRef, name: string): unknown {
    switch (name) {
      case 'name':
        return item.name;
      case 'formula':
        return item.reference;
      case 'comment':
        return item.comment;
      default:
        return unknownProperty(name, this.path);
    }
  }
}

export { formatAddress };
