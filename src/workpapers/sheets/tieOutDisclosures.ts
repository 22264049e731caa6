/**
 * Tie-Out checks of the Disclosures, per currency:
 * - the maturity analysis less imputed interest = the liabilities, current + non-current = total, balances = the
 *   Roll-Forward closing at the Reporting Date, lease cost of the period reported = the Schedules' lease cost of the
 *   lease months ending in it + the Roll-Forward's variable lease payments of its months;
 * - every disclosed figure re-performed: each group of figures (balance sheet, each maturity analysis, each period
 *   column's lease cost, cash paid and ROU assets obtained, the weighted averages) counts the figures equal to their
 *   own formula evaluated here, so a figure typed over (two maturity years swapped, a weighted average overwritten)
 *   FAILs its group.
 */
import { formulaText, sheetRef, dateInFormula } from '../cells';
import { SHEET } from '../names';
import type { DisclosedFigure } from './disclosures';
import { BASIS } from './rollForward';
import { SC } from './schedules';
import {
  MAX_CHECK_FORMULA,
  exact,
  RC,
  rollForwardRange,
  sched,
  sumParts,
  type Check,
  type TieOutContext,
} from './tieOutCheck';

/** Checks re-performing each group of figures, a group split where its formulas would pass Excel's limit. */
function reperformed(cur: string, figures: readonly DisclosedFigure[]): Check[] {
  const groups = new Map<string, DisclosedFigure[]>();
  for (const f of figures) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const checks: Check[] = [];
  for (const [group, list] of groups) {
    const chunks: DisclosedFigure[][] = [[]];
    let size = 0;
    for (const f of list) {
      const len = f.cell.length + f.formula.length + 30;
      if (size + len > MAX_CHECK_FORMULA && chunks[chunks.length - 1].length > 0) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1].push(f);
      size += len;
    }
    chunks.forEach((chunk, k) => {
      const part = chunks.length > 1 ? ` (part ${k + 1} of ${chunks.length})` : '';
      const cells = chunk.map((f) => f.cell.replace(/^.*!/, '').replace(/\$/g, ''));
      checks.push({
        what: `Disclosures (${cur}): ${group}${part}: every figure = its formula re-performed`,
        compares: `Figures (${cells[0]}:${cells[cells.length - 1]}) | figures equal to their formula evaluated here`,
        a: String(chunk.length),
        b: chunk.map((f) => `(ROUND(${f.cell}-(${f.formula}),9)=0)*1`).join('+'),
        count: true,
      });
    });
  }
  return checks;
}

export function disclosureChecks(ctx: TieOutContext): Check[] {
  const { disclosures, reportingDate } = ctx;
  const checks: Check[] = [];
  const parts = ctx.schedules.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  const ds = sheetRef(SHEET.disclosures);
  const at = disclosures.atDate;
  const dSerial = dateInFormula(reportingDate);
  const reported = disclosures.columns[0];
  const startSerial = dateInFormula(reported.from);
  const endSerial = dateInFormula(reported.to);
  for (const blk of disclosures.blocks) {
    const cur = blk.currency;
    const q = exact(cur);
    checks.push({
      what: `Disclosures (${cur}): undiscounted payments - imputed interest = lease liabilities at ${reportingDate}`,
      compares: 'Maturity analysis total less imputed interest | lease liabilities linked to the Schedules',
      a: `${ds}${blk.undiscountedTotal}+${ds}${blk.imputedTotal}`,
      b: `SUMIFS(${at.range('liab')},${at.range('cur')},${q})`,
    });
    checks.push({
      what: `Disclosures (${cur}): current + non-current = total lease liabilities`,
      compares: 'Current + non-current | total lease liabilities (linked to the Schedules)',
      a: `${ds}${blk.currentTotal}+${ds}${blk.nonCurrentTotal}`,
      b: `${ds}${blk.liabilityTotal}`,
    });
    const rfClosing = (c: string) =>
      rfRows === 0 ? '0' : `SUMIFS(${rf(c)},${rf(RC.basis)},${month},${rf(RC.to)},${dSerial},${rf(RC.currency)},${q})`;
    checks.push({
      what: `Disclosures (${cur}): lease liabilities = Roll-Forward closing at ${reportingDate}`,
      compares:
        'Disclosed total lease liabilities | Roll-forward closing liability, month ending on the Reporting Date',
      a: `${ds}${blk.liabilityTotal}`,
      b: rfClosing(RC.liabilityClosing),
    });
    checks.push({
      what: `Disclosures (${cur}): ROU assets = Roll-Forward closing at ${reportingDate}`,
      compares: 'Disclosed ROU assets | Roll-forward closing ROU asset, month ending on the Reporting Date',
      a: `${ds}${blk.rouTotal}`,
      b: rfClosing(RC.rouClosing),
    });
    checks.push({
      what: `Disclosures (${cur}): lease cost = Schedules lease cost + variable lease payments, ${reported.from} to ${reported.to}`,
      compares: `Disclosed total lease cost | Schedules lease cost of the lease months ending ${reported.from} to ${reported.to} + Roll-Forward variable lease payments of those months`,
      a: `${ds}${blk.leaseCostTotal}`,
      // The disclosed total lease cost includes variable lease cost (ASC 842-20-50-4).
      b:
        sumParts(
          parts,
          (p) =>
            `SUMIFS(${sched(p, SC.leaseCost)},${sched(p, SC.currency)},${q},${sched(p, SC.end)},">="&${startSerial},${sched(p, SC.end)},"<="&${endSerial})`,
        ) +
        (rfRows === 0
          ? ''
          : `+SUMIFS(${rf(RC.variablePayments)},${rf(RC.basis)},${month},${rf(RC.currency)},${q},${rf(RC.to)},">="&${startSerial},${rf(RC.to)},"<="&${endSerial})`),
    });
    checks.push(...reperformed(cur, blk.figures));
  }
  return checks;
}
