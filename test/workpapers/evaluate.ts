/**
 * A tiny spreadsheet for tests: evaluates the formulas of a sheet plan (numbers, same-sheet A1 references, + - * /,
 * parentheses, unary minus, ROUND(x, n), SUM of a range) in binary floating point, with ROUND as spreadsheetRound
 * simulates it. Enough to re-perform the Schedules sheet without LibreOffice; the LibreOffice tests do the real thing.
 */
import { columnLetters, columnNumber } from '../../src/input/a1';
import { spreadsheetRound } from '../../src/workpapers/spreadsheetRound';
import type { PlanCell, SheetPlan } from '../../src/workpapers/plan';

export class MiniSheet {
  private readonly cells = new Map<string, PlanCell>();
  private readonly values = new Map<string, number>();

  constructor(plan: SheetPlan) {
    const put = (r: number, row: readonly (PlanCell | null)[]) =>
      row.forEach((c, i) => {
        if (c) this.cells.set(`${i + 1}:${r}`, c);
      });
    plan.rows.forEach((row, i) => put(i + 1, row));
    for (const b of plan.blocks ?? []) for (let i = 0; i < b.rowCount; i++) put(b.firstRow + i, b.row(i));
  }

  cell(ref: string): PlanCell | undefined {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return this.cells.get(`${columnNumber(m[1])}:${m[2]}`);
  }

  /** The number a cell holds or computes (blank = 0). */
  value(ref: string): number {
    const hit = this.values.get(ref);
    if (hit !== undefined) return hit;
    const c = this.cell(ref);
    let v: number;
    if (!c) v = 0;
    else if (c.formula !== undefined) v = this.evaluate(c.formula.replace(/^=/, ''));
    else if (typeof c.value === 'number') v = c.value;
    else v = 0;
    this.values.set(ref, v);
    return v;
  }

  evaluate(f: string): number {
    const tokens = f.match(/[A-Z]+\(|[A-Z]+\d+(?::[A-Z]+\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+*/(),]/g) ?? [];
    let p = 0;
    const peek = () => tokens[p];
    const next = () => tokens[p++];
    const expr = (): number => {
      let v = term();
      while (peek() === '+' || peek() === '-') v = next() === '+' ? v + term() : v - term();
      return v;
    };
    const term = (): number => {
      let v = unary();
      while (peek() === '*' || peek() === '/') v = next() === '*' ? v * unary() : v / unary();
      return v;
    };
    const unary = (): number => (peek() === '-' ? (next(), -unary()) : primary());
    const primary = (): number => {
      const t = next();
      if (t === '(') {
        const v = expr();
        next();
        return v;
      }
      if (t === 'ROUND(') {
        const x = expr();
        next(); // ,
        const d = expr();
        next(); // )
        return spreadsheetRound(x, d);
      }
      if (t === 'SUM(') {
        const range = next();
        next();
        const [a, b] = range.split(':');
        const ca = /^([A-Z]+)(\d+)$/.exec(a)!;
        const cb = /^([A-Z]+)(\d+)$/.exec(b)!;
        let s = 0;
        for (let r = Number(ca[2]); r <= Number(cb[2]); r++) {
          for (let c = columnNumber(ca[1]); c <= columnNumber(cb[1]); c++) {
            s += this.value(`${columnLetters(c)}${r}`);
          }
        }
        return s;
      }
      if (/^[A-Z]+\d+$/.test(t)) return this.value(t);
      if (/^\d/.test(t)) return Number(t);
      throw new Error(`cannot evaluate "${f}" at "${t}"`);
    };
    const v = expr();
    if (p !== tokens.length) throw new Error(`unparsed tail in "${f}"`);
    return v;
  }
}
