/**
 * Reading one input table: find it by name, bind its columns by header, and read each non-blank row's cells
 * through the value parsers, collecting every error with the real cell address.
 */
import type { Cents } from '../engine/money/cents';
import type { Decimal } from '../engine/money/decimal';
import type { IsoDate } from '../engine/calendar/dates';
import type { InputTableSource } from '../engine/terms';
import { formatWhere, offsetCell, parseCell } from './a1';
import type { GridCell, TableGrid, WorkbookTables } from './grid';
import {
  headerKey,
  isBlankCell,
  parseAmount,
  parseChoice,
  parseDate,
  parsePercent,
  parseText,
  parseWholeNumber,
  parseYesNo,
  type Parsed,
} from './values';

/** An input problem and the cell it is in: `{ where: "Leases!F7", message: 'Discount Rate "abc" is not a number' }`. */
export interface InputError {
  where: string;
  message: string;
}

/** `where` for problems that belong to no cell (a missing table). */
export const WORKBOOK = 'Workbook';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The header exactly as the template writes it. */
  header: string;
  required: boolean;
}

/** The table named `name` (case-insensitive), or undefined. */
export function findTable(tables: WorkbookTables, name: string): TableGrid | undefined {
  const k = name.toLowerCase();
  return tables.tables.find((t) => t.name.toLowerCase() === k);
}

/** True when every cell of the row is blank (such rows are skipped). */
export function isBlankRow(row: GridCell[]): boolean {
  return row.every((c) => isBlankCell(c));
}

/** A table with its columns bound to keys. */
export class BoundTable<K extends string> {
  private constructor(
    readonly table: TableGrid,
    private readonly columns: Map<K, number>,
    private readonly specs: Map<K, ColumnSpec<K>>,
  ) {}

  /**
   * Binds the columns by header (case-insensitive, spaces ignored). Reports a missing required column (at the
   * header row's first cell) and headers that appear twice (at the second one).
   * Unknown headers are the user's own columns and are ignored.
   */
  static bind<K extends string>(
    table: TableGrid,
    specs: readonly ColumnSpec<K>[],
    errors: InputError[],
  ): BoundTable<K> {
    const columns = new Map<K, number>();
    const byHeader = new Map(specs.map((s) => [headerKey(s.header), s]));
    const seen = new Map<string, number>();
    table.headers.forEach((h, i) => {
      const k = headerKey(String(h ?? ''));
      if (k === '') return;
      const spec = byHeader.get(k);
      if (!spec) return;
      const first = seen.get(k);
      if (first !== undefined) {
        errors.push({
          where: headerWhere(table, i),
          message: `Column "${spec.header}" appears twice in table ${table.name} (also at ${headerWhere(table, first)})`,
        });
        return;
      }
      seen.set(k, i);
      columns.set(spec.key, i);
    });
    for (const s of specs) {
      if (s.required && !columns.has(s.key)) {
        errors.push({
          where: headerWhere(table, 0),
          message: `Table ${table.name} has no "${s.header}" column; add it to the header row`,
        });
      }
    }
    return new BoundTable(table, columns, new Map(specs.map((s) => [s.key, s])));
  }

  has(key: K): boolean {
    return this.columns.has(key);
  }

  /** The keys of the columns the table has, in the order of its specs. */
  keys(): K[] {
    return [...this.specs.keys()].filter((k) => this.columns.has(k));
  }

  /**
   * The table as found, for a live count of its rows: its name, the header of `key`'s column (the Lease ID) and how
   * many of that column's cells hold anything (as COUNTA counts them). Null when the column is missing.
   */
  source(key: K): InputTableSource | null {
    const col = this.columns.get(key);
    if (col === undefined) return null;
    const filled = this.table.rows.filter((r) => {
      const v = r[col]?.value;
      return v !== null && v !== undefined && v !== '';
    }).length;
    return { name: this.table.name, idHeader: String(this.table.headers[col] ?? ''), idCells: filled };
  }

  /** The non-blank data rows, with their index in `table.rows`. */
  rows(): RowReader<K>[] {
    const out: RowReader<K>[] = [];
    this.table.rows.forEach((cells, index) => {
      if (!isBlankRow(cells)) out.push(new RowReader(this, index));
    });
    return out;
  }

  /** Column index of `key` or undefined. */
  column(key: K): number | undefined {
    return this.columns.get(key);
  }

  spec(key: K): ColumnSpec<K> {
    const s = this.specs.get(key);
    if (!s) throw new Error(`no column spec ${key}`);
    return s;
  }

  /** "Leases!F7" for data row `index` (0-based in `rows`) and column index `col` (0-based). */
  where(index: number, col: number): string {
    return cellWhere(this.table, index + 1, col);
  }
}

/** The worksheet address of a table cell: `rowOffset` 0 = header row, `col` 0 = first column. */
export function cellWhere(table: TableGrid, rowOffset: number, col: number): string {
  return formatWhere(table.sheet, offsetCell(parseCell(table.topLeft), rowOffset, col));
}

export function headerWhere(table: TableGrid, col: number): string {
  return cellWhere(table, 0, col);
}

/**
 * One data row. Each reader returns the parsed value, or null when the cell is blank or wrong; a wrong value,
 * or a blank one in a required field, adds an error. When a required column is missing altogether, its cells are
 * not reported again row by row.
 */
export class RowReader<K extends string> {
  constructor(
    readonly bound: BoundTable<K>,
    readonly index: number,
  ) {}

  /** The address of this row's cell in `key`'s column, or of its first cell when the column is absent. */
  where(key?: K): string {
    const col = key === undefined ? undefined : this.bound.column(key);
    return this.bound.where(this.index, col ?? 0);
  }

  /** The address of each of the row's cells by column key, for the columns the table has. */
  get cells(): Record<string, string> {
    return Object.fromEntries(this.bound.keys().map((k) => [k, this.where(k)]));
  }

  /** Address of the row's first cell. */
  get rowWhere(): string {
    return this.bound.where(this.index, 0);
  }

  cell(key: K): GridCell | undefined {
    const col = this.bound.column(key);
    return col === undefined ? undefined : this.bound.table.rows[this.index][col];
  }

  isBlank(key: K): boolean {
    return isBlankCell(this.cell(key));
  }

  error(key: K | undefined, message: string, errors: InputError[]): void {
    errors.push({ where: this.where(key), message });
  }

  /** The cell of `key` through any parser: null (with an error when wrong, or blank and required) or its value. */
  read<T>(
    key: K,
    required: boolean,
    errors: InputError[],
    parse: (label: string, cell: GridCell) => Parsed<T>,
  ): T | null {
    const spec = this.bound.spec(key);
    const cell = this.cell(key);
    if (cell === undefined || isBlankCell(cell)) {
      if (required && this.bound.has(key))
        errors.push({ where: this.where(key), message: `${spec.header} is required` });
      return null;
    }
    const p = parse(spec.header, cell);
    if (!p.ok) {
      errors.push({ where: this.where(key), message: p.message });
      return null;
    }
    return p.value;
  }

  text(key: K, required: boolean, errors: InputError[]): string | null {
    return this.read(key, required, errors, (_l, c) => ({ ok: true, value: parseText(c.value) }));
  }

  amount(key: K, required: boolean, errors: InputError[], min: 0 | 'positive' | 'signed' = 0): Cents | null {
    return this.read(key, required, errors, (l, c) => parseAmount(l, c.value, min));
  }

  whole(key: K, required: boolean, errors: InputError[], min: number, max: number): number | null {
    return this.read(key, required, errors, (l, c) => parseWholeNumber(l, c.value, min, max));
  }

  percent(
    key: K,
    required: boolean,
    errors: InputError[],
    range: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean },
  ): Decimal | null {
    return this.read(key, required, errors, (l, c) => parsePercent(l, c.value, range));
  }

  date(key: K, required: boolean, errors: InputError[]): IsoDate | null {
    return this.read(key, required, errors, (l, c) => parseDate(l, c.value));
  }

  yesNo(key: K, required: boolean, errors: InputError[]): boolean | null {
    return this.read(key, required, errors, (l, c) => parseYesNo(l, c.value));
  }

  choice<T extends string>(key: K, required: boolean, errors: InputError[], choices: readonly T[]): T | null {
    return this.read(key, required, errors, (l, c) => parseChoice(l, c.value, choices));
  }
}

/** Lease ID matching key: trimmed, case-insensitive. */
export function leaseIdKey(id: string): string {
  return id.trim().toLowerCase();
}
