/**
 * The .xlsx adapter for input: every Excel table (ListObject) of a workbook as the plain cell grids the pure
 * reader takes (src/input/grid.ts). Nothing here decides what a value means.
 *
 * Read straight from the package (src/xlsx/package.ts), so a workbook saved by Excel, LibreOffice, openpyxl,
 * Google Sheets or Numbers reads the same: relationship targets relative or absolute, SpreadsheetML with or
 * without a namespace prefix, strings shared or inline, no styles part, shared formulas, ISO dates (`t="d"`).
 * Only the worksheets that hold tables are parsed, only the cells inside a table are kept, and a table's range is
 * trimmed to its last row and column holding anything, so a table declared as `A3:XFD1048576` costs what it holds.
 * Sheets the product wrote (marked OUTPUT_MARK) are not read.
 *
 * Values: a number is its number (with its number format), a date cell its Excel serial in the 1900 date system
 * (a 1904 workbook's dates are converted), text its text (rich text joined), a boolean a boolean, an error value
 * its text ("#N/A"). A formula gives its cached result; with none, the formula text (`=...`), so the reader
 * reports it instead of reading a blank.
 */
import { readFile, stat } from 'node:fs/promises';
import { columnNumber, formatCell, MAX_COLUMNS, MAX_ROWS, parseRange, type RangeAddress } from '../input/a1';
import { readIn1900 } from '../input/dateSystem';
import type { GridCell, GridValue, TableGrid, WorkbookTables } from '../input/grid';
import { MAX_CELL_TEXT, MAX_FILE_BYTES, MAX_TABLE_CELLS, NOT_A_WORKBOOK } from './limits';
import { WorkbookError, XlsxPackage } from './package';
import { readWorkbookInfo, type WorkbookInfo } from './workbookPart';

/** Excel's built-in number formats by id (the ones a reader may meet without a numFmt element). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format of each cell style (cellXfs index), from the styles part; none when there is no styles part. */
function readCellFormats(pkg: XlsxPackage, stylesPart: string | null): string[] {
  if (stylesPart === null) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  pkg.xml(stylesPart, {
    open: (el, attrs, selfClosing) => {
      if (el === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? 'General');
      else if (el === 'cellXfs' && !selfClosing) inCellXfs = true;
      else if (el === 'xf' && inCellXfs) xfIds.push(Number(attrs.numFmtId ?? 0));
    },
    close: (el) => {
      if (el === 'cellXfs') inCellXfs = false;
    },
  });
  return xfIds.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
}

export interface TableDef {
  name: string;
  range: RangeAddress;
  headerRows: number;
  totalsRows: number;
  columnNames: string[];
}

export function readTableDef(pkg: XlsxPackage, part: string, sheet: string): TableDef | null {
  let def: TableDef | null = null;
  const columnNames: string[] = [];
  pkg.xml(part, {
    open: (el, attrs) => {
      if (el === 'table' && def === null) {
        const name = attrs.displayName || attrs.name || '';
        const ref = (attrs.ref ?? '').replace(/\$/g, '');
        let range: RangeAddress;
        try {
          range = parseRange(ref.includes(':') ? ref : `${ref}:${ref}`);
        } catch (e) {
          throw new WorkbookError(
            NOT_A_WORKBOOK.partDamaged(part, `gives the table ${name || '(unnamed)'} on sheet ${sheet} no valid range`),
            { cause: e },
          );
        }
        const count = (v: string | undefined, dflt: number) => (v === undefined ? dflt : Number(v) > 0 ? 1 : 0);
        def = {
          name,
          range,
          headerRows: count(attrs.headerRowCount, 1),
          totalsRows: count(attrs.totalsRowCount, 0),
          columnNames,
        };
      } else if (el === 'tableColumn') columnNames.push(attrs.name ?? '');
    },
  });
  return def !== null && (def as TableDef).name !== '' ? def : null;
}

/** A column's number, or NaN for letters past XFD. */
function columnOf(letters: string): number {
  try {
    return columnNumber(letters.toUpperCase());
  } catch {
    return NaN;
  }
}

/** A cell as read from the sheet, before shared strings are looked up. */
interface RawCell {
  value: GridValue;
  /** Index into the shared strings, for `t="s"`. */
  shared?: number;
  style: number;
}

/** Reads the cells of `part` that fall inside `ranges` (row -> col -> cell). */
function readSheetCells(
  pkg: XlsxPackage,
  part: string,
  ranges: RangeAddress[],
  sheet: string,
): Map<number, Map<number, RawCell>> {
  const rows = new Map<number, Map<number, RawCell>>();
  const minRow = Math.min(...ranges.map((r) => r.start.row));
  const maxRow = Math.max(...ranges.map((r) => r.end.row));
  const inside = (row: number, col: number) =>
    row >= minRow &&
    row <= maxRow &&
    ranges.some((r) => row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col);
  const sharedFormulas = new Map<string, string>();
  let row = 0;
  let col = 0;
  let cell: { row: number; col: number; type: string; style: number; keep: boolean } | null = null;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: string | null = null;
  let inline: string | null = null;
  let into: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  const cellRef = /^([A-Za-z]{1,3})(\d{1,7})$/;
  pkg.xml(part, {
    open: (el, attrs, selfClosing) => {
      switch (el) {
        case 'row': {
          const r = attrs.r === undefined ? row + 1 : Number(attrs.r);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) {
            throw new WorkbookError(
              NOT_A_WORKBOOK.partDamaged(part, `(sheet ${sheet}) has a row numbered "${attrs.r}"`),
            );
          }
          row = r;
          col = 0;
          return;
        }
        case 'c': {
          let r = row;
          let c = col + 1;
          if (attrs.r !== undefined) {
            const m = cellRef.exec(attrs.r);
            const cn = m ? columnOf(m[1]) : NaN;
            if (!m || !(cn >= 1 && cn <= MAX_COLUMNS) || Number(m[2]) < 1 || Number(m[2]) > MAX_ROWS) {
              throw new WorkbookError(
                NOT_A_WORKBOOK.partDamaged(
                  part,
                  `(sheet ${sheet}) has a cell at "${attrs.r}", which is no cell address`,
                ),
              );
            }
            c = cn;
            r = Number(m[2]);
          }
          col = c;
          const style = attrs.s === undefined ? 0 : Number(attrs.s);
          cell = {
            row: r,
            col: c,
            type: attrs.t ?? 'n',
            style: Number.isInteger(style) ? style : 0,
            keep: inside(r, c),
          };
          v = f = fShared = inline = null;
          if (selfClosing) finishCell();
          return;
        }
        case 'v':
          if (cell) into = 'v';
          return;
        case 'f':
          if (cell) {
            into = 'f';
            f = '';
            if (attrs.t === 'shared' && attrs.si !== undefined) fShared = attrs.si;
          }
          if (selfClosing) into = null;
          return;
        case 'is':
          if (cell) inline = '';
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell && inline !== null && phonetic === 0) into = 't';
          return;
      }
    },
    text: (t) => {
      if (!cell) return;
      if (into === 'f') f = (f ?? '') + t;
      if (!cell.keep) return;
      if (into === 'v') v = (v ?? '') + t;
      else if (into === 't') inline = (inline ?? '') + t;
      if ((v?.length ?? 0) > MAX_CELL_TEXT || (inline?.length ?? 0) > MAX_CELL_TEXT) tooLong(sheet, cell);
    },
    close: (el) => {
      if (el === 'v' || el === 'f' || el === 't') into = null;
      else if (el === 'rPh') phonetic--;
      else if (el === 'c') finishCell();
    },
  });

  function finishCell(): void {
    const c = cell;
    cell = null;
    if (!c) return;
    if (fShared !== null) {
      if (f) sharedFormulas.set(fShared, f);
      else f = sharedFormulas.get(fShared) ?? f;
    }
    if (!c.keep) return;
    const raw = cellValue(c.type, v, f, inline);
    if (raw === null) return;
    let line = rows.get(c.row);
    if (!line) rows.set(c.row, (line = new Map()));
    line.set(c.col, { ...raw, style: c.style });
  }
  return rows;
}

function tooLong(sheet: string, c: { row: number; col: number }): never {
  throw new WorkbookError(
    `the cell ${sheet}!${formatCell(c)} holds text longer than ${MAX_CELL_TEXT.toLocaleString('en-US')} characters, ` +
      "Excel's limit for one cell.",
  );
}

/** A cell's value from its type, `<v>`, `<f>` and inline text. */
function cellValue(
  type: string,
  v: string | null,
  f: string | null,
  inline: string | null,
): Omit<RawCell, 'style'> | null {
  if (type === 'inlineStr') return inline === null ? (v === null ? null : { value: v }) : { value: inline };
  if (v === null) {
    if (f !== null) return { value: `=${f}` };
    return inline === null ? null : { value: inline };
  }
  switch (type) {
    case 's': {
      const i = Number(v.trim());
      return Number.isInteger(i) && i >= 0 ? { value: null, shared: i } : { value: v };
    }
    case 'b':
      return { value: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'str':
    case 'e':
      return { value: v };
    case 'd': {
      // An ISO 8601 date (Numbers, some writers): a date at midnight becomes its ISO date text.
      const m = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0+)?)?(Z)?)?$/.exec(v.trim());
      return { value: m ? m[1] : v };
    }
    default: {
      const t = v.trim();
      if (t === '') return null;
      const n = Number(t);
      return { value: Number.isFinite(n) && /^[-+]?[\d.]/.test(t) ? n : v };
    }
  }
}

/** The shared strings at the indexes asked for (the others are skipped, not kept). */
function readSharedStrings(pkg: XlsxPackage, part: string | null, wanted: Set<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (part === null || wanted.size === 0) return out;
  let index = -1;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  pkg.xml(part, {
    open: (el, _a, selfClosing) => {
      if (el === 'si') {
        index++;
        text = wanted.has(index) ? '' : null;
        if (selfClosing && text !== null) out.set(index, '');
      } else if (el === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (el === 't' && !selfClosing && phonetic === 0) inT = true;
    },
    text: (t) => {
      if (!inT || text === null) return;
      text += t;
      if (text.length > MAX_CELL_TEXT) {
        throw new WorkbookError(
          `a text of the workbook is longer than ${MAX_CELL_TEXT.toLocaleString('en-US')} characters, Excel's limit for one cell.`,
        );
      }
    },
    close: (el) => {
      if (el === 't') inT = false;
      else if (el === 'rPh') phonetic--;
      else if (el === 'si' && text !== null) {
        out.set(index, text);
        text = null;
      }
    },
  });
  return out;
}

/** The input tables of an opened package. */
export function readWorkbookTables(
  pkg: XlsxPackage,
  source?: string,
  info: WorkbookInfo = readWorkbookInfo(pkg),
  options: ReadOptions = {},
): WorkbookTables {
  const rel = (type: string) => {
    const r = info.relationships.find((x) => x.type === type && x.target !== null);
    return r?.target ? (pkg.find(r.target) ?? null) : null;
  };
  const formats = readCellFormats(pkg, rel('styles'));
  const pending: { table: TableDef; sheet: string; cells: Map<number, Map<number, RawCell>> }[] = [];
  for (const sheet of info.sheets) {
    if ((sheet.owned && !options.outputs) || !sheet.worksheet || sheet.part === null) continue;
    const defs = pkg
      .relationships(sheet.part)
      .filter((r) => r.type === 'table' && r.target !== null && pkg.has(r.target))
      .map((r) => readTableDef(pkg, pkg.find(r.target as string) as string, sheet.name))
      .filter((d): d is TableDef => d !== null);
    if (defs.length === 0) continue;
    const cells = readSheetCells(
      pkg,
      sheet.part,
      defs.map((d) => d.range),
      sheet.name,
    );
    for (const table of defs) pending.push({ table, sheet: sheet.name, cells });
  }

  const wanted = new Set<number>();
  for (const p of pending)
    for (const line of p.cells.values())
      for (const c of line.values()) if (c.shared !== undefined) wanted.add(c.shared);
  const strings = readSharedStrings(pkg, rel('sharedStrings'), wanted);

  const gridCell = (raw: RawCell | undefined): GridCell => {
    if (!raw) return { value: null };
    let value: GridValue = raw.value;
    if (raw.shared !== undefined) value = strings.get(raw.shared) ?? null;
    const numberFormat = formats[raw.style];
    value = readIn1900(value, numberFormat, info.date1904);
    return numberFormat !== undefined && numberFormat !== 'General' ? { value, numberFormat } : { value };
  };

  let cellsRead = 0;
  const tables: TableGrid[] = [];
  for (const { table: declared, sheet, cells } of pending) {
    const table = withHeaderRow(declared, cells, gridCell);
    const { start, end } = table.range;
    const headerRow = start.row;
    const firstData = start.row + table.headerRows;
    const lastData = end.row - table.totalsRows;
    // Trim to the last row and column that hold anything (a header, a column name or a value).
    let lastCol = start.col + table.columnNames.filter((n) => n !== '').length - 1;
    let lastRow = firstData - 1;
    for (const [r, line] of cells) {
      if (r < headerRow || r > lastData) continue;
      for (const [c, raw] of line) {
        if (c < start.col || c > end.col) continue;
        const blank = raw.value === null && raw.shared === undefined;
        if (blank) continue;
        lastCol = Math.max(lastCol, c);
        if (r >= firstData) lastRow = Math.max(lastRow, r);
      }
    }
    lastCol = Math.min(lastCol, end.col);
    const width = Math.max(0, lastCol - start.col + 1);
    cellsRead += width * Math.max(0, lastRow - firstData + 1);
    if (cellsRead > MAX_TABLE_CELLS) {
      throw new WorkbookError(
        `the input tables hold more than ${MAX_TABLE_CELLS.toLocaleString('en-US')} cells, the most this program ` +
          `reads (table ${table.name} on sheet ${sheet}).`,
      );
    }
    const headers: string[] = [];
    for (let c = start.col; c <= lastCol; c++) {
      const fallback = table.columnNames[c - start.col] ?? '';
      const h = table.headerRows > 0 ? gridCell(cells.get(headerRow)?.get(c)).value : null;
      headers.push(h === null || h === '' ? fallback : String(h));
    }
    const rows: GridCell[][] = [];
    for (let r = firstData; r <= lastRow; r++) {
      const line = cells.get(r);
      const out: GridCell[] = [];
      for (let c = start.col; c <= lastCol; c++) out.push(gridCell(line?.get(c)));
      rows.push(out);
    }
    const grid: TableGrid = { name: table.name, sheet, topLeft: formatCell(start), headers, rows };
    firstDataRows.set(grid, firstData);
    tables.push(grid);
  }
  return source === undefined ? { tables } : { tables, source };
}

/**
 * A table declared without a header row (headerRowCount="0") whose first row nevertheless holds its column names
 * is read with that row as its header: exceljs writes headerRowCount="0" for tables it loaded from a file that
 * left the attribute out (as Excel does), with the header cells still in place.
 */
function withHeaderRow(
  table: TableDef,
  cells: Map<number, Map<number, RawCell>>,
  gridCell: (raw: RawCell | undefined) => GridCell,
): TableDef {
  if (table.headerRows > 0 || table.columnNames.length === 0) return table;
  const first = cells.get(table.range.start.row);
  const same = table.columnNames.every((name, k) => {
    const v = gridCell(first?.get(table.range.start.col + k)).value;
    return v !== null && String(v).trim().toLowerCase() === name.trim().toLowerCase();
  });
  return same ? { ...table, headerRows: 1 } : table;
}

/** The sheet row of each grid's first data row (a table may have no header row). */
const firstDataRows = new WeakMap<TableGrid, number>();

/** The sheet row where a table read here has its first data row. */
export function firstDataRow(grid: TableGrid): number | undefined {
  return firstDataRows.get(grid);
}

/** Reads a file into memory, refusing one larger than MAX_FILE_BYTES before reading it. */
export async function readWorkbookFile(path: string): Promise<XlsxPackage> {
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES) throw new WorkbookError(NOT_A_WORKBOOK.tooLarge(size));
  return XlsxPackage.open(await readFile(path));
}

export interface ReadOptions {
  /** Read the tables of the product's own sheets too (the command line never does: they are not input). */
  outputs?: boolean;
}

/** Loads an .xlsx file and returns its tables (by default every table, the product's own sheets' included). */
export async function readTablesFromFile(
  path: string,
  source?: string,
  options: ReadOptions = { outputs: true },
): Promise<WorkbookTables> {
  const pkg = await readWorkbookFile(path);
  return readWorkbookTables(pkg, source ?? path.split(/[\\/]/).pop(), readWorkbookInfo(pkg), options);
}

/** Loads an .xlsx from memory and returns its tables (every table, as readTablesFromFile). */
export async function readTablesFromBuffer(data: ArrayBuffer | Uint8Array, source?: string): Promise<WorkbookTables> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  const pkg = XlsxPackage.open(buf);
  return readWorkbookTables(pkg, source, readWorkbookInfo(pkg), { outputs: true });
}
