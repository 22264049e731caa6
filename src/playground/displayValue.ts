/**
 * A cell's value as Excel would show it under the common number formats of the workpapers and the template:
 * dates, percentages, amounts with thousands separators, whole numbers, text, General.
 */
import { fromExcelSerial } from '../engine/calendar/dates';
import type { CellValue } from '../office/excelApi';

function grouped(x: number, decimals: number): string {
  return Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function displayValue(value: CellValue | null, numberFormat: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat.split(';')[0].replace(/\[[^\]]*\]/g, '');
  const negative = value < 0;
  if (/y{2,4}|d{1,2}|m{1,4}/i.test(format) && !/[#0]/.test(format)) {
    if (value < 1 || value > 2958465) return String(value);
    const iso = fromExcelSerial(Math.floor(value));
    if (/^m+\/d+\/y+$/i.test(format)) {
      const [y, m, d] = iso.split('-').map(Number);
      return `${m}/${d}/${y}`;
    }
    return iso;
  }
  if (format.includes('%')) {
    const decimals = (/\.(0+)%/.exec(format)?.[1] ?? '').length;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  const decimals = (/\.(0+)/.exec(format)?.[1] ?? '').length;
  if (format.includes('#,##0')) {
    const text = grouped(value, decimals);
    // A negative that rounds to zero shows as zero.
    if (negative && /[1-9]/.test(text)) return numberFormat.includes('(') ? `(${text})` : `-${text}`;
    return text;
  }
  if (/^0(\.0+)?$/.test(format)) return value.toFixed(decimals);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}
