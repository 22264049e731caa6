/**
 * The in-memory `context.workbook` and its worksheet collection.
 */
import type { XFunctionResult, XFunctions, XWorkbook, XWorksheetCollection } from '../excelApi';
import { ExcelError } from './errors';
import { type WorkbookModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { parseLoad, ClientObject, unknownProperty } from './clientObject';
import { MemoryWorksheet } from './worksheet';
import { MemoryTableCollection } from './table';

export class MemoryWorkbook extends ClientObject<WorkbookModel> implements XWorkbook {
  readonly worksheets: MemoryWorksheetCollection;
  readonly tables: MemoryTableCollection;
  readonly functions: MemoryFunctions;

  constructor(ctx: MemoryRequestContext) {
    super(ctx, 'workbook', () => ctx.host.model);
    this.worksheets = new MemoryWorksheetCollection(ctx);
    this.tables = new MemoryTableCollection(ctx, 'workbook.tables', null);
    this.functions = new MemoryFunctions(ctx);
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

/** `workbook.functions`: the worksheet functions the add-in asks Excel to evaluate. */
export class MemoryFunctions implements XFunctions {
  constructor(private readonly ctx: MemoryRequestContext) {}

  date(year: number, month: number, day: number): MemoryFunctionResult {
    return new MemoryFunctionResult(this.ctx, `functions.date(${year},${month},${day})`, () => {
      const serial = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
      const value = serial - this.ctx.host.model.dayZeroAfter1900();
      // Excel gives #NUM! for a date before its day zero.
      return value < 0 ? { value: 0, error: '#NUM!' } : { value, error: '' };
    });
  }
}

export class MemoryFunctionResult
  extends ClientObject<{ value: number; error: string }>
  implements XFunctionResult<number>
{
  get value(): number {
    return this.prop('value');
  }
  get error(): string {
    return this.prop('error');
  }
  load(names?: string | string[]): MemoryFunctionResult {
    this.loadNames(names);
    return this;
  }
  protected scalarNames(): string[] {
    return ['value', 'error'];
  }
  protected read(m: { value: number; error: string }, name: string): unknown {
    if (name === 'value') return m.value;
    if (name === 'error') return m.error;
    return unknownProperty(name, this.path);
  }
}
