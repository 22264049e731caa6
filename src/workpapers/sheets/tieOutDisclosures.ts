/**
 * Tie-Out checks of the Disclosures, per currency: the maturity analysis less imputed interest = the liabilities,
 * current + non-current = total, balances = the Roll-Forward closing at the Reporting Date, lease cost = the lease
 * cost journalized in the period.
 */
import { toExcelSerial } from '../../engine/calendar/dates';
import { formulaText, sheetRef } from '../cells';
import { SHEET } from '../names';
import { JC } from './journalSheet';
import { BASIS } from './rollForward';
import { CATCH_UP_TYPE } from './catchUps';
import { SC } from './schedules';
import {
  exact,
  jr,
  RC,
  rollForwardRange,
  sched,
  sumParts,
  type Check,
  type JournalPart,
  type TieOutContext,
} from './tieOutCheck';

export function disclosureChecks(ctx: TieOutContext): Check[] {
  const { disclosures, reportingDate, periodStart, costAccounts } = ctx;
  const checks: Check[] = [];
  const jparts = ctx.journal.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  const ds = sheetRef(SHEET.disclosures);
  const det = (c: string) => `${ds}$${c}$${disclosures.detail.firstRow}:$${c}$${disclosures.detail.lastRow}`;
  // The disclosed total lease cost includes variable lease cost (ASC 842-20-50-4).
  const disclosedCostAccounts = [...new Set([...costAccounts, ctx.accounts.variableLeaseCost])];
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
    // One SUMPRODUCT per journal sheet (SUMIFS per account and sheet would pass Excel's 8,192-character formula limit).
    const accountsMatch = (p: JournalPart) =>
      disclosedCostAccounts.map((a) => `(${jr(p, JC.account)}=${formulaText(a)})`).join('+');
    // A closed period (CONTRACT 1.11): its closed months are not journalized again and a catch-up carries what
    // changed in them, so the period's cost is the journal's open months (catch-ups aside) + the schedule's closed
    // months in the period.
    const closed = ctx.closedThrough && ctx.closedThrough >= periodStart ? ctx.closedThrough : null;
    const notCatchUp = (p: JournalPart) => (closed ? `*(${jr(p, JC.type)}<>${formulaText(CATCH_UP_TYPE)})` : '');
    const journalCost = jparts
      .map(
        (p) =>
          `SUMPRODUCT((${jr(p, JC.debit)}-${jr(p, JC.credit)})*(${accountsMatch(p)})*(${jr(p, JC.currency)}=${formulaText(cur)})*(${jr(p, JC.date)}>=${startSerial})*(${jr(p, JC.date)}<=${dSerial})${notCatchUp(p)})`,
      )
      .join('+');
    const closedCost = closed
      ? sumParts(
          ctx.schedules.parts,
          (p) =>
            `SUMPRODUCT(${sched(p, SC.leaseCost)}*(${sched(p, SC.currency)}=${formulaText(cur)})*(${sched(p, SC.end)}>=${startSerial})*(${sched(p, SC.end)}<=${toExcelSerial(closed)}))`,
        )
      : null;
    checks.push({
      what: `Disclosures (${cur}): lease cost = lease cost journalized in the period${closed ? ` (months through ${closed} closed: as scheduled)` : ''}`,
      compares: closed
        ? `Disclosed total lease cost | journal lease cost accounts after ${closed} to ${reportingDate}, catch-ups aside, + Schedules lease cost ${periodStart} to ${closed}`
        : `Disclosed total lease cost | journal lease cost accounts, ${periodStart} to ${reportingDate}`,
      a: `${ds}${blk.leaseCostTotal}`,
      b: closedCost ? `${journalCost}+${closedCost}` : journalCost,
    });
  }
  return checks;
}
