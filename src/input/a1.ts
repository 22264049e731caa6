/**
 * A1 cell-address arithmetic, pure: column letters and numbers, cell and range addresses, offsets, and the
 * `Sheet!Cell` form that input errors use to say where a problem is.
 *
 * Columns and rows are 1-based, as Excel numbers them: column A = 1, XFD = 16384; row 1 .. 1048576.
 */

export const MAX_COLUMNS = 16384; // XFD
export const MAX_ROWS = 1048576;

export interface CellAddress {
  /** 1-based column number (A = 1). */
  col: number;
  /** 1-based row number. */
  row: number;
}

export interface RangeAddress {
  start: CellAddress;
  end: CellAddress;
}

const LETTERS: string[] = [];

/** Column number (1-based) to letters: 1 -> "A", 27 -> "AA", 16384 -> "XFD". Remembered, for writers' hot loops. */
export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLUMNS) {
    throw new RangeError(`column ${col} is outside A..XFD`);
  }
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = (n - 1 - rem) / 26;
  }
  LETTERS[col] = letters;
  return letters;
}

/** Column letters to number (1-based), case-insensitive: "A" -> 1, "aa" -> 27, "XFD" -> 16384. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`column "${letters}" is beyond XFD`);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** "B3" (or "$B$3") to {col: 2, row: 3}. */
export function parseCell(address: string): CellAddress {
  const m = CELL.exec(address.trim());
  if (!m) throw new RangeError(`"${address}" is not a cell address`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row > MAX_ROWS) throw new RangeError(`row ${row} of "${address}" is beyond ${MAX_ROWS}`);
  return { col, row };
}

export function formatCell({ col, row }: CellAddress): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`row ${row} is outside 1..${MAX_ROWS}`);
  return `${columnLetters(col)}${row}`;
}

/** "A1:T1201" (a single cell "B3" is the range B3:B3). The corners are normalized to top-left / bottom-right. */
export function parseRange(range: string): RangeAddress {
  const parts = range.trim().split(':');
  if (parts.length > 2) throw new RangeError(`"${range}" is not a range`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    start: { col: Math.min(a.col, b.col), row: Math.min(a.row, b.row) },
    end: { col: Math.max(a.col, b.col), row: Math.max(a.row, b.row) },
  };
}

export function formatRange({ start, end }: RangeAddress): string {
  return `${formatCell(start)}:${formatCell(end)}`;
}

/** The cell `rows` below and `cols` right of `address` (negative = above / left). Throws off the sheet. */
export function offsetCell(address: string | CellAddress, rows: number, cols: number): string {
  const a = typeof address === 'string' ? parseCell(address) : address;
  return formatCell({ col: a.col + cols, row: a.row + rows });
}

/** Number of rows and columns of a range. */
export function rangeSize(range: string | RangeAddress): { rows: number; cols: number } {
  const r = typeof range === 'string' ? parseRange(range) : range;
  return { rows: r.end.row - r.start.row + 1, cols: r.end.col - r.start.col + 1 };
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word ('Lease data'!B3). */
export function quoteSheetName(sheet: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !CELL.test(sheet) && !/^R\d*C\d*$/i.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "Leases!F7"; "'Lease data'!F7" when the sheet name needs quotes. */
export function formatWhere(sheet: string, cell: string | CellAddress): string {
  return `${quoteSheetName(sheet)}!${typeof cell === 'string' ? cell : formatCell(cell)}`;
}

/** The inverse of `formatWhere`: "'Lease data'!F7" -> {sheet: "Lease data", cell: "F7"}; null when not that form. */
export function parseWhere(where: string): { sheet: string; cell: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)$/.exec(where);
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, cell: m[3].replace(/\$/g, '').toUpperCase() };
}
