/**
 * The Tie-Out's lease table, one row per lease: its commencement figures (values from the engine), what the
 * schedule (SUM over its rows) and the journal (SUMIFS over its lines) say about it, and whether they tie.
 */
import { formatCents, type LeaseResult } from '../../engine';
import { classificationLabel, FMT, formula, money, sheetRef, text } from '../cells';
import type { PlanCell } from '../plan';
import type { ClosingFigure } from '../../input/postedBalances';
import { JC } from './journalSheet';
import { SC } from './schedules';
import { exact, LEASE_COL, LEASE_KEYS, type LeaseKey, type TieOutContext } from './tieOutCheck';

export const LEASE_HEADERS: Record<LeaseKey, string> = {
  id: 'Lease ID',
  description: 'Description',
  cls: 'Classification',
  cur: 'Currency',
  liability0: 'Liability at commencement',
  rou0: 'ROU asset at commencement',
  dayOne: 'Day-one payment',
  prepaid: 'Prepaid rent',
  idc: 'Initial direct costs',
  incentives: 'Lease incentives',
  payments: 'Schedule payments',
  cost: 'Schedule lease cost',
  adjustments: 'ROU adj. - liability adj.',
  transfer: 'Transfer to owned assets',
  expected: 'Expected lease cost',
  costDiff: 'Lease cost difference',
  liabilityEnd: 'Liability at end',
  rouEnd: 'ROU asset at end after transfer',
  jLiability: 'Journal: lease liability',
  jRou: 'Journal: ROU asset',
  jCost: 'Journal: lease cost',
  jDebits: 'Journal debits',
  jCredits: 'Journal credits',
  jEntries: 'Journal entry check',
  result: 'Result',
};

/** The note above the table: how its computed columns are made. */
export function leaseTableNote(L: Record<LeaseKey, string>): string {
  return (
    `One row per lease: commencement figures (values from the engine), the schedule (SUM over its rows) and the journal (SUMIFS over its lines). ` +
    `${L.expected} = ${L.dayOne} + ${L.prepaid} + ${L.payments} + ${L.idc} - ${L.incentives} + ${L.adjustments} - ${L.transfer}; ` +
    `${L.costDiff} = ${L.cost} - ${L.expected}; ${L.jEntries} = sum of (debit - credit) x entry position within the lease.`
  );
}

/**
 * Variable lease cost is not schedule lease cost: when it is posted to an account that is also a lease cost account
 * (one "Rent expense" account for both), the lease's variable payments are taken out of the journal's figure.
 */
function variableInCostAccounts(ctx: TieOutContext, lease: LeaseResult): string {
  const total = lease.variablePayments.reduce((s, p) => s + p.amount, 0);
  if (total === 0 || !ctx.costAccounts.includes(ctx.accounts.variableLeaseCost)) return '';
  return `-(${formatCents(total)})`;
}

/** The cells of lease `idx`'s row `r`, from the table's first column. */
export function leaseTableRow(ctx: TieOutContext, idx: number, r: number): (PlanCell | null)[] {
  const { leases, accounts, schedules, journal, L, costAccounts } = ctx;
  const lease = leases[idx];
  const place = schedules.places[idx];
  const s = sheetRef(place.sheet);
  const range = (c: string) => `${s}${c}${place.firstRow}:${c}${place.lastRow}`;
  const shortTerm = lease.months[0]?.classification === 'short-term';
  const jp = journal.places[idx];
  const js = sheetRef(jp.sheet);
  const jrange = (c: string) => `${js}$${c}$${jp.firstRow}:$${c}$${jp.lastRow}`;
  const acctNet = (acct: string, sign: 1 | -1) =>
    `SUMIFS(${jrange(sign > 0 ? JC.debit : JC.credit)},${jrange(JC.account)},${exact(acct)})-SUMIFS(${jrange(sign > 0 ? JC.credit : JC.debit)},${jrange(JC.account)},${exact(acct)})`;
  const has = jp.lines > 0;
  // A closed period: the journal leaves out the closed months, whose posted figures are added (CONTRACT 1.11).
  const plusPosted = (body: string, figures: readonly ClosingFigure[]) => {
    const p = ctx.posted?.(lease.id, figures);
    return p === undefined || p === '0' ? body : `${body}+${p}`;
  };
  const x = (k: LeaseKey) => `${L[k]}${r}`;
  const variableInCost = variableInCostAccounts(ctx, lease);
  const cells: Record<LeaseKey, PlanCell | null> = {
    id: text(lease.id),
    description: text(lease.description),
    cls: text(classificationLabel(lease.classification)),
    cur: text(lease.currency),
    liability0: money(lease.liabilityAtCommencement),
    rou0: money(lease.rouAtCommencement),
    dayOne: money(shortTerm ? 0 : lease.dayOnePayment),
    prepaid: money(lease.prepaidRent),
    idc: money(lease.initialDirectCosts),
    incentives: money(lease.leaseIncentives),
    payments: formula(`SUM(${range(SC.payments)})`, FMT.money),
    cost: formula(`SUM(${range(SC.leaseCost)})`, FMT.money),
    adjustments: formula(`SUM(${range(SC.rouAdjustment)})-SUM(${range(SC.liabilityAdjustment)})`, FMT.money),
    transfer: formula(`N(${s}${SC.transfer}${place.lastRow})`, FMT.money),
    expected: formula(
      `${x('dayOne')}+${x('prepaid')}+${x('payments')}+${x('idc')}-${x('incentives')}+${x('adjustments')}-${x('transfer')}`,
      FMT.money,
    ),
    costDiff: formula(`ROUND(${x('cost')}-${x('expected')},2)`, FMT.money),
    liabilityEnd: formula(`${s}${SC.liabilityClosing}${place.lastRow}`, FMT.money),
    rouEnd: formula(`${s}${SC.rouClosing}${place.lastRow}-${x('transfer')}`, FMT.money),
    jLiability: formula(plusPosted(has ? acctNet(accounts.leaseLiability, -1) : '0', ['leaseLiability']), FMT.money),
    jRou: formula(plusPosted(has ? acctNet(accounts.rouAsset, 1) : '0', ['rouAsset']), FMT.money),
    // Variable lease cost is not lease cost of the schedule: where it posts to a cost account it is taken out again,
    // the closed months' posted part with the rest.
    jCost: formula(
      plusPosted((has ? costAccounts.map((a) => `(${acctNet(a, 1)})`).join('+') : '0') + variableInCost, [
        'operatingLeaseCost',
        'interestExpense',
        'amortizationExpense',
        'shortTermLeaseCost',
        ...(variableInCost ? (['variableLeaseCost'] as const) : []),
      ]),
      FMT.money,
    ),
    jDebits: formula(has ? `SUM(${jrange(JC.debit)})` : '0', FMT.money),
    jCredits: formula(has ? `SUM(${jrange(JC.credit)})` : '0', FMT.money),
    jEntries: formula(
      has ? `SUMPRODUCT((${jrange(JC.debit)}-${jrange(JC.credit)})*(${jrange(JC.entry)}-${jp.firstEntry - 1}))` : '0',
      FMT.money,
    ),
    result: formula(
      `IF(AND(ROUND(${x('costDiff')},2)=0,ROUND(${x('liabilityEnd')},2)=0,ROUND(${x('rouEnd')},2)=0,ROUND(${x('jLiability')}-${x('liabilityEnd')},2)=0,` +
        `ROUND(${x('jRou')}-${x('rouEnd')},2)=0,ROUND(${x('jCost')}-${x('cost')},2)=0,ROUND(${x('jDebits')}-${x('jCredits')},2)=0,ROUND(${x('jEntries')},2)=0),"PASS","FAIL")`,
    ),
  };
  return LEASE_KEYS.map((k) => cells[k]);
}

export { LEASE_COL };
