/**
 * PlanCell -> what Office.js is sent. Excel treats a written string as if it were typed: "=..." (and "+...",
 * "-...", "@...") becomes a formula, "0123" a number, "2029-01" or "Jan-29" a date, "TRUE" a boolean. Text that
 * could be taken that way is sent behind an apostrophe, which Excel keeps out of the value: text stays text.
 */
import type { CellValue } from './excelApi';
import { refRenamer } from './formulaRefs';
import type { PlanCell } from '../workpapers/plan';

const MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/** True when Excel would not keep the string as plain text if it were typed. */
export function needsQuote(text: string): boolean {
  if (text === '') return false;
  const first = text[0];
  if (!/[A-Za-z\u00C0-\uFFFF]/.test(first)) return true; // =, +, -, @, ', digits, $, (, #, space, ...
  if (/^(true|false)$/i.test(text.trim())) return true;
  if (MONTH_DATE.test(text)) return true;
  return false;
}

export function quoteText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

export interface RefRenames {
  sheets: ReadonlyMap<string, string>;
  tables: ReadonlyMap<string, string>;
}

const renamers = new WeakMap<RefRenames, (formula: string) => string>();

/** The formula with the staging renames applied (the renamer is built once per set of renames). */
function renamed(formula: string, renames: RefRenames): string {
  let rename = renamers.get(renames);
  if (!rename) {
    rename = refRenamer(renames.sheets, renames.tables);
    renamers.set(renames, rename);
  }
  return rename(formula);
}

/** The entry for `range.formulas`: a formula, a constant (text quoted as needed), or null to leave empty. */
export function formulaInput(cell: PlanCell | null | undefined, renames?: RefRenames): CellValue | null {
  if (!cell) return null;
  if (cell.formula !== undefined) {
    return renames ? renamed(cell.formula, renames) : cell.formula;
  }
  const v = cell.value;
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v === '' ? null : quoteText(v);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`cannot write ${v} to a cell`);
  return v;
}

/** Excel column width: characters of the default font -> points (8.43 characters = 64 pixels = 48 points). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
