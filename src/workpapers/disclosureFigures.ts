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
 * - Period figures (lease cost, cash paid, ROU assets obtained) cover the fiscal year to date ending on the
 *   Reporting Date. Finance lease payments settle accrued interest first (operating cash flows), the rest is
 *   principal (financing cash flows). ROU assets obtained in exchange for new lease liabilities = liabilities
 *   recognized at commencement plus increases from remeasurements in the period.
 * - Remaining lease term = lease months of the measurement in force not yet ended at the Reporting Date; weighted
 *   averages are weighted by the liability at the Reporting Date.
 */
import type { LeaseResult, MonthRow } from '../engine';
import { eomonth, leaseMonthEnd, leaseMonthStart, type IsoDate } from '../engine/calendar/dates';
import { fiscalYearOfKey, fiscalYearStartKey, monthKey, monthStartOf } from './periods';

export interface LeaseAtDate {
  lease: number;
  /** Index into lease.months of the row the Reporting Date falls in (or the last row ended on or before it). */
  row: number;
  /** True when that row's lease month has ended by the Reporting Date (its closing balances apply). */
  monthEnded: boolean;
  classification: string;
  liability: number;
  rou: number;
  current: number;
  nonCurrent: number;
  remainingMonths: number;
  annualRate: number;
  /** Undiscounted payments after the Reporting Date by maturity bucket (see MaturityBuckets). */
  buckets: number[];
  undiscounted: number;
  imputedInterest: number;
}

export interface MaturityBuckets {
  /** Labels: ["FY2025 (remainder)"?, "FY2026", ..., "FY2030", "Thereafter"]. */
  labels: string[];
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

export interface DisclosureFigures {
  reportingDate: IsoDate;
  periodStart: IsoDate;
  fiscalYear: number;
  buckets: MaturityBuckets;
  atDate: LeaseAtDate[];
  /** By currency. */
  period: Map<string, PeriodFigures>;
}

export function maturityBuckets(reportingDate: IsoDate, fiscalYearEndMonth: number): MaturityBuckets {
  const dKey = monthKey(reportingDate);
  const fy = fiscalYearOfKey(dKey, fiscalYearEndMonth);
  const yearEnd =
    fiscalYearStartKey(fy + 1, fiscalYearEndMonth) - 1 === dKey && eomonth(reportingDate, 0) === reportingDate;
  const labels: string[] = [];
  if (!yearEnd) labels.push(`FY${fy} (remainder)`);
  for (let k = 1; k <= 5; k++) labels.push(`FY${fy + k}`);
  labels.push('Thereafter');
  const offset = yearEnd ? 1 : 0;
  return {
    labels,
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

function paymentDate(lease: LeaseResult, month: number, timing: 'advance' | 'arrears'): IsoDate {
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

export function disclosureFigures(
  leases: readonly LeaseResult[],
  reportingDate: IsoDate,
  fiscalYearEndMonth: number,
): DisclosureFigures {
  const dKey = monthKey(reportingDate);
  const fy = fiscalYearOfKey(dKey, fiscalYearEndMonth);
  const periodStart = monthStartOf(fiscalYearStartKey(fy, fiscalYearEndMonth));
  const buckets = maturityBuckets(reportingDate, fiscalYearEndMonth);
  const atDate: LeaseAtDate[] = [];
  const period = new Map<string, PeriodFigures>();
  const inPeriod = (d: IsoDate) => d >= periodStart && d <= reportingDate;

  leases.forEach((lease, li) => {
    const rows = lease.months;
    if (rows.length === 0) return;
    let pf = period.get(lease.currency);
    if (!pf) period.set(lease.currency, (pf = emptyPeriod()));
    const shortTerm = rows[0].classification === 'short-term';

    // Period figures.
    for (const p of lease.variablePayments) if (inPeriod(p.date)) pf.variableCost += p.amount;
    if (!shortTerm && inPeriod(lease.commencement)) {
      if (rows[0].classification === 'finance') pf.rouObtainedFinance += lease.liabilityAtCommencement;
      else pf.rouObtainedOperating += lease.liabilityAtCommencement;
    }
    let accrued = 0;
    const settle = (amount: number, d: IsoDate, finance: boolean) => {
      if (amount === 0) return;
      if (!finance) {
        if (inPeriod(d)) pf!.operatingCash += amount;
        return;
      }
      const interestPaid = Math.min(Math.max(accrued, 0), Math.max(amount, 0));
      accrued -= interestPaid;
      if (inPeriod(d)) {
        pf!.financeInterestCash += interestPaid;
        pf!.financePrincipalCash += amount - interestPaid;
      }
    };
    for (const r of rows) {
      const c = r.classification;
      if (inPeriod(r.end)) {
        if (c === 'short-term') pf.shortTermCost += r.leaseCost;
        else if (c === 'finance') {
          pf.financeAmortization += r.amortization;
          pf.financeInterest += r.interest;
        } else pf.operatingCost += r.leaseCost;
      }
      if (c === 'short-term') continue;
      if (r.event === 'Remeasurement' && r.liabilityAdjustment > 0 && inPeriod(r.start)) {
        if (c === 'finance') pf.rouObtainedFinance += r.liabilityAdjustment;
        else pf.rouObtainedOperating += r.liabilityAdjustment;
      }
      settle(r.advancePayment, r.start, c === 'finance');
      if (c === 'finance') accrued += r.interest;
      settle(r.arrearsPayment, r.end, c === 'finance');
    }

    // Balances at the Reporting Date.
    if (shortTerm) return;
    const at = balanceAt(rows, reportingDate);
    if (!at) return; // not commenced
    if (at.ended && at.j === rows.length - 1) return; // over
    const row = rows[at.j];
    const m =
      lease.measurements.find((x) => x.index === row.measurement) ?? lease.measurements[lease.measurements.length - 1];
    const elapsed = at.ended ? row.month : row.month - 1;
    const laterEvent = rows.some((r) => r.start > reportingDate && r.event !== null);
    const b = new Array<number>(buckets.labels.length).fill(0);
    let undiscounted = 0;
    for (const p of m.payments) {
      const d = paymentDate(lease, p.month, p.timing);
      if (d <= reportingDate) continue;
      b[buckets.of(d)] += p.amount;
      undiscounted += p.amount;
    }
    let imputed: number;
    if (laterEvent) imputed = undiscounted - at.liability;
    else {
      imputed = 0;
      for (const r of rows) if (r.end > reportingDate) imputed += r.interest;
    }
    const current = currentPortion(rows, reportingDate, at.liability);
    atDate.push({
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
    });
  });
  return { reportingDate, periodStart, fiscalYear: fy, buckets, atDate, period };
}
