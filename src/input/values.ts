/**
 * Value parsers for input cells: each turns one cell into a typed value or a message an accountant can act on.
 * Messages start with the column's header, e.g. `Discount Rate "abc" is not a number`; the caller adds where.
 *
 * Numbers are read from their shortest decimal string (what Excel shows at full precision), never by float
 * arithmetic: 0.1 + 0.2 typed as a formula is 0.30000000000000004, which is 0.30 as an amount.
 */
import { centsFromDecimal, type Cents } from '../engine/money/cents';
import { Decimal } from '../engine/money/decimal';
import { fromExcelSerial, isIsoDate, type IsoDate } from '../engine/calendar/dates';
import type { GridCell, GridValue } from './grid';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Blank: no value, or text of spaces only. */
export function isBlankValue(v: GridValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isBlankCell(cell: GridCell | undefined): boolean {
  return cell === undefined || isBlankValue(cell.value);
}

/** A value as quoted in a message: text in quotes, numbers as they are, booleans as Excel shows them. */
export function show(v: GridValue): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Header matching key: case-insensitive, spaces ignored ("Term (Months)" = "term(months)"). */
export function headerKey(header: string): string {
  return header.replace(/\s+/g, '').toLowerCase();
}

/** Enumeration matching key: case-insensitive, spaces, hyphens and underscores ignored ("Semi-annual"). */
export function choiceKey(text: string): string {
  return text.replace(/[\s\-_]+/g, '').toLowerCase();
}

/** Text as typed (trimmed); a number becomes its shortest decimal text (Lease ID 1001 -> "1001"). */
export function parseText(v: GridValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

/** The shortest decimal string that reads back as `n` (JavaScript's own Number-to-String). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** Number text: digits before or after the point (never an exponent alone: "e5", "E+5"), optional thousands
 *  commas, an optional exponent of at most three digits (beyond that no spreadsheet number exists). */
const NUMBER_TEXT = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** A decimal number: a numeric cell, or text such as "1,234.50". */
export function parseDecimal(label: string, v: GridValue): Parsed<Decimal> {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail(`${label} ${show(v)} is not a number`);
    return ok(new Decimal(numberText(v)));
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (NUMBER_TEXT.test(t)) return ok(new Decimal(t.replace(/,/g, '')));
  }
  return fail(`${label} ${show(v)} is not a number`);
}

/** Largest amount accepted: a trillion currency units keeps every sum of cents exact. */
const MAX_AMOUNT = new Decimal('1e12');

/** An amount in cents, rounded half-up to the cent. `min` is 0 (>= 0), 'positive' (> 0) or 'signed' (any sign). */
export function parseAmount(label: string, v: GridValue, min: 0 | 'positive' | 'signed' = 0): Parsed<Cents> {
  const d = parseDecimal(label, v);
  if (!d.ok) return d;
  if (min !== 'signed' && d.value.isNegative() && !d.value.isZero()) {
    return fail(`${label} ${show(v)} is negative; enter an amount >= 0`);
  }
  if (d.value.abs().greaterThan(MAX_AMOUNT)) return fail(`${label} ${show(v)} is too large`);
  const cents = centsFromDecimal(d.value);
  if (min === 'positive' && cents <= 0) return fail(`${label} ${show(v)} must be greater than 0`);
  return ok(cents);
}

/** A signed amount in cents (a gain, a net credit), rounded half-up to the cent. */
export function parseSignedAmount(label: string, v: GridValue): Parsed<Cents> {
  const d = parseDecimal(label, v);
  if (!d.ok) return d;
  if (d.value.abs().greaterThan(MAX_AMOUNT)) return fail(`${label} ${show(v)} is too large`);
  return ok(centsFromDecimal(d.value));
}

/** A whole number within [min, max]. */
export function parseWholeNumber(label: string, v: GridValue, min: number, max: number): Parsed<number> {
  const d = parseDecimal(label, v);
  if (!d.ok) return d;
  if (!d.value.isInteger()) return fail(`${label} ${show(v)} is not a whole number`);
  const n = d.value.toNumber();
  if (n < min) return fail(`${label} ${show(v)} must be at least ${min}`);
  if (n > max) return fail(`${label} ${show(v)} must be at most ${max}`);
  return ok(n);
}

/**
 * A percentage as a decimal fraction: a number (0.05, or 5% in a percent-formatted cell, which is 0.05) or
 * text "5%" / "0.05". `range` bounds the fraction; a bare number above 1 gets a hint that it reads as
 * hundreds of percent.
 */
export function parsePercent(
  label: string,
  v: GridValue,
  range: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean },
): Parsed<Decimal> {
  let d: Decimal;
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const n = parseDecimal(label, v.replace(/%\s*$/, ''));
    if (!n.ok) return fail(`${label} ${show(v)} is not a percentage`);
    d = n.value.dividedBy(100);
  } else {
    const n = parseDecimal(label, v);
    if (!n.ok) return fail(`${label} ${show(v)} is not a percentage`);
    d = n.value;
  }
  const below = range.minExclusive ? d.lessThanOrEqualTo(range.min) : d.lessThan(range.min);
  const above = range.maxExclusive ? d.greaterThanOrEqualTo(range.max) : d.greaterThan(range.max);
  if (below || above) {
    const pct = (x: number): string => `${new Decimal(x).times(100).toString()}%`;
    const bounds =
      `${range.minExclusive ? 'above' : 'from'} ${pct(range.min)} ` +
      `${range.maxExclusive ? 'and below' : 'to'} ${pct(range.max)}`;
    const asPct = `${d.times(100).toString()}%`;
    const hint =
      typeof v === 'number' && d.greaterThan(1)
        ? `; ${show(v)} reads as ${asPct}: type ${show(v)}% or ${d.dividedBy(100).toString()}`
        : '';
    return fail(`${label} ${asPct} must be ${bounds}${hint}`);
  }
  return ok(d);
}

/** 9999-12-31, Excel's last date. */
const MAX_EXCEL_SERIAL = 2_958_465;

/** A date: an Excel serial number (whole days) or ISO text "YYYY-MM-DD". */
export function parseDate(label: string, v: GridValue): Parsed<IsoDate> {
  if (typeof v === 'number') {
    // Excel's dates run from serial 1 (1900-01-01) to 2,958,465 (9999-12-31).
    if (!Number.isFinite(v) || v < 1 || v >= MAX_EXCEL_SERIAL + 1) return fail(`${label} ${show(v)} is not a date`);
    if (!Number.isInteger(v)) return fail(`${label} ${show(v)} has a time of day; enter a date only`);
    try {
      return ok(fromExcelSerial(v));
    } catch {
      return fail(`${label} ${show(v)} is not a date`);
    }
  }
  if (typeof v === 'string') {
    const t = v.trim();
    const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
    if (m && isIsoDate(m[1])) return ok(m[1]);
  }
  return fail(`${label} ${show(v)} is not a date; enter an Excel date or text in the form YYYY-MM-DD`);
}

/** Yes / No (also Y / N, TRUE / FALSE, and Excel's boolean cells). */
export function parseYesNo(label: string, v: GridValue): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'string') {
    const k = choiceKey(v);
    if (k === 'yes' || k === 'y' || k === 'true') return ok(true);
    if (k === 'no' || k === 'n' || k === 'false') return ok(false);
  }
  return fail(`${label} ${show(v)} is not Yes or No`);
}

/** One of a list of values, case-insensitive (spaces and hyphens ignored); returns the list's spelling. */
export function parseChoice<T extends string>(label: string, v: GridValue, choices: readonly T[]): Parsed<T> {
  if (typeof v === 'string') {
    const k = choiceKey(v);
    const found = choices.find((c) => choiceKey(c) === k);
    if (found !== undefined) return ok(found);
  }
  return fail(`${label} ${show(v)} is not one of ${choices.join(', ')}`);
}
