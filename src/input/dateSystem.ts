/**
 * Excel's two date systems. A workbook saved with the 1904 date system (Excel for Mac's old default, Numbers)
 * counts its serial numbers from 1904-01-01, 1,462 days after the 1900 system's day zero. The product works in the
 * 1900 system throughout; whoever reads or writes a workbook's cells converts at its edge: a number in a date
 * format is a date, and moves by 1,462 days.
 */

/** Days between the 1904 and the 1900 date systems' day zero. */
export const DAYS_1904 = 1462;

/** Whether a number format shows a date or time (letters d, m, y, h or s outside quotes, escapes and colours). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '');
  return /[dmyhs]/i.test(bare);
}

/** A cell's value as the 1900 system reads it: a date-formatted number of a 1904 workbook moves forward. */
export function readIn1900<T>(value: T, numberFormat: string | undefined, date1904: boolean): T | number {
  return date1904 && typeof value === 'number' && numberFormat !== undefined && isDateFormat(numberFormat)
    ? value + DAYS_1904
    : value;
}

/** A 1900-system value as a workbook stores it: a date-formatted number moves back in a 1904 workbook. */
export function writeIn<T>(value: T, numberFormat: string | undefined, date1904: boolean): T | number {
  return date1904 && typeof value === 'number' && numberFormat !== undefined && isDateFormat(numberFormat)
    ? value - DAYS_1904
    : value;
}
