/**
 * What Excel does with a value written through `range.values` or `range.formulas`: the same as typing it into the
 * cell. A string beginning with "=" becomes a formula (so do "+" and "-" that are not numbers, and "@");
 * numbers, percentages, TRUE/FALSE and dates typed as text become numbers, booleans and date serials;
 * a leading apostrophe keeps the rest as text (and is not part of the value, even in a cell formatted as Text,
 * which keeps every other string as typed).
 */
import { isIsoDate, toExcelSerial } from '../../engine/calendar/dates';
import type { CellValue } from '../excelApi';

export type Entered =
  { kind: 'clear' } | { kind: 'value'; value: CellValue; numberFormat?: string } | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * `daysAfter1900`: how many days the workbook's day zero is after the 1900 system's (1,462 in a 1904 workbook), so a
 * typed date becomes that workbook's serial.
 */
export function enter(input: CellValue, cellFormat: string | undefined, daysAfter1900 = 0): Entered {
  if (typeof input !== 'string') return { kind: 'value', value: input };
  if (input === '') return { kind: 'clear' };
  const first = input[0];
  if (first === "'") return { kind: 'value', value: input.slice(1) };
  if (cellFormat === '@') return { kind: 'value', value: input };
  if (first === '=' && input.length > 1) return { kind: 'formula', formula: input };
  // Fast path: text starting with a letter is text, unless it is TRUE or FALSE.
  if (/[A-Za-z]/.test(first) && input.length > 5) return { kind: 'value', value: input };
  const s = input.trim();
  if (NUMBER.test(s)) return { kind: 'value', value: Number(s) };
  const pct = PERCENT.exec(s);
  if (pct) return { kind: 'value', value: Number(pct[1]) / 100, numberFormat: '0%' };
  if (/^true$/i.test(s)) return { kind: 'value', value: true };
  if (/^false$/i.test(s)) return { kind: 'value', value: false };
  if (isIsoDate(s)) return { kind: 'value', value: toExcelSerial(s) - daysAfter1900, numberFormat: 'yyyy-mm-dd' };
  const us = US_DATE.exec(s);
  if (us) {
    const iso = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
    if (isIsoDate(iso)) return { kind: 'value', value: toExcelSerial(iso) - daysAfter1900, numberFormat: 'm/d/yyyy' };
  }
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  if (input.startsWith('+') || input.startsWith('-') || input.startsWith('@')) {
    return { kind: 'formula', formula: `=${input}` };
  }
  return { kind: 'value', value: input };
}
