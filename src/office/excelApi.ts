/// <reference types="office-js" />
/**
 * The subset of the Excel JavaScript API (Office.js) that the add-in uses, as structural types. The adapter
 * codes against these; Excel's own classes satisfy them (checked at compile time by `fromExcelContext`), and so
 * does the in-memory Excel used by the tests and the playground. Each member notes its requirement set.
 */

export type CellValue = string | number | boolean;
/** Office.js 2-D arrays: null in an input array leaves that cell unchanged. */
export type CellGrid = (CellValue | null)[][];

export interface XLoadable<T> {
  load(propertyNames?: string | string[]): T;
}

export interface XRequestContext {
  workbook: XWorkbook;
  application: XApplication;
  sync(): Promise<void>;
}

export interface XApplication {
  /** ExcelApi 1.6 */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9: feature-detected, the manifest asks for 1.8. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XWorkbook extends XLoadable<XWorkbook> {
  /** ExcelApi 1.7 */
  readonly name: string;
  /** ExcelApi 1.1 */
  readonly worksheets: XWorksheetCollection;
  /** ExcelApi 1.1 */
  readonly tables: XTableCollection;
  /** ExcelApi 1.2: worksheet functions evaluated by Excel. */
  readonly functions: XFunctions;
}

export interface XFunctions {
  /** DATE, as the workbook computes it: the serial number in the workbook's own date system. */
  date(year: number, month: number, day: number): XFunctionResult<number>;
}

export interface XFunctionResult<T> extends XLoadable<XFunctionResult<T>> {
  readonly value: T;
  /** The Excel error the function gave (such as "#NUM!"), if any. */
  readonly error: string;
}

export interface XWorksheetCollection extends XLoadable<XWorksheetCollection> {
  readonly items: XWorksheet[];
  /** ExcelApi 1.1 */
  add(name?: string): XWorksheet;
  /** ExcelApi 1.1 */
  getItem(key: string): XWorksheet;
  /** ExcelApi 1.4 */
  getItemOrNullObject(key: string): XWorksheet;
}

export interface XWorksheet extends XLoadable<XWorksheet> {
  readonly id: string;
  name: string;
  position: number;
  /** ExcelApi 1.7 */
  tabColor: string;
  readonly isNullObject: boolean;
  readonly tables: XTableCollection;
  /** ExcelApi 1.4 */
  readonly names: XNamedItemCollection;
  /** ExcelApi 1.7 */
  readonly freezePanes: XWorksheetFreezePanes;
  /** ExcelApi 1.9: feature-detected (print settings); absent on hosts and fakes without it. */
  readonly pageLayout?: XPageLayout;
  delete(): void;
  activate(): void;
  getRange(address?: string): XRange;
  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
}

export interface XPageLayout {
  /** ExcelApi 1.9 */
  orientation: 'Portrait' | 'Landscape' | Excel.PageOrientation;
  /** ExcelApi 1.9 */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** ExcelApi 1.9 */
  setPrintTitleRows(range: XRange | string): void;
  /** ExcelApi 1.9 */
  setPrintTitleColumns(range: XRange | string): void;
  /** ExcelApi 1.9 */
  readonly headersFooters: {
    readonly defaultForAllPages: { leftHeader: string; centerHeader: string; centerFooter: string };
  };
}

export interface XWorksheetFreezePanes {
  /** ExcelApi 1.7 */
  freezeRows(count?: number): void;
  /** ExcelApi 1.7: freezes the rows above and the columns left of the range's bottom-right corner. */
  freezeAt(frozenRange: XRange | string): void;
}

export interface XNamedItemCollection extends XLoadable<XNamedItemCollection> {
  readonly items: XNamedItem[];
  /** ExcelApi 1.4 */
  add(name: string, reference: XRange | string, comment?: string): XNamedItem;
  /** ExcelApi 1.4 */
  getItemOrNullObject(name: string): XNamedItem;
}

export interface XNamedItem extends XLoadable<XNamedItem> {
  readonly name: string;
  readonly isNullObject: boolean;
  /** ExcelApi 1.4 */
  delete(): void;
}

export interface XRange extends XLoadable<XRange> {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: XRangeFormat;
  /** ExcelApi 1.8 */
  readonly dataValidation: XDataValidation;
  /** ExcelApi 1.6 */
  readonly conditionalFormats: XConditionalFormatCollection;
  readonly worksheet: XWorksheet;
  select(): void;
}

export interface XRangeFormat {
  /** Points. ExcelApi 1.2 */
  columnWidth: number;
  readonly font: XRangeFont;
}

export interface XRangeFont {
  bold: boolean;
  color: string;
}

export interface XDataValidation extends XLoadable<XDataValidation> {
  /** ExcelApi 1.8 */
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  clear(): void;
}

export interface XConditionalFormatCollection {
  /** ExcelApi 1.6 */
  add(type: 'CellValue'): XConditionalFormat;
  /** ExcelApi 1.6 */
  getItem(id: string): XConditionalFormat;
}

export interface XConditionalFormat extends XLoadable<XConditionalFormat> {
  /** ExcelApi 1.6 (load it) */
  readonly id: string;
  readonly cellValue: XCellValueConditionalFormat;
  /** ExcelApi 1.6 */
  delete(): void;
}

export interface XCellValueConditionalFormat {
  rule: Excel.ConditionalCellValueRule;
  readonly format: { readonly font: { color: string }; readonly fill: { color: string } };
}

/** What a table change event says (Excel.TableChangedEventArgs, the members the add-in reads). */
export interface XTableChangedEventArgs {
  readonly tableId: string;
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
}

export interface XEventHandlers<A> {
  /** ExcelApi 1.7 (on the table collection): `handler` runs on every change; registered at the next sync. */
  add(handler: (args: A) => Promise<unknown>): unknown;
}

export interface XTableCollection extends XLoadable<XTableCollection> {
  readonly items: XTable[];
  /** ExcelApi 1.7: raised when data in any table changes. */
  readonly onChanged: XEventHandlers<XTableChangedEventArgs>;
  /** ExcelApi 1.1 (a string address) */
  add(address: string, hasHeaders: boolean): XTable;
  getItem(key: string): XTable;
  /** ExcelApi 1.4 */
  getItemOrNullObject(key: string): XTable;
}

export interface XTable extends XLoadable<XTable> {
  name: string;
  style: string;
  readonly isNullObject: boolean;
  /** ExcelApi 1.2 */
  readonly worksheet: XWorksheet;
  readonly rows: XTableRowCollection;
  getRange(): XRange;
  getHeaderRowRange(): XRange;
  getDataBodyRange(): XRange;
  delete(): void;
}

export interface XTableRowCollection {
  /** ExcelApi 1.1 (one row); 1.4 for several. */
  add(index?: number, values?: CellValue[][]): unknown;
}

/** How the add-in reaches a workbook: `Excel.run` in Office, the in-memory Excel in tests and the playground. */
export type ExcelRun = <T>(batch: (context: XRequestContext) => Promise<T>) => Promise<T>;

/** Compile-time proof that the real Office.js context satisfies the subset above. */
export function fromExcelContext(context: Excel.RequestContext): XRequestContext {
  return context;
}
