/**
 * The Tie-Out's lease table, one row per lease: its commencement figures (values from the engine), what the
 * schedule (SUM over its rows) and the journal (SUMIFS over its lines) say about it, and whether they tie.
 */
import { classificationLabel, FMT, formula, money, sheetRef, text, dateInFormula } from '../cells';
import type { PlanCell } from '../plan';
import { eomonth } from '../../engine/calendar/dates';
import type { AccountRole } from '../../input/accountRoles';
import { formulaText } from '../cells';
import { SC, scheduleRowOf, type SchedulePlace } from './schedules';
import { formatCents, type LeaseResult } from '../../engine';
import {
  MAX_CHECK_FORMULA,
  COST_ROLES,
  LEASE_COL,
  LEASE_KEYS,
  LIABILITY_ROLES,
  ROU_ROLES,
  type LeaseKey,
  type TieOutContext,
} from './tieOutCheck';

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
  pLiabilityOpen: 'Liability before the period',
  pLiabilityClose: 'Liability at the period end',
  pRouOpen: 'ROU asset before the period',
  pRouClose: 'ROU asset at the period end',
  pCost: 'Schedule lease cost in the period',
  jLiability: 'Journal: lease liability in the period',
  jRou: 'Journal: ROU asset in the period',
  jCost: 'Journal: lease cost in the period',
  jDebits: 'Journal debits',
  jCredits: 'Journal credits',
  jEntries: 'Journal entry check',
  whole: 'Whole life in Schedules',
  bfLiability: 'Liability brought forward (engine)',
  bfRou: 'ROU asset brought forward (engine)',
  bfDiff: 'Brought forward difference',
  bfPv: 'PV of remaining payments (re-performed)',
  bfPvDiff: 'Brought forward - PV, beyond cent rounding',
  result: 'Result',
};

/** The note above the table: how its computed columns are made. */
export function leaseTableNote(L: Record<LeaseKey, string>, period: { start: string; end: string }): string {
  return (
    `One row per lease: commencement figures (values from the engine), the schedule (SUM over its rows; balances before and at the end of the period linked to its cells) and the journal of ${period.start} to ${period.end} (SUMPRODUCT over the lease's lines by account role). ` +
    `${L.expected} = ${L.dayOne} + ${L.prepaid} + ${L.payments} + ${L.idc} - ${L.incentives} + ${L.adjustments} - ${L.transfer}; ` +
    `${L.costDiff} = ${L.cost} - ${L.expected}; ${L.jEntries} = sum of (debit - credit) x the day of the period the line is dated on.`
  );
}

/** The cells of lease `idx`'s row `r`, from the table's first column. */
export function leaseTableRow(ctx: TieOutContext, idx: number, r: number): (PlanCell | null)[] {
  const { leases, schedules, journal, L, period } = ctx;
  const JC = journal.columns.letter;
  const lease = leases[idx];
  const place = schedules.places[idx];
  const s = sheetRef(place.sheet);
  const range = (c: string) => `${s}${c}${place.firstRow}:${c}${place.lastRow}`;
  const shortTerm = lease.months[0]?.classification === 'short-term';
  const jp = journal.places[idx];
  const js = sheetRef(jp.sheet);
  const jrange = (c: string) => `${js}$${c}$${jp.firstRow}:$${c}$${jp.lastRow}`;
  const roleNet = (roles: readonly AccountRole[], sign: 1 | -1) =>
    `SUMPRODUCT((${jrange(sign > 0 ? JC.debit : JC.credit)}-${jrange(sign > 0 ? JC.credit : JC.debit)})*(${roles.map((role) => `(${jrange(JC.role)}=${formulaText(role)})`).join('+')}))`;
  const has = jp.lines > 0;
  const months = lease.months;
  // Without a Schedules window every month is written; with one, the lifetime figures hold only for a lease whose
  // whole life is inside it, and every lease's first written month opens with the engine's balances brought forward.
  const whole = place.firstIndex === 0 && place.rows === months.length;
  const firstMonth = months[place.firstIndex];
  // The schedule's balance at a month-end: the closing of the lease month ended by then, or inside a lease month the
  // opening after its modification and advance payment (a balance is what is booked on or before the date).
  const balanceAt = (d: string): { liability: string; rou: string } => {
    const rows = lease.months;
    let j = -1;
    for (let k = 0; k < rows.length && rows[k].start <= d; k++) j = k;
    if (shortTerm || j < 0) return { liability: '0', rou: '0' };
    // Before the window: the balance brought forward into its first month, the opening of that row.
    if (j < place.firstIndex && place.rows > 0) {
      return {
        liability: `${s}${SC.liabilityOpening}${place.firstRow}`,
        rou: `${s}${SC.rouOpening}${place.firstRow}`,
      };
    }
    const row = scheduleRowOf(place, j);
    if (row === null)
      return {
        liability: String(d >= rows[j].end ? rows[j].liabilityEnd / 100 : rows[j].interestBase / 100),
        rou: '0',
      };
    if (d >= rows[j].end) {
      const transfer = j === rows.length - 1 ? `-N(${s}${SC.transfer}${row})` : '';
      return { liability: `${s}${SC.liabilityClosing}${row}`, rou: `${s}${SC.rouClosing}${row}${transfer}` };
    }
    return {
      liability: `${s}${SC.interestBase}${row}`,
      rou: `${s}${SC.rouOpening}${row}+${s}${SC.rouAdjustment}${row}`,
    };
  };
  let open = balanceAt(eomonth(period.start, -1));
  const close = balanceAt(period.end);
  const startSerial = dateInFormula(period.start);
  const endSerial = dateInFormula(period.end);
  let periodCost = `SUMIFS(${range(SC.leaseCost)},${range(SC.end)},">="&${startSerial},${range(SC.end)},"<="&${endSerial})`;
  // After a close (CONTRACT 1.11) the journal leaves out the closed months. When the catch-up falls in the period,
  // the journal moves the lease from what was posted through Closed Through (live from PostedBalances) to the
  // schedule at the period's end; when the whole period is closed, the journal holds nothing of it.
  const ct = ctx.closedThrough;
  if (ct !== undefined && ctx.posted && ct >= eomonth(period.start, -1)) {
    if (ct >= period.end) {
      open = close;
      periodCost = '0';
    } else {
      open = {
        liability: ctx.posted(lease.id, ['leaseLiability']),
        rou: ctx.posted(lease.id, ['rouAsset']),
      };
      const postedCost = ctx.posted(lease.id, [
        'operatingLeaseCost',
        'interestExpense',
        'amortizationExpense',
        'shortTermLeaseCost',
      ]);
      periodCost = `SUMIFS(${range(SC.leaseCost)},${range(SC.end)},"<="&${endSerial})-(${postedCost})`;
    }
  }
  const x = (k: LeaseKey) => `${L[k]}${r}`;
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
    pLiabilityOpen: formula(open.liability, FMT.money),
    pLiabilityClose: formula(close.liability, FMT.money),
    pRouOpen: formula(open.rou, FMT.money),
    pRouClose: formula(close.rou, FMT.money),
    pCost: formula(periodCost, FMT.money),
    jLiability: formula(has ? roleNet(LIABILITY_ROLES, -1) : '0', FMT.money),
    jRou: formula(has ? roleNet(ROU_ROLES, 1) : '0', FMT.money),
    jCost: formula(has ? roleNet(COST_ROLES, 1) : '0', FMT.money),
    jDebits: formula(has ? `SUM(${jrange(JC.debit)})` : '0', FMT.money),
    jCredits: formula(has ? `SUM(${jrange(JC.credit)})` : '0', FMT.money),
    jEntries: formula(
      has ? `SUMPRODUCT((${jrange(JC.debit)}-${jrange(JC.credit)})*(${jrange(JC.date)}-${startSerial}+1))` : '0',
      FMT.money,
    ),
    whole: text(whole ? 'Yes' : 'No'),
    bfLiability: money(firstMonth && !shortTerm ? firstMonth.liabilityStart : 0),
    bfRou: money(firstMonth && !shortTerm ? firstMonth.rouStart : 0),
    bfDiff:
      place.rows === 0
        ? money(0)
        : formula(
            `ROUND(ABS(${s}${SC.liabilityOpening}${place.firstRow}-${x('bfLiability')})+ABS(${s}${SC.rouOpening}${place.firstRow}-${x('bfRou')}),2)`,
            FMT.money,
          ),
    ...broughtForwardPv(lease, place, s, `${s}${SC.liabilityOpening}${place.firstRow}`, ctx.schedules.window !== null),
    result: formula(
      `IF(AND(ROUND(${x('bfDiff')},2)=0,ROUND(${x('bfPvDiff')},2)=0,` +
        `${whole ? `ROUND(${x('costDiff')},2)=0,ROUND(${x('liabilityEnd')},2)=0,ROUND(${x('rouEnd')},2)=0,` : ''}ROUND(${x('jLiability')}-${x('pLiabilityClose')}+${x('pLiabilityOpen')},2)=0,` +
        `ROUND(${x('jRou')}-${x('pRouClose')}+${x('pRouOpen')},2)=0,ROUND(${x('jCost')}-${x('pCost')},2)=0,ROUND(${x('jDebits')}-${x('jCredits')},2)=0,ROUND(${x('jEntries')},2)=0),"PASS","FAIL")`,
    ),
  };
  return LEASE_KEYS.map((k) => cells[k]);
}

/**
 * With a Schedules window, the liability brought forward into a lease's first written month re-performed as the
 * present value of the payments still due then (those of the measurement in force, each discounted from its own month
 * at the measurement's monthly rate), and its difference from the brought-forward figure beyond the cent rounding the
 * schedule accumulates (half a cent per month of the measurement at most; 0.00 when within it). Blank without a
 * window, for a lease brought in at commencement or a short-term lease.
 */
function broughtForwardPv(
  lease: LeaseResult,
  place: SchedulePlace,
  s: string,
  broughtForward: string,
  windowed: boolean,
): Pick<Record<LeaseKey, PlanCell | null>, 'bfPv' | 'bfPvDiff'> {
  const months = lease.months;
  const first = months[place.firstIndex];
  const none = { bfPv: null, bfPvDiff: money(0) };
  if (!windowed || place.rows === 0 || place.firstIndex === 0 || !first || first.classification === 'short-term') {
    return none;
  }
  // The opening balance belongs to the measurement in force at the end of the previous month.
  const before = months[place.firstIndex - 1];
  const m = lease.measurements.find((x) => x.index === before.measurement);
  if (!m) return none;
  const due = m.payments.filter((p) => p.month >= first.month && p.amount !== 0);
  const amounts = due.map((p) => formatCents(p.amount)).join(';');
  const periods = due.map((p) => p.t - (first.month - 1)).join(';');
  const rate = first.measurement === m.index ? `${s}${SC.rate}${place.firstRow}` : m.monthlyRate.text;
  const pv = due.length === 0 ? '0' : `SUMPRODUCT({${amounts}},(1+${rate})^-{${periods}})`;
  if (pv.length > MAX_CHECK_FORMULA) return none; // Excel's formula limit: a very long stream is proved by the brought-forward check
  const tolerance = formatCents(Math.max(1, Math.ceil((first.month - m.startMonth + 1) / 2)));
  return {
    bfPv: formula(pv, FMT.money),
    bfPvDiff: formula(
      `ROUND(IF(ABS(${broughtForward}-${pv.replace(/^=/, '')})<=${tolerance},0,${broughtForward}-(${pv})),2)`,
      FMT.money,
    ),
  };
}

export { LEASE_COL };
