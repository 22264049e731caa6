/**
 * A small formula evaluator for the in-memory Excel, so that reading `range.values` of a formula cell gives a
 * figure as Excel would: references (A1, ranges, whole columns, other sheets, table structured references),
 * arithmetic, comparison, text joining, and the worksheet functions that workpapers use (SUM, ROUND, IF, SUMIFS,
 * EDATE, INDEX/MATCH, ...). An unknown function gives #NAME?, as in Excel. Values are computed lazily, when read,
 * and cached until the workbook changes. Binary floating point, like Excel.
 */
import { edate, eomonth, fromExcelSerial, toExcelSerial } from '../../engine/calendar/dates';
import { columnNumber } from '../../input/a1';
import type { CellValue } from '../excelApi';
import { type Rect, type SheetModel, type TableModel, type WorkbookModel } from './model';

export class XlErr {
  constructor(readonly code: string) {}
}
export type Scalar = number | string | boolean | XlErr | null;
interface RangeVal {
  kind: 'range';
  sheet: SheetModel;
  rect: Rect;
}
type Val = Scalar | RangeVal;
interface ArrayVal {
  rows: number;
  cols: number;
  data: Scalar[];
}

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; sheet?: string; rect: Rect }
  | { t: 'sref'; table?: string; spec: string }
  | { t: 'un'; op: string; a: Node }
  | { t: 'pct'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

const ERR = {
  value: new XlErr('#VALUE!'),
  ref: new XlErr('#REF!'),
  name: new XlErr('#NAME?'),
  div0: new XlErr('#DIV/0!'),
  na: new XlErr('#N/A'),
  num: new XlErr('#NUM!'),
};

// ---------------------------------------------------------------------------------------------------- parsing

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.expr(0);
    this.ws();
    if (this.i < this.s.length) throw new SyntaxError(`unexpected "${this.s.slice(this.i)}"`);
    return node;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private static readonly PREC: Record<string, number> = {
    '=': 1,
    '<>': 1,
    '<': 1,
    '>': 1,
    '<=': 1,
    '>=': 1,
    '&': 2,
    '+': 3,
    '-': 3,
    '*': 4,
    '/': 4,
    '^': 5,
  };

  private peekOp(): string | null {
    this.ws();
    const two = this.s.slice(this.i, this.i + 2);
    if (two === '<>' || two === '<=' || two === '>=') return two;
    const one = this.s[this.i];
    return one !== undefined && '=<>&+-*/^'.includes(one) ? one : null;
  }

  private expr(minPrec: number): Node {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      if (!op) break;
      const prec = Parser.PREC[op];
      if (prec < minPrec || prec === undefined) break;
      this.i += op.length;
      const right = this.expr(op === '^' ? prec : prec + 1);
      left = { t: 'bin', op, a: left, b: right };
    }
    return left;
  }

  private unary(): Node {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '-' || ch === '+') {
      this.i++;
      return { t: 'un', op: ch, a: this.unary() };
    }
    if (ch === '@') {
      this.i++;
      return this.unary();
    }
    let node = this.primary();
    for (;;) {
      this.ws();
      if (this.s[this.i] === '%') {
        this.i++;
        node = { t: 'pct', a: node };
      } else break;
    }
    return node;
  }

  private primary(): Node {
    this.ws();
    const rest = this.s.slice(this.i);
    const ch = rest[0];
    if (ch === undefined) throw new SyntaxError('unexpected end of formula');
    if (ch === '(') {
      this.i++;
      const node = this.expr(0);
      this.expect(')');
      return node;
    }
    if (ch === '"') {
      let v = '';
      this.i++;
      for (;;) {
        if (this.i >= this.s.length) throw new SyntaxError('unterminated text');
        const c = this.s[this.i++];
        if (c === '"') {
          if (this.s[this.i] === '"') {
            v += '"';
            this.i++;
          } else break;
        } else v += c;
      }
      return { t: 'str', v };
    }
    let m = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!)/i.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { t: 'err', v: m[0].toUpperCase() };
    }
    m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { t: 'num', v: Number(m[0]) };
    }
    if (ch === '[') {
      const spec = this.brackets();
      return { t: 'sref', spec };
    }
    let sheet: string | undefined;
    if (ch === "'") {
      m = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!m) throw new SyntaxError('bad sheet reference');
      sheet = m[1].replace(/''/g, "'");
      this.i += m[0].length;
      return this.reference(sheet);
    }
    m = /^([A-Za-z_\\][A-Za-z0-9_.\\]*)!/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return this.reference(m[1]);
    }
    const ref = this.tryReference(undefined);
    if (ref) return ref;
    m = /^([A-Za-z_\\][A-Za-z0-9_.\\]*)/.exec(rest);
    if (m) {
      const name = m[1];
      this.i += name.length;
      this.ws();
      if (this.s[this.i] === '(') {
        this.i++;
        const args: Node[] = [];
        this.ws();
        if (this.s[this.i] === ')') this.i++;
        else {
          for (;;) {
            this.ws();
            if (this.s[this.i] === ',' || this.s[this.i] === ')') args.push({ t: 'str', v: '' });
            else args.push(this.expr(0));
            this.ws();
            const c = this.s[this.i++];
            if (c === ')') break;
            if (c !== ',') throw new SyntaxError('expected , or )');
          }
        }
        return { t: 'call', name: name.toUpperCase().replace(/^_XLFN\./, ''), args };
      }
      if (this.s[this.i] === '[') return { t: 'sref', table: name, spec: this.brackets() };
      if (/^true$/i.test(name)) return { t: 'bool', v: true };
      if (/^false$/i.test(name)) return { t: 'bool', v: false };
      return { t: 'err', v: '#NAME?' };
    }
    throw new SyntaxError(`unexpected "${rest}"`);
  }

  private brackets(): string {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === "'") {
        this.i++;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') {
        depth--;
        if (depth === 0) return this.s.slice(start + 1, this.i - 1);
      }
    }
    throw new SyntaxError('unterminated [');
  }

  private reference(sheet: string): Node {
    const ref = this.tryReference(sheet);
    if (!ref) throw new SyntaxError('bad reference');
    return ref;
  }

  private tryReference(sheet: string | undefined): Node | null {
    const rest = this.s.slice(this.i);
    let m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(.])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const c0 = columnNumber(m[1]) - 1;
      const r0 = Number(m[2]) - 1;
      const c1 = m[3] ? columnNumber(m[3]) - 1 : c0;
      const r1 = m[4] ? Number(m[4]) - 1 : r0;
      return {
        t: 'ref',
        sheet,
        rect: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) },
      };
    }
    m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9_(.])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const a = columnNumber(m[1]) - 1;
      const b = columnNumber(m[2]) - 1;
      return { t: 'ref', sheet, rect: { r0: 0, c0: Math.min(a, b), r1: 1048575, c1: Math.max(a, b) } };
    }
    m = /^\$?(\d+):\$?(\d+)/.exec(rest);
    if (m && sheet !== undefined) {
      this.i += m[0].length;
      const a = Number(m[1]) - 1;
      const b = Number(m[2]) - 1;
      return { t: 'ref', sheet, rect: { r0: Math.min(a, b), c0: 0, r1: Math.max(a, b), c1: 16383 } };
    }
    return null;
  }

  private expect(c: string): void {
    this.ws();
    if (this.s[this.i] !== c) throw new SyntaxError(`expected ${c}`);
    this.i++;
  }
}

// ------------------------------------------------------------------------------------------------- evaluating

interface Here {
  sheet: SheetModel;
  r: number;
  c: number;
}

const NO_ROWS: number[] = [];

/** The first index of sorted `list` whose value is at least `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

export class FormulaEngine {
  private readonly asts = new Map<string, Node | SyntaxError>();
  /** Results by sheet, keyed by row x 16384 + column (numbers: far cheaper than text keys on big sheets). */
  private cache = new Map<SheetModel, Map<number, Scalar>>();
  /** Column segments read whole by SUMIFS and SUMPRODUCT (see columnValues). */
  private columns = new Map<string, Scalar[]>();
  /** Per sheet and column, the rows holding a formula (see formulaRows). */
  private formulaColumns = new Map<SheetModel, Map<number, number[]>>();
  private generation = -1;
  private readonly busy = new Map<SheetModel, Set<number>>();

  constructor(private readonly wb: WorkbookModel) {}

  /** The value Excel shows for a cell: the stored constant, or its formula's result. */
  cellValue(sheet: SheetModel, r: number, c: number): Scalar {
    const formula = sheet.formula(r, c);
    if (formula === undefined) {
      const v = sheet.value(r, c);
      return v === undefined ? null : v;
    }
    this.forgetIfChanged();
    const key = r * 16384 + c;
    let results = this.cache.get(sheet);
    if (!results) this.cache.set(sheet, (results = new Map()));
    const hit = results.get(key);
    if (hit !== undefined) return hit;
    let busy = this.busy.get(sheet);
    if (!busy) this.busy.set(sheet, (busy = new Set()));
    if (busy.has(key)) return 0; // a circular reference: Excel shows 0
    busy.add(key);
    let result: Scalar;
    try {
      const ast = this.ast(formula);
      result = ast instanceof SyntaxError ? ERR.name : this.scalar(this.eval(ast, { sheet, r, c }), { sheet, r, c });
    } finally {
      busy.delete(key);
    }
    if (typeof result === 'number' && !Number.isFinite(result)) result = ERR.num;
    results.set(key, result);
    return result;
  }

  /**
   * Computes every formula cell, pausing whenever `budgetMs` has passed; the results stay cached until the
   * workbook changes, and the order changes no result. Each formula's precedents (the cells and ranges it names)
   * are computed before it, one at a time with a pause between any two, so no one step takes more than one
   * formula's own work: a check over Schedules waits until Schedules is computed instead of computing it in one
   * go. (A reference only known once computed, such as INDIRECT's, is followed at once, as before.) Stops early
   * when the workbook changes while it pauses.
   */
  async calculateAll(pause: () => Promise<void>, budgetMs = 30): Promise<void> {
    const generation = this.wb.generation;
    let deadline = Date.now() + budgetMs;
    const due = async (): Promise<boolean> => {
      if (Date.now() < deadline) return false;
      await pause();
      deadline = Date.now() + budgetMs;
      return this.wb.generation !== generation;
    };
    const complete = new Set<string>(); // ranges whose formulas are all computed, this calculation
    for (const sheet of [...this.wb.sheets]) {
      for (const r of [...sheet.rows.keys()].sort((x, y) => x - y)) {
        const row = sheet.rows.get(r);
        if (!row) continue;
        for (let c = 0; c < row.f.length; c++) {
          if (row.f[c] === undefined || this.computed(sheet, r, c)) continue;
          if (!(await this.calculateWithPrecedents({ sheet, r, c }, due, complete))) return;
        }
      }
    }
  }

  /** Drops every cached result once the workbook has changed since they were computed. */
  private forgetIfChanged(): void {
    if (this.generation === this.wb.generation) return;
    this.cache = new Map();
    this.columns = new Map();
    this.formulaColumns = new Map();
    this.generation = this.wb.generation;
  }

  /**
   * The values of rows r0..r1 of column c, kept until the workbook changes: a column that many SUMIFS and
   * SUMPRODUCTs read (the Schedules' Basis, Currency and Date columns) is read from the sheet once.
   */
  private columnValues(sheet: SheetModel, c: number, r0: number, r1: number): Scalar[] {
    this.forgetIfChanged();
    const key = `${sheet.id}!${c}:${r0}:${r1}`;
    let values = this.columns.get(key);
    if (!values) {
      values = new Array<Scalar>(r1 - r0 + 1);
      for (let r = r0; r <= r1; r++) values[r - r0] = this.cellValue(sheet, r, c);
      this.columns.set(key, values);
    }
    return values;
  }

  /** Whether a formula cell's result is cached for the workbook as it is. */
  private computed(sheet: SheetModel, r: number, c: number): boolean {
    if (this.generation !== this.wb.generation) return false;
    return this.cache.get(sheet)?.has(r * 16384 + c) ?? false;
  }

  /**
   * Computes `cell` after its precedents, depth first with an explicit stack so that it can pause anywhere.
   * False when the workbook changed during a pause.
   */
  private async calculateWithPrecedents(
    cell: Here,
    due: () => Promise<boolean>,
    complete: Set<string>,
  ): Promise<boolean> {
    interface Frame {
      cell: Here;
      ranges: RangeVal[] | null;
      /** The range being searched for an uncomputed formula, its column, and the place in that column's formulas. */
      k: number;
      j: number;
      at: number;
    }
    // A cell's key: its sheet's place in the workbook, row and column in one number (exact below 2^53).
    const ordinal = new Map(this.wb.sheets.map((sheet, i) => [sheet, i]));
    const key = (h: Here): number => ((ordinal.get(h.sheet) ?? -1) + 1) * 2 ** 34 + h.r * 16384 + h.c;
    const stack: Frame[] = [{ cell, ranges: null, k: 0, j: 0, at: -1 }];
    const onStack = new Set<number>([key(cell)]);
    let looked = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      top.ranges ??= this.precedentRanges(top.cell);
      let next: Here | null = null;
      while (next === null && top.k < top.ranges.length) {
        const { sheet, rect } = top.ranges[top.k];
        const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
        const rangeKey = single ? '' : `${sheet.id}!${rect.r0},${rect.c0}:${rect.r1},${rect.c1}`;
        if (single) {
          const here = { sheet, r: rect.r0, c: rect.c0 };
          if (
            sheet.formula(rect.r0, rect.c0) !== undefined &&
            !this.computed(sheet, rect.r0, rect.c0) &&
            !onStack.has(key(here))
          ) {
            next = here;
          }
        } else if (!complete.has(rangeKey)) {
          for (; top.j <= rect.c1 - rect.c0; top.j++, top.at = -1) {
            const c = rect.c0 + top.j;
            const rows = this.formulaRows(sheet, c);
            if (top.at < 0) top.at = lowerBound(rows, rect.r0);
            for (; top.at < rows.length && rows[top.at] <= rect.r1; top.at++) {
              const r = rows[top.at];
              if (!this.computed(sheet, r, c) && !onStack.has(key({ sheet, r, c }))) {
                next = { sheet, r, c };
                break;
              }
              if (++looked % 4096 === 0 && (await due())) return false;
            }
            if (next) break;
          }
        }
        if (next === null) {
          if (!single) complete.add(rangeKey);
          top.k++;
          top.j = 0;
          top.at = -1;
        }
      }
      if (next) {
        stack.push({ cell: next, ranges: null, k: 0, j: 0, at: -1 });
        onStack.add(key(next));
        continue;
      }
      // Every precedent is computed: this formula costs only its own work.
      this.cellValue(top.cell.sheet, top.cell.r, top.cell.c);
      stack.pop();
      onStack.delete(key(top.cell));
      if (await due()) return false;
    }
    return true;
  }

  /** The rows of column c that hold a formula, in order, kept until the workbook changes. */
  private formulaRows(sheet: SheetModel, c: number): number[] {
    this.forgetIfChanged();
    let byColumn = this.formulaColumns.get(sheet);
    if (!byColumn) {
      byColumn = new Map();
      for (const r of [...sheet.rows.keys()].sort((x, y) => x - y)) {
        const f = sheet.rows.get(r)?.f ?? [];
        for (let col = 0; col < f.length; col++) {
          if (f[col] === undefined) continue;
          let rows = byColumn.get(col);
          if (!rows) byColumn.set(col, (rows = []));
          rows.push(r);
        }
      }
      this.formulaColumns.set(sheet, byColumn);
    }
    return byColumn.get(c) ?? NO_ROWS;
  }

  /** The cells and ranges a formula names (with their sheets), as written. */
  private precedentRanges(here: Here): RangeVal[] {
    const formula = here.sheet.formula(here.r, here.c);
    const ast = formula === undefined ? null : this.ast(formula);
    const out: RangeVal[] = [];
    const walk = (node: Node): void => {
      switch (node.t) {
        case 'ref':
        case 'sref': {
          const v = this.eval(node, here);
          if (v !== null && typeof v === 'object' && !(v instanceof XlErr)) out.push(v);
          return;
        }
        case 'un':
        case 'pct':
          return walk(node.a);
        case 'bin':
          walk(node.a);
          return walk(node.b);
        case 'call':
          return node.args.forEach(walk);
        default:
          return;
      }
    };
    if (ast && !(ast instanceof SyntaxError)) walk(ast);
    return out;
  }

  /** The API's view of a value: errors as their text ("#DIV/0!"), empty as "". */
  static toApi(v: Scalar): CellValue {
    if (v === null) return '';
    if (v instanceof XlErr) return v.code;
    return v;
  }

  private ast(formula: string): Node | SyntaxError {
    let ast = this.asts.get(formula);
    if (!ast) {
      try {
        ast = new Parser(formula.replace(/^=/, '')).parse();
      } catch (e) {
        ast = e instanceof SyntaxError ? e : new SyntaxError(String(e));
      }
      this.asts.set(formula, ast);
    }
    return ast;
  }

  private sheetOf(name: string | undefined, here: Here): SheetModel | null {
    if (name === undefined) return here.sheet;
    return this.wb.sheetByName(name) ?? null;
  }

  private eval(node: Node, here: Here): Val {
    switch (node.t) {
      case 'num':
      case 'str':
      case 'bool':
        return node.v;
      case 'err':
        return new XlErr(node.v);
      case 'ref': {
        const sheet = this.sheetOf(node.sheet, here);
        if (!sheet) return ERR.ref;
        return { kind: 'range', sheet, rect: node.rect };
      }
      case 'sref':
        return this.structured(node.table, node.spec, here);
      case 'un': {
        const v = num(this.scalar(this.eval(node.a, here), here));
        if (v instanceof XlErr) return v;
        return node.op === '-' ? -v : v;
      }
      case 'pct': {
        const v = num(this.scalar(this.eval(node.a, here), here));
        return v instanceof XlErr ? v : v / 100;
      }
      case 'bin':
        return this.binary(
          node.op,
          this.scalar(this.eval(node.a, here), here),
          this.scalar(this.eval(node.b, here), here),
        );
      case 'call':
        return this.call(node.name, node.args, here);
    }
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (a instanceof XlErr) return a;
    if (b instanceof XlErr) return b;
    if (op === '&') return text(a) + text(b);
    if (COMPARISONS.has(op)) {
      const c = compare(a, b);
      switch (op) {
        case '=':
          return c === 0;
        case '<>':
          return c !== 0;
        case '<':
          return c < 0;
        case '>':
          return c > 0;
        case '<=':
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const x = num(a);
    const y = num(b);
    if (x instanceof XlErr) return x;
    if (y instanceof XlErr) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? ERR.div0 : x / y;
      default:
        return Math.pow(x, y);
    }
  }

  /** A value in a single-cell context: a range gives its one cell, or the cell in the formula's row / column. */
  private scalar(v: Val, here: Here): Scalar {
    if (v === null || typeof v !== 'object' || v instanceof XlErr) return v;
    const { sheet, rect } = v;
    if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return this.cellValue(sheet, rect.r0, rect.c0);
    // Implicit intersection: the cell of a column in the formula's row, of a row in the formula's column.
    if (rect.c0 === rect.c1 && here.r >= rect.r0 && here.r <= rect.r1) return this.cellValue(sheet, here.r, rect.c0);
    if (rect.r0 === rect.r1 && here.c >= rect.c0 && here.c <= rect.c1) return this.cellValue(sheet, rect.r0, here.c);
    return ERR.value;
  }

  private cells(v: Val, here: Here): Scalar[] {
    if (v !== null && typeof v === 'object' && !(v instanceof XlErr)) {
      const out: Scalar[] = [];
      const { sheet, rect } = v;
      const used = sheet.usedRect(true);
      if (!used) return out;
      const r1 = Math.min(rect.r1, used.r1);
      const c1 = Math.min(rect.c1, used.c1);
      for (let r = rect.r0; r <= r1; r++) {
        if (!sheet.rows.has(r)) continue;
        for (let c = rect.c0; c <= c1; c++) out.push(this.cellValue(sheet, r, c));
      }
      return out;
    }
    return [this.scalar(v, here)];
  }

  /** Cells of a range in row-major order including empty ones, with its shape. */
  private grid(v: Val, here: Here): { rows: number; cols: number; at: (i: number, j: number) => Scalar } {
    if (v !== null && typeof v === 'object' && !(v instanceof XlErr)) {
      const { sheet, rect } = v;
      const used = sheet.usedRect(true);
      const r1 = used ? Math.min(rect.r1, Math.max(used.r1, rect.r0)) : rect.r0;
      const c1 = used ? Math.min(rect.c1, Math.max(used.c1, rect.c0)) : rect.c0;
      return {
        rows: r1 - rect.r0 + 1,
        cols: c1 - rect.c0 + 1,
        at: (i, j) => this.cellValue(sheet, rect.r0 + i, rect.c0 + j),
      };
    }
    const s = this.scalar(v, here);
    return { rows: 1, cols: 1, at: () => s };
  }

  private structured(tableName: string | undefined, spec: string, here: Here): Val {
    let table: TableModel | undefined;
    if (tableName !== undefined) table = this.wb.tableByName(tableName);
    else
      table = this.wb.tables.find(
        (t) =>
          t.sheet === here.sheet &&
          here.r >= t.rect.r0 &&
          here.r <= t.rect.r1 &&
          here.c >= t.rect.c0 &&
          here.c <= t.rect.c1,
      );
    if (!table) return ERR.ref;
    const parts = spec.startsWith('[') ? [...spec.matchAll(/\[((?:[^\]']|'.)*)\]/g)].map((m) => m[1]) : [spec];
    let thisRow = false;
    let area: 'data' | 'all' | 'headers' = 'data';
    const columns: string[] = [];
    for (const raw of parts) {
      let p = raw.trim();
      if (p.startsWith('@')) {
        thisRow = true;
        p = p.slice(1).replace(/^\[|\]$/g, '');
        if (p === '') continue;
      }
      if (/^#this row$/i.test(p)) thisRow = true;
      else if (/^#all$/i.test(p)) area = 'all';
      else if (/^#headers$/i.test(p)) area = 'headers';
      else if (/^#data$/i.test(p)) area = 'data';
      else if (/^#totals$/i.test(p)) return ERR.ref;
      else if (p.includes(':')) columns.push(...p.split(':').map((x) => x.trim().replace(/^\[|\]$/g, '')));
      else if (p !== '') columns.push(p.replace(/'(.)/g, '$1'));
    }
    const { rect, sheet } = table;
    const header = sheet.row(rect.r0);
    const colOf = (name: string): number => {
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (String(header?.v[c] ?? '').toLowerCase() === name.toLowerCase()) return c;
      }
      return -1;
    };
    let c0 = rect.c0;
    let c1 = rect.c1;
    if (columns.length > 0) {
      const idx = columns.map(colOf);
      if (idx.some((c) => c < 0)) return ERR.ref;
      c0 = Math.min(...idx);
      c1 = Math.max(...idx);
    }
    if (thisRow) {
      if (here.r <= rect.r0 || here.r > rect.r1) return ERR.value;
      return { kind: 'range', sheet, rect: { r0: here.r, r1: here.r, c0, c1 } };
    }
    const r0 = area === 'data' ? rect.r0 + 1 : rect.r0;
    const r1 = area === 'headers' ? rect.r0 : rect.r1;
    return { kind: 'range', sheet, rect: { r0, r1, c0, c1 } };
  }

  /** A node evaluated as an array (for SUMPRODUCT): ranges cell by cell, operators element-wise. */
  private array(node: Node, here: Here): ArrayVal {
    const one = (v: Scalar): ArrayVal => ({ rows: 1, cols: 1, data: [v] });
    const map = (a: ArrayVal, f: (x: Scalar) => Scalar): ArrayVal => ({ ...a, data: a.data.map(f) });
    switch (node.t) {
      case 'ref':
      case 'sref': {
        const v = this.eval(node, here);
        if (v === null || typeof v !== 'object' || v instanceof XlErr) return one(v as Scalar);
        const g = this.grid(v, here);
        const rows = v.rect.r1 - v.rect.r0 + 1 > 100000 ? g.rows : v.rect.r1 - v.rect.r0 + 1;
        const cols = v.rect.c1 - v.rect.c0 + 1;
        if (cols === 1)
          return { rows, cols, data: this.columnValues(v.sheet, v.rect.c0, v.rect.r0, v.rect.r0 + rows - 1).slice() };
        const data: Scalar[] = [];
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < cols; j++) data.push(this.cellValue(v.sheet, v.rect.r0 + i, v.rect.c0 + j));
        return { rows, cols, data };
      }
      case 'un':
        return map(this.array(node.a, here), (x) => {
          const n = num(x);
          return n instanceof XlErr ? n : node.op === '-' ? -n : n;
        });
      case 'pct':
        return map(this.array(node.a, here), (x) => {
          const n = num(x);
          return n instanceof XlErr ? n : n / 100;
        });
      case 'bin': {
        const a = this.array(node.a, here);
        const b = this.array(node.b, here);
        const size = a.data.length >= b.data.length ? a : b;
        if (a.data.length > 1 && b.data.length > 1 && (a.rows !== b.rows || a.cols !== b.cols)) {
          return { ...size, data: size.data.map(() => ERR.na) };
        }
        const at = (g: ArrayVal, k: number): Scalar => (g.data.length === 1 ? g.data[0] : g.data[k]);
        return { ...size, data: size.data.map((_, k) => this.binary(node.op, at(a, k), at(b, k))) };
      }
      case 'call':
        if (['ROUND', 'ROUNDUP', 'ROUNDDOWN', 'ABS', 'INT'].includes(node.name) && node.args.length > 0) {
          const a = this.array(node.args[0], here);
          const digits = node.args.length > 1 ? num(this.scalar(this.eval(node.args[1], here), here)) : 0;
          return map(a, (x) => {
            const n = num(x);
            if (n instanceof XlErr) return n;
            if (node.name === 'ABS') return Math.abs(n);
            if (node.name === 'INT') return Math.floor(n);
            return digits instanceof XlErr ? digits : round(n, Math.trunc(digits), node.name);
          });
        }
        return one(this.scalar(this.eval(node, here), here));
      default:
        return one(this.scalar(this.eval(node, here), here));
    }
  }

  private call(name: string, args: Node[], here: Here): Val {
    const ev = (k: number): Val => (k < args.length ? this.eval(args[k], here) : null);
    const sc = (k: number): Scalar => this.scalar(ev(k), here);
    const n = (k: number): number | XlErr => num(sc(k));
    const all = (): Scalar[] => args.flatMap((a) => this.cells(this.eval(a, here), here));
    const numbersOf = (): number[] | XlErr => {
      const out: number[] = [];
      for (let k = 0; k < args.length; k++) {
        const v = this.eval(args[k], here);
        if (v !== null && typeof v === 'object' && !(v instanceof XlErr)) {
          for (const x of this.cells(v, here)) {
            if (x instanceof XlErr) return x;
            if (typeof x === 'number') out.push(x);
          }
        } else {
          const x = num(v);
          if (x instanceof XlErr) return x;
          out.push(x);
        }
      }
      return out;
    };
    switch (name) {
      case 'SUM': {
        const xs = numbersOf();
        return xs instanceof XlErr ? xs : xs.reduce((s, x) => s + x, 0);
      }
      case 'MIN':
      case 'MAX': {
        const xs = numbersOf();
        if (xs instanceof XlErr) return xs;
        if (xs.length === 0) return 0;
        return name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
      }
      case 'AVERAGE': {
        const xs = numbersOf();
        if (xs instanceof XlErr) return xs;
        return xs.length === 0 ? ERR.div0 : xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case 'COUNT':
        return all().filter((x) => typeof x === 'number').length;
      case 'COUNTA':
        return all().filter((x) => x !== null && x !== '').length;
      case 'ABS':
      case 'INT':
      case 'SQRT': {
        const x = n(0);
        if (x instanceof XlErr) return x;
        if (name === 'ABS') return Math.abs(x);
        if (name === 'INT') return Math.floor(x);
        return x < 0 ? ERR.num : Math.sqrt(x);
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        const x = n(0);
        const d = args.length > 1 ? n(1) : 0;
        if (x instanceof XlErr) return x;
        if (d instanceof XlErr) return d;
        return round(x, Math.trunc(d), name);
      }
      case 'MOD': {
        const x = n(0);
        const y = n(1);
        if (x instanceof XlErr) return x;
        if (y instanceof XlErr) return y;
        return y === 0 ? ERR.div0 : x - y * Math.floor(x / y);
      }
      case 'POWER': {
        const x = n(0);
        const y = n(1);
        if (x instanceof XlErr) return x;
        if (y instanceof XlErr) return y;
        return Math.pow(x, y);
      }
      case 'IF': {
        const c = truthy(sc(0));
        if (c instanceof XlErr) return c;
        if (c) return args.length > 1 ? this.eval(args[1], here) : true;
        return args.length > 2 ? this.eval(args[2], here) : false;
      }
      case 'IFERROR': {
        const v = sc(0);
        return v instanceof XlErr ? sc(1) : v;
      }
      case 'AND':
      case 'OR': {
        let acc = name === 'AND';
        for (const x of all()) {
          if (x === null) continue;
          const t = truthy(x);
          if (t instanceof XlErr) return t;
          acc = name === 'AND' ? acc && t : acc || t;
        }
        return acc;
      }
      case 'NOT': {
        const t = truthy(sc(0));
        return t instanceof XlErr ? t : !t;
      }
      case 'N': {
        const v = sc(0);
        if (v instanceof XlErr || typeof v === 'number') return v;
        return typeof v === 'boolean' ? Number(v) : 0;
      }
      case 'ISBLANK':
        return sc(0) === null;
      case 'ISNUMBER':
        return typeof sc(0) === 'number';
      case 'ISERROR':
        return sc(0) instanceof XlErr;
      case 'CONCATENATE':
      case 'CONCAT':
        return all().map(text).join('');
      // Text functions the workpapers' live input checks use.
      case 'UPPER':
      case 'LOWER':
      case 'TRIM':
      case 'PROPER': {
        const v = sc(0);
        if (v instanceof XlErr) return v;
        const t = text(v);
        if (name === 'UPPER') return t.toUpperCase();
        if (name === 'LOWER') return t.toLowerCase();
        if (name === 'TRIM') return t.trim().replace(/ +/g, ' ');
        return t.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
      }
      case 'SUBSTITUTE': {
        const [v, from, to] = [sc(0), sc(1), sc(2)];
        if (v instanceof XlErr) return v;
        if (from instanceof XlErr) return from;
        if (to instanceof XlErr) return to;
        const f = text(from);
        return f === '' ? text(v) : text(v).split(f).join(text(to));
      }
      case 'SUMIF':
      case 'SUMIFS':
      case 'COUNTIF':
      case 'COUNTIFS':
      case 'AVERAGEIF':
      case 'AVERAGEIFS':
        return this.conditional(name, args, here);
      case 'SUMPRODUCT': {
        // Array arithmetic: each argument is evaluated cell by cell ((A=B)*C, --X, ROUND(A-B,2)=0 ...).
        const arrays = args.map((a) => this.array(a, here));
        if (arrays.length === 0) return ERR.value;
        const { rows, cols } = arrays[0];
        if (arrays.some((g) => g.rows !== rows || g.cols !== cols)) return ERR.value;
        let s = 0;
        for (let k = 0; k < rows * cols; k++) {
          let p = 1;
          for (const g of arrays) {
            const x = g.data[k];
            if (x instanceof XlErr) return x;
            p *= typeof x === 'number' ? x : 0;
          }
          s += p;
        }
        return s;
      }
      case 'ROWS':
      case 'COLUMNS': {
        const v = ev(0);
        if (v !== null && typeof v === 'object' && !(v instanceof XlErr)) {
          return name === 'ROWS' ? v.rect.r1 - v.rect.r0 + 1 : v.rect.c1 - v.rect.c0 + 1;
        }
        return v instanceof XlErr ? v : 1;
      }
      case 'DATE': {
        const y = n(0);
        const m = n(1);
        const d = n(2);
        if (y instanceof XlErr) return y;
        if (m instanceof XlErr) return m;
        if (d instanceof XlErr) return d;
        return (
          (Date.UTC(Math.trunc(y), Math.trunc(m) - 1, Math.trunc(d)) - Date.UTC(1899, 11, 30)) / 86400000 -
          this.wb.dayZeroAfter1900()
        );
      }
      case 'YEAR':
      case 'MONTH':
      case 'DAY': {
        const x = n(0);
        if (x instanceof XlErr) return x;
        const iso = fromExcelSerial(Math.floor(x) + this.wb.dayZeroAfter1900());
        const [yy, mm, dd] = iso.split('-').map(Number);
        return name === 'YEAR' ? yy : name === 'MONTH' ? mm : dd;
      }
      case 'EDATE':
      case 'EOMONTH': {
        const x = n(0);
        const k = n(1);
        if (x instanceof XlErr) return x;
        if (k instanceof XlErr) return k;
        const shift = this.wb.dayZeroAfter1900();
        const iso = fromExcelSerial(Math.floor(x) + shift);
        return toExcelSerial(name === 'EDATE' ? edate(iso, Math.trunc(k)) : eomonth(iso, Math.trunc(k))) - shift;
      }
      case 'INDEX': {
        const g = this.grid(ev(0), here);
        const r = n(1);
        const c = args.length > 2 ? n(2) : 1;
        if (r instanceof XlErr) return r;
        if (c instanceof XlErr) return c;
        const ri = g.rows === 1 && args.length === 2 ? 0 : r - 1;
        const ci = g.rows === 1 && args.length === 2 ? r - 1 : c - 1;
        if (ri < 0 || ci < 0 || ri >= g.rows || ci >= g.cols) return ERR.ref;
        return g.at(ri, ci);
      }
      case 'MATCH': {
        const v = sc(0);
        const g = this.grid(ev(1), here);
        const type = args.length > 2 ? n(2) : 1;
        if (type instanceof XlErr) return type;
        const list: Scalar[] = [];
        for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) list.push(g.at(i, j));
        if (type === 0) {
          const k = list.findIndex((x) => x !== null && compare(x, v) === 0);
          return k < 0 ? ERR.na : k + 1;
        }
        let found = -1;
        for (let k = 0; k < list.length; k++) {
          const x = list[k];
          if (x === null) continue;
          const c = compare(x, v);
          if (type > 0 ? c <= 0 : c >= 0) found = k;
          else break;
        }
        return found < 0 ? ERR.na : found + 1;
      }
      case 'VLOOKUP': {
        const v = sc(0);
        const g = this.grid(ev(1), here);
        const col = n(2);
        if (col instanceof XlErr) return col;
        const approx = args.length > 3 ? truthy(sc(3)) : true;
        if (col < 1 || col > g.cols) return ERR.ref;
        let found = -1;
        for (let i = 0; i < g.rows; i++) {
          const x = g.at(i, 0);
          if (x === null) continue;
          const c = compare(x, v);
          if (!approx) {
            if (c === 0) {
              found = i;
              break;
            }
          } else if (c <= 0) found = i;
          else break;
        }
        return found < 0 ? ERR.na : g.at(found, col - 1);
      }
      default:
        return ERR.name;
    }
  }

  private conditional(name: string, args: Node[], here: Here): Scalar {
    let sumArg: Node | null = null;
    const pairs: [Node, Node][] = [];
    if (name === 'SUMIF' || name === 'COUNTIF' || name === 'AVERAGEIF') {
      pairs.push([args[0], args[1]]);
      if (name !== 'COUNTIF') sumArg = args[2] ?? args[0];
    } else if (name === 'COUNTIFS') {
      for (let k = 0; k + 1 < args.length; k += 2) pairs.push([args[k], args[k + 1]]);
    } else {
      sumArg = args[0];
      for (let k = 1; k + 1 < args.length; k += 2) pairs.push([args[k], args[k + 1]]);
    }
    const ranges = pairs.map(([r]) => this.eval(r, here));
    const criteria = pairs.map(([, c]) => criterion(this.scalar(this.eval(c, here), here)));
    const sumVal = sumArg ? this.eval(sumArg, here) : null;
    const first = ranges[0];
    if (!first || first === null || typeof first !== 'object' || first instanceof XlErr) return ERR.value;
    const rows = first.rect.r1 - first.rect.r0;
    const cols = first.rect.c1 - first.rect.c0;
    // Only the used part of the sheet can match; this keeps whole-column criteria fast.
    const used = first.sheet.usedRect(true);
    const lastRow = used ? Math.min(rows, used.r1 - first.rect.r0) : -1;
    for (const rg of ranges) if (rg === null || typeof rg !== 'object' || rg instanceof XlErr) return ERR.value;
    const areas = ranges as RangeVal[];
    const sumArea = sumVal && typeof sumVal === 'object' && !(sumVal instanceof XlErr) ? sumVal : null;
    // Each column of each range read once, from the column cache when it is a long single column.
    const columnOf = (rg: RangeVal, j: number): ((i: number) => Scalar) => {
      if (lastRow >= 63) {
        const values = this.columnValues(rg.sheet, rg.rect.c0 + j, rg.rect.r0, rg.rect.r0 + lastRow);
        return (i) => values[i];
      }
      return (i) => this.cellValue(rg.sheet, rg.rect.r0 + i, rg.rect.c0 + j);
    };
    let count = 0;
    let sum = 0;
    for (let j = 0; j <= cols; j++) {
      const tests = areas.map((rg) => columnOf(rg, j));
      const addend = sumArea ? columnOf(sumArea, j) : null;
      for (let i = 0; i <= lastRow; i++) {
        let ok = true;
        for (let k = 0; k < tests.length && ok; k++) ok = criteria[k](tests[k](i));
        if (!ok) continue;
        count++;
        if (addend) {
          const x = addend(i);
          if (x instanceof XlErr) return x;
          if (typeof x === 'number') sum += x;
        }
      }
    }
    if (name.startsWith('COUNT')) return count;
    if (name.startsWith('AVERAGE')) return count === 0 ? ERR.div0 : sum / count;
    return sum;
  }
}

function criterion(c: Scalar): (x: Scalar) => boolean {
  if (typeof c === 'number' || typeof c === 'boolean') return (x) => x !== null && compare(x, c) === 0;
  const s = c === null ? '' : c instanceof XlErr ? c.code : c;
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(s);
  const op = m?.[1] ?? '=';
  const rhsText = m?.[2] ?? '';
  const rhs: Scalar = rhsText !== '' && !Number.isNaN(Number(rhsText)) ? Number(rhsText) : rhsText;
  const wildcard = typeof rhs === 'string' && /[*?]/.test(rhs);
  const re = wildcard
    ? new RegExp(
        `^${String(rhs)
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      )
    : null;
  return (x) => {
    if (op === '=' || op === '<>') {
      let eq: boolean;
      if (rhs === '') eq = x === null || x === '';
      else if (re) eq = typeof x === 'string' && re.test(x);
      else eq = x !== null && !(x instanceof XlErr) && typeof x === typeof rhs && compare(x, rhs) === 0;
      return op === '=' ? eq : !eq;
    }
    if (x === null || x instanceof XlErr || typeof x !== typeof rhs) return false;
    const cmp = compare(x, rhs);
    return op === '<' ? cmp < 0 : op === '>' ? cmp > 0 : op === '<=' ? cmp <= 0 : cmp >= 0;
  };
}

function num(v: Val): number | XlErr {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof XlErr) return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return ERR.value;
    const x = Number(t);
    return Number.isNaN(x) ? ERR.value : x;
  }
  return ERR.value;
}

function truthy(v: Scalar): boolean | XlErr {
  if (v instanceof XlErr) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return ERR.value;
}

function text(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof XlErr) return v.code;
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v;
}

/** Excel's ordering: numbers < text < booleans; text compares case-insensitively; empty is 0 or "". */
export function compare(a: Scalar, b: Scalar): number {
  const rank = (x: Scalar): number =>
    typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : typeof x === 'boolean' ? 2 : 3;
  let x = a;
  let y = b;
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number' && typeof y === 'number') return x === y ? 0 : x < y ? -1 : 1;
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p === q ? 0 : p < q ? -1 : 1;
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return 0;
}

/** ROUND as Excel does it: on the 15-significant-digit decimal value, half away from zero. */
function round(x: number, digits: number, how: string): number {
  if (x === 0) return 0; // most of a check's differences: no need for the decimal round trip below
  const f = Math.pow(10, digits);
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  let r: number;
  if (how === 'ROUNDUP') r = Math.ceil(scaled);
  else if (how === 'ROUNDDOWN') r = Math.floor(scaled);
  else r = Math.round(scaled);
  return (Math.sign(x) * r) / f;
}
