/**
 * Setting one value in the input workbook's `Policies` table while copying it (the command line's `close` records
 * Closed Through there). The row whose Setting names it (the one setting-name normaliser, src/input) gets the value;
 * with no such row, the first blank row of the table is used, else a row is added below the table when that row is
 * empty in the table's columns (the table grows by it). Only those cells, and the table's range when it grows,
 * change: the sheet's XML is edited in place, everything else of the user's is copied as it is.
 */
import { columnLetters, columnNumber, formatCell, type RangeAddress } from '../input/a1';
import type { TableGrid } from '../input/grid';
import { findPolicySetting } from '../input/settingNames';
import { headerKey, isBlankValue } from '../input/values';
import type { XlsxPackage } from './package';
import { DAYS_1904 } from '../input/dateSystem';
import { firstDataRow, readTableDef, readWorkbookTables, type TableDef } from './readTables';
import { escapeXml } from './sheetXml';
import type { WorkbookInfo, WorkbookSheet } from './workbookPart';
import { withDefaultNamespace } from './xml';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (Excel's serial 0 in the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

export interface PolicyValue {
  /** The setting as the template spells it ("Closed Through"). */
  setting: string;
  value: Date | string | number;
  numberFormat?: string;
}

export interface PolicyEdit {
  /** New content of the parts that change (the sheet, and the table part when it grows), by part name. */
  parts: Map<string, string>;
}

/** A cell as SpreadsheetML: text inline, a number as such, a date as its serial in the workbook's date system. */
function cellXml(ref: string, value: Date | string | number, style: number | undefined, date1904 = false): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (value instanceof Date) {
    const serial = UNIX_EPOCH_SERIAL + value.getTime() / MS_PER_DAY - (date1904 ? DAYS_1904 : 0);
    return `<c r="${ref}"${s}><v>${serial}</v></c>`;
  }
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*`;

/** The sheet XML with the cell at (col, row) replaced or added, rows and cells kept in order. */
export function setCellXml(xml: string, col: number, row: number, cell: string): string {
  const ref = `${columnLetters(col)}${row}`;
  const rowRe = new RegExp(`<row(?=[\\s/>])(?:[^>]*?\\s)?r="${row}"${ATTRS}?(?:/>|>([\\s\\S]*?)</row>)`);
  const found = rowRe.exec(xml);
  if (found) {
    const open = /^<row[^>]*?(?=\/?>)/.exec(found[0])?.[0] ?? `<row r="${row}"`;
    const inner = found[1] ?? '';
    const cells = [...inner.matchAll(new RegExp(`<c(?=[\\s/>])${ATTRS}?(?:/>|>[\\s\\S]*?</c>)`, 'g'))];
    const same = cells.find((c) => new RegExp(`\\sr="${ref}"`).test(c[0]));
    let next: string;
    if (same) next = inner.replace(same[0], cell);
    else {
      const after = cells.find((c) => {
        const m = /\sr="([A-Z]{1,3})\d+"/.exec(c[0]);
        return m !== null && columnNumber(m[1]) > col;
      });
      next = after ? inner.replace(after[0], cell + after[0]) : inner + cell;
    }
    return xml.replace(found[0], `${open}>${next}</row>`);
  }
  const rows = [...xml.matchAll(/<row(?=[\s/>])(?:[^>]*?\s)?r="(\d+)"/g)];
  const later = rows.find((m) => Number(m[1]) > row);
  const el = `<row r="${row}">${cell}</row>`;
  if (later && later.index !== undefined) return xml.slice(0, later.index) + el + xml.slice(later.index);
  if (/<sheetData\s*\/>/.test(xml)) return xml.replace(/<sheetData\s*\/>/, `<sheetData>${el}</sheetData>`);
  return xml.replace('</sheetData>', `${el}</sheetData>`);
}

/** Whether the sheet has any value in `row` between the columns. */
function rowHasValues(xml: string, row: number, range: RangeAddress): boolean {
  const rowRe = new RegExp(`<row(?=[\\s/>])(?:[^>]*?\\s)?r="${row}"${ATTRS}?>([\\s\\S]*?)</row>`);
  const inner = rowRe.exec(xml)?.[1];
  if (!inner) return false;
  for (let c = range.start.col; c <= range.end.col; c++) {
    const cell = new RegExp(`<c(?=[\\s/>])[^>]*\\sr="${columnLetters(c)}${row}"${ATTRS}?>([\\s\\S]*?)</c>`).exec(inner);
    if (cell && /<(v|is|f)[\s>]/.test(cell[1])) return true;
  }
  return false;
}

/**
 * The parts to change so that the Policies table holds `policy`; a string says in plain words why it cannot.
 * `style(format)` gives the cell style for a number format (the writer's style registry).
 */
export function policyEdit(
  pkg: XlsxPackage,
  info: WorkbookInfo,
  sheets: WorkbookSheet[],
  policy: PolicyValue,
  style: (format: string | undefined) => number | undefined,
): PolicyEdit | string {
  let found: { sheet: WorkbookSheet; def: TableDef; tablePart: string } | null = null;
  for (const sheet of sheets) {
    if (found || !sheet.worksheet || sheet.part === null) continue;
    for (const r of pkg.relationships(sheet.part)) {
      const t = r.type === 'table' && r.target !== null ? pkg.find(r.target) : undefined;
      if (!t) continue;
      const def = readTableDef(pkg, t, sheet.name);
      if (def && def.name.toLowerCase() === 'policies') {
        found = { sheet, def, tablePart: t };
        break;
      }
    }
  }
  if (!found) return 'the workbook has no Policies table to record it in';
  const { sheet, def, tablePart } = found;
  const grid = readWorkbookTables(pkg, undefined, info).tables.find(
    (t: TableGrid) => t.sheet === sheet.name && t.name === def.name,
  ) as TableGrid;
  const settingCol = grid.headers.findIndex((h) => headerKey(h) === 'setting');
  const valueCol = grid.headers.findIndex((h) => headerKey(h) === 'value');
  if (settingCol < 0 || valueCol < 0) return 'the Policies table has no Setting and Value columns';
  // The rows as the reader sees them (a table written with headerRowCount="0", as exceljs writes it, still holds its
  // header row), through the table's declared end: blank rows inside the table are used before it grows.
  const firstData = firstDataRow(grid) ?? def.range.start.row + def.headerRows;
  const lastData = def.range.end.row - def.totalsRows;
  const wanted = findPolicySetting(policy.setting);
  let row = 0;
  let blank = 0;
  for (let r = firstData; r <= lastData; r++) {
    const v = grid.rows[r - firstData]?.[settingCol]?.value ?? null;
    if (isBlankValue(v)) {
      if (!blank) blank = r;
      continue;
    }
    if (findPolicySetting(String(v)) === wanted) row = r;
  }
  if (!row) row = blank;
  const parts = new Map<string, string>();
  let xml = withDefaultNamespace(pkg.text(sheet.part as string), NS_MAIN);
  if (!row) {
    row = def.range.end.row + 1;
    if (def.totalsRows > 0 || rowHasValues(xml, row, def.range)) {
      return (
        `the Policies table has no ${policy.setting} row and the row below it ` +
        `(${formatCell({ col: def.range.start.col, row })}) is in use; add a ${policy.setting} row to the table`
      );
    }
    const grown = `${formatCell(def.range.start)}:${formatCell({ col: def.range.end.col, row })}`;
    const table = pkg
      .text(tablePart)
      .replace(/(<(?:[\w.-]+:)?(?:table|autoFilter)(?=[\s/>])[^>]*?\sref=")[^"]*"/g, `$1${grown}"`);
    parts.set(tablePart, table);
  }
  const col = (k: number) => def.range.start.col + k;
  xml = setCellXml(
    xml,
    col(settingCol),
    row,
    cellXml(`${columnLetters(col(settingCol))}${row}`, policy.setting, undefined),
  );
  xml = setCellXml(
    xml,
    col(valueCol),
    row,
    cellXml(`${columnLetters(col(valueCol))}${row}`, policy.value, style(policy.numberFormat), info.date1904),
  );
  parts.set(sheet.part as string, xml);
  return { parts };
}
