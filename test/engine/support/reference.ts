/**
 * An independent reference model of CONTRACT.md section 1 (initial measurement and schedules, no modifications),
 * written from the contract's text for the engine's tests. It shares no code with src/engine: dates come from
 * JavaScript's UTC calendar, arithmetic is a separate decimal.js clone at 60 significant digits, and every rounding
 * point is the one CONTRACT 1.9 names. The tests compare the engine with it month by month.
 */
import DecimalJs from 'decimal.js';
import type { LeaseTerms, Policies, RateBasis } from '../../../src/engine/terms';

/** 60 significant digits, half-up (away from zero), independent of the engine's clone. */
export const D = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type D = InstanceType<typeof D>;

/** Round a decimal number of cents half-up (away from zero) to a whole cent. */
export function roundCents(x: D): number {
  const n = x.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n; // never -0
}

/** "1234.56" → 123456 (string arithmetic, no floating point). */
export function parseAmount(s: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount with two decimals: ${s}`);
  const v = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -v : v;
}

const PER_YEAR = { Monthly: 12, Quarterly: 4, Semiannual: 2, Annual: 1 } as const;

/** CONTRACT 1.3, written out: i as a 60-digit decimal. */
export function refMonthlyRate(annual: string, basis: RateBasis, p: number): D {
  const r = new D(annual);
  if (basis === 'Monthly') return r.div(12);
  if (basis === 'Effective annual') return r.plus(1).pow(new D(1).div(12)).minus(1);
  if (p === 12) return r.div(12);
  return r.div(p).plus(1).pow(new D(p).div(12)).minus(1);
}

/**
 * round-half-up(base x i). When i is r/12 the product is taken as (base x r) / 12, exactly: a truncated 60-digit r/12
 * would round an exact half-cent (170,041,800 x 0.07/12 = 991,910.5) down.
 */
export function refInterest(base: number, annual: string, basis: RateBasis, p: number): number {
  if (basis === 'Monthly' || (basis === 'Payment frequency' && p === 12)) {
    return roundCents(new D(base).times(annual).div(12));
  }
  return roundCents(refMonthlyRate(annual, basis, p).times(base));
}

// ---- dates, from JavaScript's UTC calendar (not the engine's day-number arithmetic) ----

export function refEdate(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const last = new Date(Date.UTC(2000, month0 + 1, 0));
  last.setUTCFullYear(year, month0 + 1, 0);
  const dim = last.getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`;
}

export function refAddDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(2000, 0, 1));
  dt.setUTCFullYear(y, m - 1, d + days);
  return dt.toISOString().slice(0, 10);
}

/** Lease month containing `date` by walking the EDATE grid (1-based; 0 before commencement). */
export function refLeaseMonthOf(commencement: string, date: string): number {
  if (date < commencement) return 0;
  // The k with EDATE(c, k-1) <= date < EDATE(c, k); start the walk a month before the calendar-month difference.
  const months =
    (Number(date.slice(0, 4)) - Number(commencement.slice(0, 4))) * 12 +
    Number(date.slice(5, 7)) -
    Number(commencement.slice(5, 7));
  let k = Math.max(1, months);
  while (k > 1 && refEdate(commencement, k - 1) > date) k--;
  while (refEdate(commencement, k) <= date) k++;
  return k;
}

// ---- payments ----

export interface RefPayment {
  /** Months after commencement. */
  t: number;
  /** Lease month in which it is paid. */
  month: number;
  advance: boolean;
  amount: number;
}

/** Payments per year that set the compounding (CONTRACT 1.3). */
export function refPaymentsPerYear(terms: LeaseTerms): number {
  return PER_YEAR[terms.frequency];
}

/**
 * CONTRACT 1.2 and 1.4: the regular stream (escalation chain rounded half-up to cents, free rent), or the
 * LeasePayments stream, plus the RVG and the certain purchase option at t = N.
 * A final arrears period cut short by the end of the term is paid at the end of the term.
 */
export function refPayments(terms: LeaseTerms): RefPayment[] {
  const n = terms.termMonths;
  const out: RefPayment[] = [];
  if (terms.irregularPayments.length > 0) {
    for (const p of terms.irregularPayments) {
      const k = refLeaseMonthOf(terms.commencement, p.date);
      if (k < 1 || k > n) continue;
      if (refEdate(terms.commencement, k - 1) === p.date)
        out.push({ t: k - 1, month: k, advance: true, amount: p.amount });
      else out.push({ t: k, month: k, advance: false, amount: p.amount });
    }
  } else {
    const per = 12 / PER_YEAR[terms.frequency];
    const e = new D(terms.annualEscalation.toString());
    const yearly: number[] = [terms.payment];
    for (let start = 1; start <= n; start += per) {
      const y = Math.floor((start - 1) / 12);
      while (yearly.length <= y) yearly.push(roundCents(new D(yearly[yearly.length - 1]).times(e.plus(1))));
      const amount = start <= terms.freeRentMonths ? 0 : yearly[y];
      if (terms.timing === 'Advance') out.push({ t: start - 1, month: start, advance: true, amount });
      else {
        const t = Math.min(start - 1 + per, n);
        out.push({ t, month: t, advance: false, amount });
      }
    }
  }
  if (terms.residualValueGuarantee > 0)
    out.push({ t: n, month: n, advance: false, amount: terms.residualValueGuarantee });
  if (terms.purchaseOptionCertain && terms.purchaseOptionPrice > 0) {
    out.push({ t: n, month: n, advance: false, amount: terms.purchaseOptionPrice });
  }
  return out;
}

/** Σ amount x (1+i)^-t over payments with t >= 1, at 60 digits (unrounded, cents). */
export function refPresentValue(payments: readonly { t: number; amount: number }[], i: D): D {
  const v = new D(1).div(i.plus(1));
  let pv = new D(0);
  for (const p of payments) {
    if (p.amount !== 0) pv = pv.plus(v.pow(p.t).times(p.amount));
  }
  return pv;
}

// ---- classification ----

export type RefClass = 'operating' | 'finance' | 'short-term';

export interface RefInitial {
  i: D;
  payments: RefPayment[];
  dayOne: number;
  paidAtCommencement: number;
  liability: number;
  rou: number;
  byTests: RefClass;
  classification: RefClass;
}

/** CONTRACT 1.4, 1.5, 1.8. */
export function refInitial(terms: LeaseTerms, policies: Policies): RefInitial {
  const i = refMonthlyRate(terms.discountRate.toString(), policies.rateBasis, refPaymentsPerYear(terms));
  const payments = refPayments(terms);
  const dayOne = payments.filter((p) => p.t === 0).reduce((s, p) => s + p.amount, 0);
  const liability = roundCents(
    refPresentValue(
      payments.filter((p) => p.t > 0),
      i,
    ),
  );
  const paidAtCommencement = dayOne + terms.prepaidRent;
  const rou = liability + paidAtCommencement + terms.initialDirectCosts - terms.leaseIncentives;
  const pvForTest = liability + paidAtCommencement - terms.leaseIncentives;
  const n = terms.termMonths;
  const life = terms.usefulLifeMonths;
  const fv = terms.fairValue;
  const lifeThreshold = new D(policies.economicLifeThreshold.toString());
  const fvThreshold = new D(policies.fairValueThreshold.toString());
  const finance =
    terms.ownershipTransfers ||
    terms.purchaseOptionCertain ||
    terms.specializedAsset ||
    (life !== null && life > 0 && new D(n).gte(lifeThreshold.times(life))) ||
    (fv !== null && fv > 0 && new D(pvForTest).gte(fvThreshold.times(fv)));
  let byTests: RefClass = finance ? 'finance' : 'operating';
  if (policies.shortTermExemption && n <= 12 && !terms.purchaseOptionCertain) byTests = 'short-term';
  return {
    i,
    payments,
    dayOne,
    paidAtCommencement,
    liability,
    rou,
    byTests,
    classification: terms.classificationOverride ?? byTests,
  };
}

// ---- schedule ----

export interface RefRow {
  month: number;
  start: string;
  end: string;
  liabilityStart: number;
  payment: number;
  interest: number;
  liabilityEnd: number;
  rouStart: number;
  amortization: number;
  rouEnd: number;
  leaseCost: number;
}

export interface RefResult extends RefInitial {
  months: RefRow[];
  /** Balance sheet figures as reported (0 for short-term). */
  liabilityAtCommencement: number;
  rouAtCommencement: number;
  reportedPaidAtCommencement: number;
}

function straightLine(total: number, months: number, k: number): number {
  if (k < 1 || k > months) return 0;
  const each = roundCents(new D(total).div(months));
  return k < months ? each : total - each * (months - 1);
}

/** The whole schedule of CONTRACT 1.6, 1.7, 1.8, 1.9 for a lease without modifications. */
export function refSchedule(terms: LeaseTerms, policies: Policies): RefResult {
  const init = refInitial(terms, policies);
  const n = terms.termMonths;
  const months: RefRow[] = [];
  const dates = (k: number) => ({
    start: refEdate(terms.commencement, k - 1),
    end: refAddDays(refEdate(terms.commencement, k), -1),
  });
  if (init.classification === 'short-term') {
    const cash = init.payments.reduce((s, p) => s + p.amount, 0);
    const total = cash + terms.prepaidRent + terms.initialDirectCosts - terms.leaseIncentives;
    for (let k = 1; k <= n; k++) {
      const payment = init.payments.filter((p) => p.month === k).reduce((s, p) => s + p.amount, 0);
      months.push({
        month: k,
        ...dates(k),
        liabilityStart: 0,
        payment,
        interest: 0,
        liabilityEnd: 0,
        rouStart: 0,
        amortization: 0,
        rouEnd: 0,
        leaseCost: straightLine(total, n, k),
      });
    }
    return { ...init, months, liabilityAtCommencement: 0, rouAtCommencement: 0, reportedPaidAtCommencement: 0 };
  }
  const unpaid = init.payments.filter((p) => p.t > 0);
  const finance = init.classification === 'finance';
  const costTotal = unpaid.reduce((s, p) => s + p.amount, 0) + init.rou - init.liability;
  // ASC 842-20-35-8: the useful life when ownership transfers or a purchase option is reasonably certain; otherwise
  // the earlier of the end of the useful life and the end of the term.
  const life = terms.usefulLifeMonths;
  const amortMonths =
    (terms.ownershipTransfers || terms.purchaseOptionCertain) && life !== null ? life : Math.min(life ?? n, n);
  let liability = init.liability;
  let rou = init.rou;
  for (let k = 1; k <= n; k++) {
    const adv = unpaid.filter((p) => p.month === k && p.advance).reduce((s, p) => s + p.amount, 0);
    const arr = unpaid.filter((p) => p.month === k && !p.advance).reduce((s, p) => s + p.amount, 0);
    const base = liability - adv;
    const interest =
      k < n
        ? refInterest(base, terms.discountRate.toString(), policies.rateBasis, refPaymentsPerYear(terms))
        : arr - base;
    const liabilityEnd = base + interest - arr;
    let amortization: number;
    let leaseCost: number;
    if (finance) {
      amortization = straightLine(init.rou, amortMonths, k);
      leaseCost = interest + amortization;
    } else {
      leaseCost = straightLine(costTotal, n, k);
      amortization = leaseCost - interest;
    }
    months.push({
      month: k,
      ...dates(k),
      liabilityStart: liability,
      payment: adv + arr,
      interest,
      liabilityEnd,
      rouStart: rou,
      amortization,
      rouEnd: rou - amortization,
      leaseCost,
    });
    liability = liabilityEnd;
    rou -= amortization;
  }
  return {
    ...init,
    months,
    liabilityAtCommencement: init.liability,
    rouAtCommencement: init.rou,
    reportedPaidAtCommencement: init.paidAtCommencement,
  };
}

// ---- Excel's PV, written as the closed form ----

/** Excel =PV(rate, nper, -pmt, 0, type): pmt x (1-(1+r)^-n)/r x (1 + r x type); pmt x n when r = 0. In cents, unrounded. */
export function excelPv(rate: D, nper: number, pmt: number, type: 0 | 1): D {
  if (rate.isZero()) return new D(pmt).times(nper);
  const annuity = new D(1).minus(rate.plus(1).pow(-nper)).div(rate);
  return annuity.times(pmt).times(rate.times(type).plus(1));
}

/** Sum of a row field over lease months from..to (1-based, inclusive). */
export function sumMonths<T extends { month: number }>(
  rows: readonly T[],
  from: number,
  to: number,
  f: (r: T) => number,
): number {
  let s = 0;
  for (const r of rows) if (r.month >= from && r.month <= to) s += f(r);
  return s;
}
