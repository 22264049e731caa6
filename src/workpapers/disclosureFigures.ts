/**
 * The figures of the ASC 842-20-50 disclosures as of a Reporting Date, from the engine's schedules (pure data; the
 * Disclosures sheet lays them out).
 *
 * Conventions (README "Conventions"):
 * - A balance at a date is the general-ledger balance after every entry dated on or before it: at a lease-month end
 *   the month's closing balance; inside a lease month, the opening after that month's modification and advance
 *   payment (the schedule's interest base), accretion accruing at the lease-month end.
 * - The maturity analysis lists the undiscounted payments of the measurement in force at the Reporting Date that
 *   fall after it, by fiscal year: the rest of the current fiscal year (when the Reporting Date is not a fiscal
 *   year end), each of the next five fiscal years, and thereafter. Imputed interest is the accretion/interest the
 *   schedule recognizes after the Reporting Date (when a later modification is already in the schedule, it is the
 *   undiscounted total less the liability, as the later rows no longer belong to the measurement in force).
 * - Current portion = the principal the next 12 months' payments settle: liability at the Reporting Date less the
 *   liability 12 months later (later modifications excluded), between 0 and the liability.
 * - Period figures (lease cost, cash paid, ROU assets obtained) cover each period column: the period reported
 *   (a month, a quarter, a fiscal year), the fiscal year to date when that is longer, and the same periods a year
 *   earlier. Finance lease payments settle accrued interest first (operating cash flows), the rest is principal
 *   (financing cash flows). Payments made at commencement (the day-one payment and prepaid rent) are cash paid in the
 *   period holding the Commencement Date (CONTRACT 1.12). ROU assets obtained in exchange for new lease liabilities =
 *   liabilities recognized at commencement plus increases from remeasurements in the period.
 * - Remaining lease term = lease months of the measurement in force not yet ended at the Reporting Date. Weighted
 *   averages (CONTRACT 1.12): the remaining term weighted by the liability, the discount rate by the remaining
 *   undiscounted lease payments.
 * - Balances and the maturity analysis are also given at the prior fiscal year end (the comparative balance sheet).
 * - Leases that commence after the Reporting Date are listed with their undiscounted payments (paid at commencement
 *   included), not measured (ASC 842-20-50-3(b)).
 */
import type { LeaseResult, MonthRow } from '../engine';
import { eomonth, leaseMonthEnd, leaseMonthStart, type IsoDate } from '../engine/calendar/dates';
import { edate } from '../engine/calendar/dates';
import { interestSettled } from './interestSettled';
import { fiscalYearOfKey, fiscalYearStartKey, monthEndOf, monthKey, monthStartOf } from './periods';

export interface LeaseAtDate {
  lease: number;
  /** Index into lease.months of the row the date falls in (or the last row ended on or before it). */
  row: number;
  /** True when that row's lease month has ended by the date (its closing balances apply). */
  monthEnded: boolean;
  classification: string;
  liability: number;
  rou: number;
  current: number;
  nonCurrent: number;
  remainingMonths: number;
  annualRate: number;
  /** Undiscounted payments after the date by maturity bucket (see MaturityBuckets). */
  buckets: number[];
  undiscounted: number;
  imputedInterest: number;
  /**
   * Index into lease.months of the first modification after the date, when the Schedules already hold one: from
   * there on the schedule is a later measurement, and the measurement in force at the date is `inForce`.
   */
  laterEventRow: number | null;
  /** The measurement in force at the date (index into lease.measurements by `index`). */
  measurement: number;
  /** Payments of the measurement in force that the Schedules do not show (due at or after laterEventRow's month). */
  unscheduled: { month: number; date: IsoDate; timing: 'advance' | 'arrears'; amount: number }[];
  /** The liability 12 months after the date under the measurement in force (later modifications excluded). */
  liabilityIn12: number;
}

export interface MaturityBuckets {
  /** Labels: ["FY2025 (remainder)"?, "FY2026", ..., "FY2030", "Thereafter"]. */
  labels: string[];
  /** First and last day of each bucket (the last bucket ends far in the future). */
  bounds: { from: IsoDate; to: IsoDate }[];
  /** Bucket of a payment date. */
  of(date: IsoDate): number;
}

export interface PeriodFigures {
  operatingCost: number;
  financeAmortization: number;
  financeInterest: number;
  shortTermCost: number;
  /** Variable lease cost (VariablePayments) dated in the period (ASC 842-20-50-4). */
  variableCost: number;
  operatingCash: number;
  financeInterestCash: number;
  financePrincipalCash: number;
  rouObtainedOperating: number;
  rouObtainedFinance: number;
}

/** A column of period figures: the period reported, the year to date, or either a year earlier. */
export interface PeriodColumn {
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** True for the columns a year earlier. */
  prior: boolean;
  /** By currency. */
  figures: Map<string, PeriodFigures>;
}

export interface NotCommenced {
  lease: number;
  /** All the lease's payments, paid at commencement included, undiscounted. */
  undiscounted: number;
}

export interface DisclosureFigures {
  reportingDate: IsoDate;
  /** The first day of the fiscal year to date. */
  periodStart: IsoDate;
  fiscalYear: number;
  buckets: MaturityBuckets;
  atDate: LeaseAtDate[];
  /** The prior fiscal year end: comparative balances and maturity analysis. */
  priorYearEnd: IsoDate;
  priorBuckets: MaturityBuckets;
  atPriorYearEnd: LeaseAtDate[];
  /** The fiscal year to date, by currency (the first current column when the period reported is a fiscal year). */
  period: Map<string, PeriodFigures>;
  columns: PeriodColumn[];
  notCommenced: NotCommenced[];
}

const FAR_FUTURE: IsoDate = '9999-12-31';

export function maturityBuckets(reportingDate: IsoDate, fiscalYearEndMonth: number): MaturityBuckets {
  const dKey = monthKey(reportingDate);
  const fy = fiscalYearOfKey(dKey, fiscalYearEndMonth);
  const yearEnd =
    fiscalYearStartKey(fy + 1, fiscalYearEndMonth) - 1 === dKey && eomonth(reportingDate, 0) === reportingDate;
  const labels: string[] = [];
  const bounds: { from: IsoDate; to: IsoDate }[] = [];
  const year = (y: number) => ({
    from: monthStartOf(fiscalYearStartKey(y, fiscalYearEndMonth)),
    to: monthEndOf(fiscalYearStartKey(y + 1, fiscalYearEndMonth) - 1),
  });
  if (!yearEnd) {
    labels.push(`FY${fy} (remainder)`);
    bounds.push(year(fy));
  }
  for (let k = 1; k <= 5; k++) {
    labels.push(`FY${fy + k}`);
    bounds.push(year(fy + k));
  }
  labels.push('Thereafter');
  bounds.push({ from: year(fy + 6).from, to: FAR_FUTURE });
  const offset = yearEnd ? 1 : 0;
  return {
    labels,
    bounds,
    of(date: IsoDate): number {
      const y = fiscalYearOfKey(monthKey(date), fiscalYearEndMonth);
      return Math.min(Math.max(y - fy - offset, 0), labels.length - 1);
    },
  };
}

/** The balance in the ledger after every entry dated on or before `date` (see module notes). */
export function balanceAt(
  rows: readonly MonthRow[],
  date: IsoDate,
): { j: number; ended: boolean; liability: number; rou: number } | null {
  let j = -1;
  for (let k = 0; k < rows.length && rows[k].start <= date; k++) j = k;
  if (j < 0) return null;
  const r = rows[j];
  if (date >= r.end) return { j, ended: true, liability: r.liabilityEnd, rou: r.rouEnd };
  // An impairment dated later in the month is not booked yet.
  const later = r.impairmentDate !== null && r.impairmentDate > date ? r.impairment : 0;
  return { j, ended: false, liability: r.interestBase, rou: r.rouStart + r.rouAdjustment + later };
}

/**
 * The current portion of a liability of `liability` at `date` (a month-end): the liability less the liability 12
 * months later, later modifications excluded, kept between 0 and the liability. The disclosures and the journal's
 * current/non-current reclass both use it.
 */
export function currentPortion(rows: readonly MonthRow[], date: IsoDate, liability: number): number {
  const in12 = eomonth(date, 12);
  const later = balanceAt(rows, in12);
  let liabilityIn12 = later ? (later.ended && later.j === rows.length - 1 ? 0 : later.liability) : 0;
  if (later && !(later.ended && later.j === rows.length - 1)) {
    for (const r of rows) if (r.start > date && r.start <= in12) liabilityIn12 -= r.liabilityAdjustment;
  }
  return Math.min(Math.max(liability - liabilityIn12, 0), liability);
}

/** The liability at a month-end, its current portion and the classification it is in (null: none at that date). */
export function liabilityAt(
  rows: readonly MonthRow[],
  date: IsoDate,
): { liability: number; current: number; classification: string } | null {
  if (rows.length === 0 || rows[0].classification === 'short-term') return null;
  const at = balanceAt(rows, date);
  if (!at || (at.ended && at.j === rows.length - 1)) return null;
  return {
    liability: at.liability,
    current: currentPortion(rows, date, at.liability),
    classification: rows[at.j].classification,
  };
}

export function paymentDate(lease: LeaseResult, month: number, timing: 'advance' | 'arrears'): IsoDate {
  return timing === 'advance' ? leaseMonthStart(lease.commencement, month) : leaseMonthEnd(lease.commencement, month);
}

function emptyPeriod(): PeriodFigures {
  return {
    operatingCost: 0,
    financeAmortization: 0,
    financeInterest: 0,
    shortTermCost: 0,
    variableCost: 0,
    operatingCash: 0,
    financeInterestCash: 0,
    financePrincipalCash: 0,
    rouObtainedOperating: 0,
    rouObtainedFinance: 0,
  };
}

/** The period figures of [from, to], by currency. */
export function periodFigures(leases: readonly LeaseResult[], from: IsoDate, to: IsoDate): Map<string, PeriodFigures> {
  const out = new Map<string, PeriodFigures>();
  const inPeriod = (d: IsoDate) => d >= from && d <= to;
  for (const lease of leases) {
    const rows = lease.months;
    if (rows.length === 0) continue;
    let pf = out.get(lease.currency);
    if (!pf) out.set(lease.currency, (pf = emptyPeriod()));
    for (const p of lease.variablePayments) if (inPeriod(p.date)) pf.variableCost += p.amount;
    const first = rows[0].classification;
    if (first !== 'short-term' && inPeriod(lease.commencement)) {
      if (first === 'finance') {
        pf.rouObtainedFinance += lease.liabilityAtCommencement;
        pf.financePrincipalCash += lease.paidAtCommencement;
      } else {
        pf.rouObtainedOperating += lease.liabilityAtCommencement;
        pf.operatingCash += lease.paidAtCommencement;
      }
    }
    const settled = interestSettled(lease);
    rows.forEach((r, j) => {
      const c = r.classification;
      if (inPeriod(r.end)) {
        if (c === 'short-term') pf.shortTermCost += r.leaseCost;
        else if (c === 'finance') {
          pf.financeAmortization += r.amortization;
          pf.financeInterest += r.interest;
        } else pf.operatingCost += r.leaseCost;
      }
      if (c === 'short-term') return;
      if (r.event === 'Remeasurement' && r.liabilityAdjustment > 0 && inPeriod(r.start)) {
        if (c === 'finance') pf.rouObtainedFinance += r.liabilityAdjustment;
        else pf.rouObtainedOperating += r.liabilityAdjustment;
      }
      const cash = (amount: number, interest: number, d: IsoDate) => {
        if (amount === 0 || !inPeriod(d)) return;
        if (c === 'finance') {
          pf.financeInterestCash += interest;
          pf.financePrincipalCash += amount - interest;
        } else pf.operatingCash += amount;
      };
      cash(r.advancePayment, settled[j].advance, r.start);
      cash(r.arrearsPayment, settled[j].arrears, r.end);
    });
  }
  return out;
}

/** Every lease carrying a balance at `date` (commenced, not short-term, not over), with its disclosure figures. */
export function leasesAtDate(leases: readonly LeaseResult[], date: IsoDate, buckets: MaturityBuckets): LeaseAtDate[] {
  const in12 = eomonth(date, 12);
  const out: LeaseAtDate[] = [];
  leases.forEach((lease, li) => {
    const rows = lease.months;
    if (rows.length === 0 || rows[0].classification === 'short-term') return;
    const at = balanceAt(rows, date);
    if (!at) return; // not commenced
    if (at.ended && at.j === rows.length - 1) return; // over
    const row = rows[at.j];
    const m =
      lease.measurements.find((x) => x.index === row.measurement) ?? lease.measurements[lease.measurements.length - 1];
    const elapsed = at.ended ? row.month : row.month - 1;
    const later = rows.findIndex((r) => r.start > date && r.event !== null);
    const laterMonth = later < 0 ? Infinity : rows[later].month;
    const b = new Array<number>(buckets.labels.length).fill(0);
    let undiscounted = 0;
    const unscheduled: LeaseAtDate['unscheduled'] = [];
    for (const p of m.payments) {
      const d = paymentDate(lease, p.month, p.timing);
      if (p.month >= laterMonth) unscheduled.push({ month: p.month, date: d, timing: p.timing, amount: p.amount });
      if (d <= date) continue;
      b[buckets.of(d)] += p.amount;
      undiscounted += p.amount;
    }
    let imputed: number;
    if (later >= 0) imputed = undiscounted - at.liability;
    else {
      imputed = 0;
      for (const r of rows) if (r.end > date) imputed += r.interest;
    }
    const at12 = balanceAt(rows, in12);
    let liabilityIn12 = at12 ? (at12.ended && at12.j === rows.length - 1 ? 0 : at12.liability) : 0;
    if (at12 && !(at12.ended && at12.j === rows.length - 1)) {
      for (const r of rows) if (r.start > date && r.start <= in12) liabilityIn12 -= r.liabilityAdjustment;
    }
    const current = Math.min(Math.max(at.liability - liabilityIn12, 0), at.liability);
    out.push({
      lease: li,
      row: at.j,
      monthEnded: at.ended,
      classification: row.classification,
      liability: at.liability,
      rou: at.rou,
      current,
      nonCurrent: at.liability - current,
      remainingMonths: Math.max(m.endMonth - elapsed, 0),
      annualRate: Number(m.annualRate),
      buckets: b,
      undiscounted,
      imputedInterest: imputed,
      laterEventRow: later < 0 ? null : later,
      measurement: m.index,
      unscheduled,
      liabilityIn12: at.liability - current,
    });
  });
  return out;
}

/** The period columns: the period reported, the year to date when longer, then both a year earlier. */
export function periodColumns(
  period: { start: IsoDate; end: IsoDate; kind: 'month' | 'quarter' | 'year' },
  fiscalYearEndMonth: number,
): { label: string; from: IsoDate; to: IsoDate; prior: boolean }[] {
  const fy = fiscalYearOfKey(monthKey(period.end), fiscalYearEndMonth);
  const ytdStart = monthStartOf(fiscalYearStartKey(fy, fiscalYearEndMonth));
  const own = period.kind === 'month' ? 'Month' : period.kind === 'quarter' ? 'Three months' : 'Fiscal year';
  const cols = [{ label: own, from: period.start, to: period.end }];
  if (ytdStart < period.start) cols.push({ label: 'Year to date', from: ytdStart, to: period.end });
  const prior = cols.map((c) => ({
    label: `${c.label}, prior year`,
    from: edate(c.from, -12),
    to: eomonth(c.to, -12),
  }));
  return [...cols.map((c) => ({ ...c, prior: false })), ...prior.map((c) => ({ ...c, prior: true }))];
}

/** The fiscal year end before the one holding `date` (or a year before `date` when it is a fiscal year end). */
export function priorFiscalYearEnd(date: IsoDate, fiscalYearEndMonth: number): IsoDate {
  const fy = fiscalYearOfKey(monthKey(date), fiscalYearEndMonth);
  return monthEndOf(fiscalYearStartKey(fy, fiscalYearEndMonth) - 1);
}

/**
 * Every disclosure figure as of the Reporting Date. `period` is the period reported (default: the fiscal year to
 * date, reported as a year).
 */
export function disclosureFigures(
  leases: readonly LeaseResult[],
  reportingDate: IsoDate,
  fiscalYearEndMonth: number,
  period?: { start: IsoDate; end: IsoDate; kind: 'month' | 'quarter' | 'year' },
): DisclosureFigures {
  const dKey = monthKey(reportingDate);
  const fy = fiscalYearOfKey(dKey, fiscalYearEndMonth);
  const periodStart = monthStartOf(fiscalYearStartKey(fy, fiscalYearEndMonth));
  const reported = period ?? { start: periodStart, end: reportingDate, kind: 'year' as const };
  const buckets = maturityBuckets(reportingDate, fiscalYearEndMonth);
  const priorYearEnd = priorFiscalYearEnd(reportingDate, fiscalYearEndMonth);
  const priorBuckets = maturityBuckets(priorYearEnd, fiscalYearEndMonth);
  const columns: PeriodColumn[] = periodColumns(reported, fiscalYearEndMonth).map((c) => ({
    ...c,
    figures: periodFigures(leases, c.from, c.to),
  }));
  const ytd = columns.find((c) => !c.prior && c.from === periodStart);
  const notCommenced: NotCommenced[] = [];
  leases.forEach((lease, li) => {
    if (lease.commencement <= reportingDate) return;
    const paid = lease.months.reduce((s, r) => s + r.payment, 0);
    notCommenced.push({ lease: li, undiscounted: paid + lease.paidAtCommencement });
  });
  return {
    reportingDate,
    periodStart,
    fiscalYear: fy,
    buckets,
    atDate: leasesAtDate(leases, reportingDate, buckets),
    priorYearEnd,
    priorBuckets,
    atPriorYearEnd: leasesAtDate(leases, priorYearEnd, priorBuckets),
    period: ytd ? ytd.figures : periodFigures(leases, periodStart, reportingDate),
    columns,
    notCommenced,
  };
}

/** Weighted averages (CONTRACT 1.12) of the leases at a date of one currency and classification. */
export function weightedAverages(at: readonly LeaseAtDate[]): { termYears: number; rate: number } {
  let liability = 0;
  let termWeighted = 0;
  let undiscounted = 0;
  let rateWeighted = 0;
  for (const a of at) {
    liability += a.liability;
    termWeighted += a.liability * (a.remainingMonths / 12);
    undiscounted += a.undiscounted;
    rateWeighted += a.undiscounted * a.annualRate;
  }
  return {
    termYears: liability === 0 ? 0 : termWeighted / liability,
    rate: undiscounted === 0 ? 0 : rateWeighted / undiscounted,
  };
}
