/**
 * The colours a cell's conditional formats give it, as Excel would draw them: the first CellValue rule
 * (Equal to / Not equal to a constant) that holds. Enough for the workpapers' PASS/FAIL and the pane's error
 * highlight.
 */
import type { CellValue } from '../office/excelApi';
import type { SheetModel } from '../office/memoryExcel';

function constant(formula: string): CellValue | null {
  const text = /^="(.*)"$/s.exec(formula);
  if (text) return text[1].replace(/""/g, '"');
  const n = Number(formula.replace(/^=/, ''));
  return Number.isFinite(n) ? n : null;
}

export function conditionalStyle(
  sheet: SheetModel,
  r: number,
  c: number,
  value: CellValue | null,
): { color?: string; backgroundColor?: string } | undefined {
  for (const cf of sheet.conditionalFormats) {
    const { rect } = cf;
    if (r < rect.r0 || r > rect.r1 || c < rect.c0 || c > rect.c1) continue;
    const k = constant(String(cf.rule.formula1 ?? ''));
    const equal = value === k || (value === null && k === '');
    const holds = cf.rule.operator === 'EqualTo' ? equal : cf.rule.operator === 'NotEqualTo' ? !equal : false;
    if (holds) return { color: cf.fontColor, backgroundColor: cf.fillColor };
  }
  return undefined;
}
