/// <reference types="office-js" />
/**
 * The in-memory data validation proxy (ExcelApi 1.8): list sources checked as Excel checks them.
 */
import type { XDataValidation } from '../excelApi';
import { splitAddress } from '../formulaRefs';
import { ExcelError } from './errors';
import { intersects, parseAddress, type SheetModel, type WorkbookModel } from './model';
import type { MemoryRequestContext } from './requestContext';
import { type Resolver, ClientObject, unknownProperty } from './clientObject';
import { type RangeModel } from './range';

/** Excel's limit on an inline list source (the items joined by commas). */
export const INLINE_LIST_LIMIT = 255;

/**
 * A list source is either inline text ("Monthly,Quarterly", at most 255 characters, as Excel refuses longer) or
 * "=<range>" on a sheet of the workbook ("=Policies!$D$4:$D$21", or a range of the validated sheet).
 */
export function checkListSource(model: WorkbookModel, sheet: SheetModel, source: string, path: string): void {
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

export class MemoryDataValidation extends ClientObject<RangeModel> implements XDataValidation {
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
