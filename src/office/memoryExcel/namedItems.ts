/**
 * The in-memory names proxies (sheet-scoped names, ExcelApi 1.4).
 */
import type { XNamedItem, XNamedItemCollection, XRange } from '../excelApi';
import { ExcelError } from './errors';
import { checkTableName, qualifiedAddress, type SheetModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { type Resolver, parseLoad, ClientObject, unknownProperty } from './clientObject';
import { MemoryRange } from './range';

export class MemoryNamedItemCollection extends ClientObject<SheetModel> implements XNamedItemCollection {
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
      formulaFree: true,
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

export interface NamedItemRef {
  sheet: SheetModel;
  item: { name: string; reference: string; comment: string };
}

export class MemoryNamedItem extends ClientObject<NamedItemRef> implements XNamedItem {
  constructor(ctx: MemoryRequestContext, path: string, resolver: Resolver<NamedItemRef>, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  get name(): string {
    return this.prop('name');
  }
  delete(): void {
    this.ctx.requires('NamedItem.delete');
    this.call(
      'delete',
      undefined,
      ({ sheet, item }) => {
        const i = sheet.names.indexOf(item);
        if (i >= 0) sheet.names.splice(i, 1);
      },
      true,
    );
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
