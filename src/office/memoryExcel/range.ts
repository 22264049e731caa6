/// <reference types="office-js" />
/**
 * The in-memory range proxy: values, formulas, number formats, column widths, fonts, selection, conditional
 * formats.
 */
import type {
  CellValue,
  XCellValueConditionalFormat,
  XConditionalFormat,
  XConditionalFormatCollection,
  XDataValidation,
  XRange,
  XRangeFont,
  XRangeFormat,
} from '../excelApi';
import { enter } from './coerce';
import { ExcelError, propertyNotLoaded } from './errors';
import { FormulaEngine } from './formula';
import { qualifiedAddress, type ConditionalFormatModel, type Rect, type SheetModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { parseLoad, type Resolver, ClientObject, unknownProperty } from './clientObject';
import { MemoryWorksheet } from './worksheet';
import { MemoryDataValidation } from './dataValidation';

export interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

export function cellCount(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

/** Conditional format ids handed out in this session. */
let conditionalFormatIds = 0;

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
        const model: ConditionalFormatModel = {
          id: '',
          rect: { r0: 0, c0: 0, r1: 0, c1: 0 },
          rule: { formula1: '', operator: 'EqualTo' } as Excel.ConditionalCellValueRule,
        };
        this.call('conditionalFormats.add', type, (r) => {
          model.id = `{CF-${++conditionalFormatIds}}`;
          model.rect = r.rect;
          r.sheet.conditionalFormats.push(model);
        });
        return this.conditionalFormat(`${this.path}.conditionalFormat`, () => model);
      },
      getItem: (id: string): XConditionalFormat =>
        this.conditionalFormat(`${this.path}.conditionalFormats(${id})`, () => {
          const found = this.m().sheet.conditionalFormats.find((cf) => cf.id === id);
          if (!found) throw new ExcelError('ItemNotFound', 'The requested resource does not exist.', id);
          return found;
        }),
    };
  }
  /** A conditional format proxy: its rule and colours set, its id loaded, itself deleted, in the request. */
  private conditionalFormat(path: string, model: () => ConditionalFormatModel): XConditionalFormat {
    const ctx = this.ctx;
    const sheet = (): SheetModel => this.m().sheet;
    let id: string | undefined;
    const cellValue: XCellValueConditionalFormat = {
      get rule(): Excel.ConditionalCellValueRule {
        throw propertyNotLoaded('rule');
      },
      set rule(rule: Excel.ConditionalCellValueRule) {
        ctx.enqueue({ op: 'set:rule', target: path, args: rule, run: () => (model().rule = rule) });
      },
      format: {
        font: {
          get color(): string {
            throw propertyNotLoaded('color');
          },
          set color(c: string) {
            ctx.enqueue({ op: 'set:font/color', target: path, args: c, run: () => (model().fontColor = c) });
          },
        },
        fill: {
          get color(): string {
            throw propertyNotLoaded('color');
          },
          set color(c: string) {
            ctx.enqueue({ op: 'set:fill/color', target: path, args: c, run: () => (model().fillColor = c) });
          },
        },
      },
    };
    const proxy: XConditionalFormat = {
      get id(): string {
        if (id === undefined) throw propertyNotLoaded('id');
        return id;
      },
      cellValue,
      load(names?: string | string[]) {
        const list = parseLoad(names);
        ctx.enqueue({
          op: 'load',
          target: path,
          args: list,
          run: () => {
            if (list.length === 0 || list.includes('id')) {
              id = model().id;
              ctx.addResponse(id);
            }
          },
        });
        return proxy;
      },
      delete() {
        ctx.enqueue({
          op: 'delete',
          target: path,
          run: () => {
            const list = sheet().conditionalFormats;
            const i = list.indexOf(model());
            if (i >= 0) list.splice(i, 1);
          },
        });
      },
    };
    return proxy;
  }
  private worksheetProxy?: MemoryWorksheet;
  get worksheet(): MemoryWorksheet {
    return (this.worksheetProxy ??= new MemoryWorksheet(this.ctx, `${this.path}.worksheet`, () => this.m().sheet));
  }
  load(names?: string | string[]): MemoryRange {
    const list = parseLoad(names);
    if (!list.some((n) => n === 'values' || n === 'text' || n === 'valueTypes')) {
      this.loadNames(names);
      return this;
    }
    this.ctx.enqueue({
      op: 'load',
      target: this.path,
      args: list,
      prepare: async () => {
        const r = this.resolve();
        if (r) await this.ctx.host.calculateBefore(r.sheet, r.rect);
      },
      run: () => this.fill(list),
    });
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
            const entered = enter(input as CellValue, row.nf[c], this.ctx.host.model.dayZeroAfter1900());
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
