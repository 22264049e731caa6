/**
 * Tie-Out checks of the Disclosures, per currency: the maturity analysis less imputed interest = the liabilities,
 * current + non-current = total, balances = the Roll-Forward closing at the Reporting Date, lease cost (fiscal year to
 * date) = the Schedules' lease cost of the lease months ending in it plus the Roll-Forward's variable lease payments
 * of its months (the journal holds only the reporting period, so it cannot prove a year-to-date figure).
 */
import { toExcelSerial } from '../../engine/calendar/dates';
import { formulaText, sheetRef } from '../cells';
import { SHEET } from '../names';
import { BASIS } from './rollForward';
import { SC } from './schedules';
import { exact, RC, rollForwardRange, sched, sumParts, type Check, type TieOutContext } from './tieOutCheck';

export function disclosureChecks(ctx: TieOutContext): Check[] {
  const { disclosures, reportingDate, periodStart } = ctx;
  const checks: Check[] = [];
  const parts = ctx.schedules.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  const ds = sheetRef(SHEET.disclosures);
  const det = (c: string) => `${ds}$${c}$${disclosures.detail.firstRow}:$${c}$${disclosures.detail.lastRow}`;
  const dSerial = toExcelSerial(reportingDate);
  const startSerial = toExcelSerial(periodStart);
  for (const blk of disclosures.blocks) {
    const cur = blk.currency;
    const q = exact(cur);
    checks.push({
      what: `Disclosures (${cur}): undiscounted payments - imputed interest = lease liabilities at ${reportingDate}`,
      compares: 'Maturity analysis total less imputed interest | lease liabilities linked to the Schedules',
      a: `${ds}${blk.undiscountedTotal}+${ds}${blk.imputedTotal}`,
      b: `SUMIFS(${det(disclosures.detail.liability)},${det(disclosures.detail.currency)},${q})`,
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
      what: `Disclosures (${cur}): lease cost = Schedules lease cost + variable lease payments, ${periodStart} to ${reportingDate}`,
      compares: `Disclosed total lease cost | Schedules lease cost of the lease months ending ${periodStart} to ${reportingDate} + Roll-Forward variable lease payments of those months`,
      a: `${ds}${blk.leaseCostTotal}`,
      // The disclosed total lease cost includes variable lease cost (ASC 842-20-50-4).
      b:
        sumParts(
          parts,
          (p) =>
            `SUMIFS(${sched(p, SC.leaseCost)},${sched(p, SC.currency)},${q},${sched(p, SC.end)},">="&${startSerial},${sched(p, SC.end)},"<="&${dSerial})`,
        ) +
        (rfRows === 0
          ? ''
          : `+SUMIFS(${rf(RC.variablePayments)},${rf(RC.basis)},${month},${rf(RC.currency)},${q},${rf(RC.to)},">="&${startSerial},${rf(RC.to)},"<="&${dSerial})`),
    });
  }
  return checks;
}
