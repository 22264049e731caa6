/**
 * The in-memory table proxies: the table collection (add, getItem) and a table (ranges, rows.add, rename, delete).
 */
import type {
  CellValue,
  XEventHandlers,
  XTable,
  XTableChangedEventArgs,
  XTableCollection,
  XTableRowCollection,
} from '../excelApi';
import { splitAddress } from '../formulaRefs';
import { enter } from './coerce';
import { ExcelError } from './errors';
import { parseAddress, type SheetModel, type TableModel, type WorkbookModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { type Resolver, parseLoad, ClientObject, unknownProperty } from './clientObject';
import { MemoryWorksheet } from './worksheet';
import { MemoryRange } from './range';

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
  get onChanged(): XEventHandlers<XTableChangedEventArgs> {
    this.ctx.requires('TableCollection.onChanged');
    return {
      add: (handler) => {
        let remove = (): void => undefined;
        this.ctx.enqueue({
          op: 'onChanged.add',
          target: this.path,
          run: () => {
            remove = this.ctx.host.addTableChangedHandler(handler);
          },
        });
        return { remove: () => remove() };
      },
    };
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
    this.set('name', value, (t) => this.ctx.host.model.renameTable(t, value), 0, true);
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
        const entered = enter(grid[i][j], row.nf[c], this.ctx.host.model.dayZeroAfter1900());
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
