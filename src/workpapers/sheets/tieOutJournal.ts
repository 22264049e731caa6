/**
 * Tie-Out checks of the Journal Entries, which hold the reporting period only: the detail's and the summary's debits
 * = credits, each summary line = its detail lines summed (the table below the checks, tieOutJournalSummary.ts), every
 * entry balances, and lease by lease the period's journal agrees with the schedules (liability and ROU movements
 * between the day before the period and its end, lease cost of the lease months ending in it); then the lifetime
 * cost identity.
 */
import { sheetRef } from '../cells';
import { jr, type Check, type TieOutContext } from './tieOutCheck';

export function journalChecks(ctx: TieOutContext): Check[] {
  const { L, lt, leasesChecked, countWhere, period } = ctx;
  const windowed = ctx.schedules.window !== null;
  const JC = ctx.journal.columns.letter;
  const jparts = ctx.journal.parts;
  const sm = ctx.journal.summary;
  const sr = (c: string) => `${sheetRef(sm.sheet)}$${c}$${sm.firstRow}:$${c}$${Math.max(sm.lastRow, sm.firstRow)}`;
  const { first, last } = ctx.summaryTable;
  const table = (c: string) => `$${c}$${first}:$${c}$${last}`;
  return [
    {
      what: `Journal detail (${period.start} to ${period.end}): total debits = total credits`,
      compares: 'Debits | credits, all detail lines',
      a: jparts.map((p) => `SUM(${jr(p, JC.debit)})`).join('+'),
      b: jparts.map((p) => `SUM(${jr(p, JC.credit)})`).join('+'),
    },
    {
      what: 'Journal summary: total debits = total credits (each entity entry balances: see the next check)',
      compares: 'Debits | credits, summary lines',
      a: `SUM(${sr(JC.debit)})`,
      b: `SUM(${sr(JC.credit)})`,
    },
    {
      what: 'Journal summary = detail summed by entity, currency and account, line by line (table below the checks)',
      compares: 'Summary lines | summary lines whose difference is 0.00',
      a: last < first ? '0' : `ROWS(${table('F')})`,
      b: last < first ? '0' : `SUMPRODUCT(--(ROUND(${table('F')},2)=0))`,
      count: true,
    },
    {
      what: 'Journal: every entry balances (debits = credits)',
      compares: `Leases | leases whose entries all balance (columns ${L.jDebits}, ${L.jCredits}, ${L.jEntries})`,
      a: leasesChecked,
      b: countWhere(`(ROUND(${lt(L.jDebits)}-${lt(L.jCredits)},2)=0)*(ROUND(${lt(L.jEntries)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: lease liability movement in the period = schedule liability at its end - at its start',
      compares: `Leases | leases where column ${L.jLiability} = ${L.pLiabilityClose} - ${L.pLiabilityOpen}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jLiability)}-${lt(L.pLiabilityClose)}+${lt(L.pLiabilityOpen)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: ROU asset movement in the period (net of accumulated amortization) = schedule ROU at its end - at its start',
      compares: `Leases | leases where column ${L.jRou} = ${L.pRouClose} - ${L.pRouOpen}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jRou)}-${lt(L.pRouClose)}+${lt(L.pRouOpen)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: lease cost expensed in the period = schedule lease cost of the months ending in it',
      compares: `Leases | leases where column ${L.jCost} = column ${L.pCost}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jCost)}-${lt(L.pCost)},2)=0)`),
      count: true,
    },
    {
      what: `Total lease cost = payments + IDC - incentives (+ remeasurement differences - transfers), per lease${windowed ? ' whose whole life the Schedules window holds' : ''}`,
      compares: `Leases${windowed ? ` (column ${L.whole} = Yes)` : ''} | leases where column ${L.cost} = column ${L.expected}`,
      a: windowed ? countWhere(`--(${lt(L.whole)}="Yes")`) : leasesChecked,
      b: countWhere(`${windowed ? `(${lt(L.whole)}="Yes")*` : '--'}(ROUND(${lt(L.costDiff)},2)=0)`),
      count: true,
    },
  ];
}
