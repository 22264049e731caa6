/**
 * What a spreadsheet computes for `=ROUND(x, 2)` when x is the binary floating-point product or quotient of two
 * cells, simulated exactly, so the layout can write a visible "Rounding adj." that makes the live formula land on the
 * engine's exact decimal figure.
 *
 * Why: the engine rounds the exact decimal product half-up. A spreadsheet multiplies two IEEE doubles (the cents
 * written as dollars, the monthly rate written as a decimal) and then rounds the binary result. When the exact product
 * sits on or within ~1e-15 (relative) of a half-cent, the two can differ by one cent.
 *
 * The model is LibreOffice's (sal/rtl/math.cxx, rtl_math_round with rtl_math_RoundingMode_Corrected, 7.x):
 *   v = |x| * 100;  v = floor(approxValue(v + 0.5));  result = v / 100 (sign restored)
 * where approxValue rounds to 15 significant digits. Excel documents the same effect (15 significant digits, then
 * half away from zero). The LibreOffice round-trip tests check this model cell by cell.
 *
 * This module is pure arithmetic on JavaScript numbers: it simulates a spreadsheet, it never computes money.
 */

const N10: number[] = [
  1e-16, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2,
  1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
];

/** 10^n as LibreOffice's getN10Exp gives it (a table of literals for |n| <= 16). */
function pow10(n: number): number {
  return n >= -16 && n <= 16 ? N10[n + 16] : Math.pow(10, n);
}

const MAX_INT = 2 ** 53 - 1;
const TWO_52 = 2 ** 52;
const TWO_41 = 2 ** 41;

const view = new DataView(new ArrayBuffer(8));

/** Unbiased binary exponent of a positive finite double (its IEEE exponent field - 1023). */
function binaryExponent(v: number): number {
  view.setFloat64(0, v);
  return ((view.getUint16(0) >> 4) & 0x7ff) - 1023;
}

function isRepresentableInteger(abs: number): boolean {
  return abs <= MAX_INT && Number.isInteger(abs);
}

/** Number of binary digits after the binary point that are significant in `abs` (LibreOffice getBitsInFracPart). */
function bitsInFracPart(abs: number): number {
  if (abs === 0) return 0;
  view.setFloat64(0, abs);
  const exponent = ((view.getUint16(0) >> 4) & 0x7ff) - 1023;
  if (exponent >= 52) return 0;
  const hi = view.getUint32(0) & 0xfffff;
  const lo = view.getUint32(4);
  let least: number; // 1-based index of the least significant set bit of the 52-bit fraction, 53 = none
  if (lo !== 0) least = 32 - Math.clz32(lo & -lo);
  else if (hi !== 0) least = 32 + (32 - Math.clz32(hi & -hi));
  else least = 53;
  return Math.max(53 - least - exponent, 0);
}

/** LibreOffice rtl::math::approxValue: `x` rounded to 15 significant decimal digits (with its exemptions). */
export function approxValue(x: number): number {
  if (x === 0 || !Number.isFinite(x) || x > TWO_41) return x;
  const neg = x < 0 || Object.is(x, -0);
  let v = neg ? -x : x;
  if (isRepresentableInteger(v) || bitsInFracPart(v) <= 11) return x;
  const e = 14 - Math.floor(Math.log10(v));
  const f = pow10(Math.abs(e));
  v = e < 0 ? v / f : v * f;
  if (!Number.isFinite(v)) return x;
  v = Math.round(v); // std::round on a positive number
  v = e < 0 ? v * f : v / f;
  if (!Number.isFinite(v)) return x;
  return neg ? -v : v;
}

/** The spreadsheet's `ROUND(x, decimals)` for decimals >= 0 (LibreOffice's "corrected" rounding, half away from zero). */
export function spreadsheetRound(x: number, decimals = 2): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const neg = x < 0 || Object.is(x, -0);
  let v = neg ? -x : x;
  if (v >= TWO_52 || isRepresentableInteger(v)) return x;
  let places = decimals;
  const representable = 52 - binaryExponent(v);
  if (representable <= 0) return x;
  if (representable < places) places = representable;
  const fac = pow10(places);
  v *= fac;
  if (!Number.isFinite(v)) return x;
  if (v < TWO_52) v = Math.floor(approxValue(v + 0.5));
  v /= fac;
  if (!Number.isFinite(v)) return x;
  return neg ? -v : v;
}

/** The double a spreadsheet holds for an amount of cents written as dollars (the nearest double to the decimal). */
export function centsAsSheetNumber(cents: number): number {
  return cents / 100;
}

/**
 * Cents that the spreadsheet's `=ROUND(base * rate, 2)` gives, where `base` is a cell holding `baseCents` dollars
 * (written or obtained by ROUND(..., 2), so it is the nearest double to the decimal) and `rate` a cell holding the
 * double `rate`.
 */
export function sheetRoundedProductCents(baseCents: number, rate: number): number {
  const r = spreadsheetRound(centsAsSheetNumber(baseCents) * rate, 2);
  return Math.round(r * 100) + 0; // + 0: no negative zero
}

/** Cents that the spreadsheet's `=ROUND(total / parts, 2)` gives, `total` a cell holding `totalCents` dollars. */
export function sheetRoundedQuotientCents(totalCents: number, parts: number): number {
  const r = spreadsheetRound(centsAsSheetNumber(totalCents) / parts, 2);
  return Math.round(r * 100) + 0;
}
