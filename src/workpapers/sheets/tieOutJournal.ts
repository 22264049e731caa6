/**
 * Tie-Out checks of the Journal Entries: debits = credits in total and entry by entry, and the journal agrees with
 * the schedules lease by lease (liability, ROU asset, lease cost), then the lifetime cost identity.
 */
import { JC } from './journalSheet';
import { jr, type Check, type TieOutContext } from './tieOutCheck';

export function journalChecks(ctx: TieOutContext): Check[] {
  const { L, lt, leasesChecked, countWhere } = ctx;
  const jparts = ctx.journal.parts;
  return [
    {
      what: 'Journal: total debits = total credits',
      compares: 'Debits | credits, all journal lines',
      a: jparts.map((p) => `SUM(${jr(p, JC.debit)})`).join('+'),
      b: jparts.map((p) => `SUM(${jr(p, JC.credit)})`).join('+'),
    },
    {
      what: 'Journal: every entry balances (debits = credits)',
      compares: `Leases | leases whose entries all balance (columns ${L.jDebits}, ${L.jCredits}, ${L.jEntries})`,
      a: leasesChecked,
      b: countWhere(`(ROUND(${lt(L.jDebits)}-${lt(L.jCredits)},2)=0)*(ROUND(${lt(L.jEntries)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: lease liability (all entries) = schedule closing liability',
      compares: `Leases | leases where column ${L.jLiability} = column ${L.liabilityEnd}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jLiability)}-${lt(L.liabilityEnd)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: ROU asset (all entries) = schedule closing ROU after transfer',
      compares: `Leases | leases where column ${L.jRou} = column ${L.rouEnd}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jRou)}-${lt(L.rouEnd)},2)=0)`),
      count: true,
    },
    {
      what: 'Journal = Schedules, per lease: lease cost expensed = schedule lease cost',
      compares: `Leases | leases where column ${L.jCost} = column ${L.cost}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.jCost)}-${lt(L.cost)},2)=0)`),
      count: true,
    },
    {
      what: 'Total lease cost = payments + IDC - incentives (+ remeasurement differences - transfers), per lease',
      compares: `Leases | leases where column ${L.cost} = column ${L.expected}`,
      a: leasesChecked,
      b: countWhere(`--(ROUND(${lt(L.costDiff)},2)=0)`),
      count: true,
    },
  ];
}
