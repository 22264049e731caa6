/**
 * The in-memory worksheet proxy: name, position, tab colour, freeze panes, ranges, used range, names, tables.
 */
import type { XRange, XWorksheet, XWorksheetFreezePanes } from '../excelApi';
import { ExcelError } from './errors';
import { parseAddress, type SheetModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { type Resolver, parseLoad, ClientObject, unknownProperty } from './clientObject';
import { MemoryRange } from './range';
import { MemoryTableCollection } from './table';
import { MemoryNamedItemCollection } from './namedItems';

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
    this.set('name', value, (s) => this.ctx.host.model.renameSheet(s, value), 0, true);
  }
  get position(): number {
    return this.prop('position');
  }
  set position(value: number) {
    this.set('position', value, (s) => this.ctx.host.model.moveSheet(s, value), 0, true);
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
    this.call(
      'activate',
      undefined,
      (s) => {
        this.ctx.host.model.activeSheet = s;
      },
      true,
    );
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
