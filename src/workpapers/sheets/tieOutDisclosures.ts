/**
 * Tie-Out checks of the Disclosures, per currency:
 * - the maturity analysis less imputed interest = the liabilities, current + non-current = total, balances = the
 *   Roll-Forward closing at the Reporting Date, lease cost = the lease cost journalized in the period reported, and
 *   cash paid = the lease payments journalized in it (and the cash and prepaid rent of commencements in it);
 * - every disclosed figure re-performed: each group of figures (balance sheet, each maturity analysis, each period
 *   column's lease cost, cash paid and ROU assets obtained, the weighted averages) counts the figures equal to their
 *   own formula evaluated here, so a figure typed over (two maturity years swapped, a weighted average overwritten)
 *   FAILs its group.
 */
import { toExcelSerial } from '../../engine/calendar/dates';
import { formulaText, sheetRef } from '../cells';
import { SHEET } from '../names';
import type { DisclosedFigure } from './disclosures';
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

/** Excel's formula limit is 8,192 characters: a re-performance check holds at most this much. */
const MAX_CHECK_FORMULA = 7000;

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
  const { disclosures, reportingDate, costAccounts, accounts } = ctx;
  const checks: Check[] = [];
  const jparts = ctx.journal.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  const ds = sheetRef(SHEET.disclosures);
  const at = disclosures.atDate;
  // The disclosed total lease cost includes variable lease cost (ASC 842-20-50-4).
  const disclosedCostAccounts = [...new Set([...costAccounts, ctx.accounts.variableLeaseCost])];
  const dSerial = toExcelSerial(reportingDate);
  const reported = disclosures.columns[0];
  const startSerial = toExcelSerial(reported.from);
  const endSerial = toExcelSerial(reported.to);
  const inReported = (p: JournalPart) => `(${jr(p, JC.date)}>=${startSerial})*(${jr(p, JC.date)}<=${endSerial})`;
  for (const blk of disclosures.blocks) {
    const cur = blk.currency;
    const q = exact(cur);
    const isCur = (p: JournalPart) => `(${jr(p, JC.currency)}=${formulaText(cur)})`;
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
    // One SUMPRODUCT per journal sheet (SUMIFS per account and sheet would pass Excel's 8,192-character formula limit).
    const accountsMatch = (p: JournalPart) =>
      disclosedCostAccounts.map((a) => `(${jr(p, JC.account)}=${formulaText(a)})`).join('+');
    // A closed period (CONTRACT 1.11): its closed months are not journalized again and a catch-up carries what
    // changed in them, so the period's figures are the journal's open months (catch-ups aside) + the Schedules'
    // closed months in the period.
    const closed = ctx.closedThrough && ctx.closedThrough >= reported.from ? ctx.closedThrough : null;
    const closedSerial = closed ? toExcelSerial(closed) : 0;
    // Catch-ups correct closed months: after any close they are not the period's own cost or cash.
    const notCatchUp = (p: JournalPart) =>
      ctx.closedThrough ? `*(${jr(p, JC.type)}<>${formulaText(CATCH_UP_TYPE)})` : '';
    const journalCost = jparts
      .map(
        (p) =>
          `SUMPRODUCT((${jr(p, JC.debit)}-${jr(p, JC.credit)})*(${accountsMatch(p)})*${isCur(p)}*${inReported(p)}${notCatchUp(p)})`,
      )
      .join('+');
    const closedCost = closed
      ? sumParts(
          ctx.schedules.parts,
          (p) =>
            `SUMPRODUCT(${sched(p, SC.leaseCost)}*(${sched(p, SC.currency)}=${formulaText(cur)})*(${sched(p, SC.end)}>=${startSerial})*(${sched(p, SC.end)}<=${closedSerial}))`,
        )
      : null;
    checks.push({
      what: `Disclosures (${cur}): lease cost = lease cost journalized in the period${closed ? ` (months through ${closed} closed: as scheduled)` : ''}`,
      compares: closed
        ? `Disclosed total lease cost | journal lease cost accounts after ${closed} to ${reported.to}, catch-ups aside, + Schedules lease cost ${reported.from} to ${closed}`
        : `Disclosed total lease cost | journal lease cost accounts, ${reported.from} to ${reported.to}`,
      a: `${ds}${blk.leaseCostTotal}`,
      b: closedCost ? `${journalCost}+${closedCost}` : journalCost,
    });
    const cash = blk.cashPaidTotals.find((c) => c.column === 0);
    if (cash) {
      const acct = (p: JournalPart, a: string) => `(${jr(p, JC.account)}=${formulaText(a)})`;
      const type = (p: JournalPart, t: string) => `(${jr(p, JC.type)}=${formulaText(t)})`;
      const journalCash = jparts
        .map(
          (p) =>
            `SUMPRODUCT(${jr(p, JC.debit)}*${acct(p, accounts.leaseLiability)}*${type(p, 'Lease payment')}*${isCur(p)}*${inReported(p)}${notCatchUp(p)})` +
            `+SUMPRODUCT(${jr(p, JC.credit)}*(${acct(p, accounts.cash)}+${acct(p, accounts.prepaidRent)})*${type(p, 'Commencement')}*(${jr(p, JC.memo)}="Commencement")*${isCur(p)}*${inReported(p)})`,
        )
        .join('+');
      const inClosed = (p: (typeof ctx.schedules.parts)[number], dateCol: string) =>
        `(${sched(p, SC.classification)}<>"Short-term")*(${sched(p, SC.currency)}=${formulaText(cur)})*(${sched(p, dateCol)}>=${startSerial})*(${sched(p, dateCol)}<=${closedSerial})`;
      const closedCash = closed
        ? `${sumParts(ctx.schedules.parts, (p) => `SUMPRODUCT(${sched(p, SC.advance)}*${inClosed(p, SC.start)})+SUMPRODUCT(${sched(p, SC.arrears)}*${inClosed(p, SC.end)})`)}+${disclosures.commencementPaid(q, String(startSerial), String(closedSerial))}`
        : null;
      checks.push({
        what: `Disclosures (${cur}): cash paid = lease payments journalized in the period (and what was paid at commencements in it)${closed ? ` (months through ${closed} closed: as scheduled)` : ''}`,
        compares: `Disclosed operating + financing cash flows | journal: lease liability debited by lease payments, cash and prepaid rent credited at commencement, ${reported.from} to ${reported.to}`,
        a: cash.cells.map((c) => `${ds}${c}`).join('+'),
        b: closedCash ? `${journalCash}+${closedCash}` : journalCash,
      });
    }
    checks.push(...reperformed(cur, blk.figures));
  }
  return checks;
}
