/**
 * Cell constructors and number formats shared by the workpaper sheets. Money arrives in integer cents and is
 * written as currency units: cents / 100 is the nearest double to the two-decimal amount, which is what a user
 * typing the amount would store.
 */
import { columnLetters, quoteSheetName } from '../input/a1';
import { toExcelSerial, type IsoDate } from '../engine/calendar/dates';
import type { PlanCell } from './plan';

export const FMT = {
  money: '#,##0.00;-#,##0.00',
  /** Roll-forward and disclosures: decreases in parentheses, as accountants print them. */
  moneyParens: '#,##0.00;(#,##0.00);0.00',
  date: 'yyyy-mm-dd',
  monthlyRate: '0.000000000000',
  percent: '0.0000%',
  percent2: '0.00%',
  integer: '0',
  years: '0.00',
  text: '@',
} as const;

/** A text cell: always text, even when it begins with =, +, - or @. */
export function text(s: string | null | undefined, bold = false): PlanCell | null {
  if (s === null || s === undefined || s === '') return null;
  return bold ? { value: s, bold: true } : { value: s };
}

export function bold(s: string): PlanCell {
  return { value: s, bold: true };
}

export function num(n: number, numberFormat?: string): PlanCell {
  return numberFormat ? { value: n, numberFormat } : { value: n };
}

/** An amount of cents as a money cell. */
export function money(cents: number, numberFormat: string = FMT.money): PlanCell {
  return { value: cents / 100, numberFormat };
}

const serials = new Map<IsoDate, number>();

export function date(iso: IsoDate): PlanCell {
  let serial = serials.get(iso);
  if (serial === undefined) {
    serial = toExcelSerial(iso);
    if (serials.size > 100_000) serials.clear();
    serials.set(iso, serial);
  }
  return { value: serial, numberFormat: FMT.date };
}

/**
 * A date inside a formula: DATE(y,m,d), which Excel and LibreOffice read alike in the 1900 and the 1904 date system
 * (a serial number would be four years off in a 1904 workbook).
 */
export function dateInFormula(iso: IsoDate): string {
  return `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
}

/** A live formula (written without a cached result, so the spreadsheet computes it). */
export function formula(f: string, numberFormat?: string, isBold = false): PlanCell {
  const cell: PlanCell = { formula: f.startsWith('=') ? f : `=${f}` };
  if (numberFormat) cell.numberFormat = numberFormat;
  if (isBold) cell.bold = true;
  return cell;
}

/** A text literal inside a formula: "Lease liability" with quotes doubled. */
export function formulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** 'Journal Entries'!  — a sheet reference prefix for formulas. */
export function sheetRef(sheet: string): string {
  return `${quoteSheetName(sheet)}!`;
}

/** Column number (1-based) to letters (the one A1 arithmetic of the product, in input/a1.ts). */
export const col = columnLetters;

/** Cents to a display string "1,234.56" for memos and notes. */
export function amountText(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = abs % 100;
  return `${neg ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

export function classificationLabel(c: string): string {
  return c === 'operating' ? 'Operating' : c === 'finance' ? 'Finance' : c === 'short-term' ? 'Short-term' : c;
}

/** Column widths (characters) wide enough for each bold header and at least `base[i]` (or `min`). */
export function headerWidths(headers: readonly string[], base: readonly number[] = [], min = 10): number[] {
  return headers.map((h, i) => Math.max(base[i] ?? min, Math.ceil(h.length * 1.15) + 2));
}
