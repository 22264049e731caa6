/**
 * Closing arithmetic (CONTRACT 1.11): what a lease has booked on or before a date, per account role, and the
 * catch-up that brings the books from what was posted to what is now computed.
 *
 * Booking dates: commencement amounts on the Commencement Date; a payment on the day it is paid (in advance: the
 * lease month's first day; in arrears, a termination payment, a residual value guarantee or purchase option: its
 * last day); a modification's adjustments (and its gain or loss) on its effective date (the month row's start), an
 * impairment on its own date; accretion or interest, amortization and lease cost on the lease month's last day; the
 * transfer of a finance lease's remaining ROU asset to owned assets on the last day of the term; a variable payment
 * (variable lease cost, paid in cash) on its own date. The same dates as
 * the journal, so these figures equal the journal's lines summed per account through the date.
 *
 * Every figure is a cumulative amount in cents from commencement, in the accountant's sign: the liability and the
 * ROU asset as balances, costs and losses as charged, payments as paid, gains as positive. `debitSign` turns a
 * figure into the net debit of its account, and the figures of a lease always sum to zero as net debits (every
 * entry balances), so a catch-up made of their differences balances too.
 */
import type { LeaseResult, MonthRow } from '../engine';
import { compareIso, type IsoDate } from '../engine/calendar/dates';
import type { Classification } from '../engine/terms';
import type { AccountRole } from '../input/accountRoles';
import { CLOSING_FIGURES, zeroFigures, type ClosingFigure, type ClosingFigures } from '../input/postedBalances';
import { liabilityAt } from './disclosureFigures';
import { transferToOwnedAssets } from './sheets/schedules';

export {
  CLOSING_FIGURES,
  CLOSING_FIGURE_LABEL,
  zeroFigures,
  type ClosingFigure,
  type ClosingFigures,
} from '../input/postedBalances';

/** The closing figure each journal account role adds to (operating and finance accounts together, per lease). */
export const FIGURE_OF_ROLE: Readonly<Record<AccountRole, ClosingFigure>> = {
  'Operating ROU asset': 'rouAsset',
  'Finance ROU asset': 'rouAsset',
  'Finance ROU accumulated amortization': 'rouAsset',
  'Operating lease liability current': 'leaseLiability',
  'Operating lease liability non-current': 'leaseLiability',
  'Finance lease liability current': 'leaseLiability',
  'Finance lease liability non-current': 'leaseLiability',
  'Operating lease cost': 'operatingLeaseCost',
  'Finance lease amortization': 'amortizationExpense',
  'Finance lease interest': 'interestExpense',
  'Short-term lease cost': 'shortTermLeaseCost',
  'Variable lease cost': 'variableLeaseCost',
  Cash: 'cash',
  'Prepaid rent': 'prepaidRent',
  'Lease incentives': 'leaseIncentives',
  'Initial direct costs': 'initialDirectCosts',
  'Gain or loss on lease modification': 'gainLoss',
  'Impairment loss': 'impairmentLoss',
  'Owned assets': 'ownedAssets',
};

/**
 * +1 when the figure is a debit of its account, -1 when a credit: the liability is a credit balance, payments are
 * credits to cash, a gain is a credit, initial direct costs are credited out of their account into the ROU asset
 * at commencement. Prepaid rent is carried as its net debit (a short-term lease's prepaid or, when negative,
 * accrued rent; a measured lease's prepaid rent credited into the ROU asset at commencement).
 */
export const DEBIT_SIGN: Record<ClosingFigure, 1 | -1> = {
  leaseLiability: -1,
  rouAsset: 1,
  operatingLeaseCost: 1,
  interestExpense: 1,
  amortizationExpense: 1,
  shortTermLeaseCost: 1,
  cash: -1,
  gainLoss: -1,
  impairmentLoss: 1,
  prepaidRent: 1,
  initialDirectCosts: -1,
  leaseIncentives: 1,
  ownedAssets: 1,
  variableLeaseCost: 1,
};

/** One lease's position at a month-end: the classification in force and the cumulative figures. */
export interface LeaseClosing {
  leaseId: string;
  entity: string;
  currency: string;
  /** The month-end the figures run through. */
  through: IsoDate;
  /** The classification in force on `through` (of the last month with anything booked); null before commencement. */
  classification: Classification | null;
  figures: ClosingFigures;
  /** The part of the lease liability due within 12 months of `through` (the journal's current account). */
  currentLiability: number;
}

const onOrBefore = (date: IsoDate, through: IsoDate) => compareIso(date, through) <= 0;

/** An impairment booked on a day inside its month rather than on the month's start (CONTRACT 1.10 v4), else 0. */
function insideImpairment(r: MonthRow): number {
  return r.impairment !== 0 && r.impairmentDate !== null && r.impairmentDate !== r.start ? r.impairment : 0;
}

/** What booking `r` on its start date adds (the modification, the impairment, the payment in advance). */
function bookStart(f: ClosingFigures, r: MonthRow): void {
  if (r.classification === 'short-term') {
    f.prepaidRent += r.advancePayment;
    f.cash += r.advancePayment;
    return;
  }
  // An impairment dated inside the month is booked on its own date (bookImpairmentInside).
  const inside = insideImpairment(r);
  f.rouAsset += r.rouAdjustment + inside;
  f.leaseLiability += r.liabilityAdjustment;
  f.gainLoss += r.gainLoss;
  f.impairmentLoss += r.impairment - inside;
  f.cash -= r.incentiveReceived;
  f.leaseLiability -= r.advancePayment;
  f.cash += r.advancePayment;
}

/** What booking `r` on its last day adds (cost, accretion or interest, amortization, payment in arrears). */
function bookEnd(f: ClosingFigures, r: MonthRow): void {
  if (r.classification === 'short-term') {
    f.shortTermLeaseCost += r.leaseCost;
    f.prepaidRent -= r.leaseCost;
    f.prepaidRent += r.arrearsPayment;
    f.cash += r.arrearsPayment;
    return;
  }
  f.leaseLiability += r.interest;
  f.rouAsset -= r.amortization;
  if (r.classification === 'finance') {
    f.interestExpense += r.interest;
    f.amortizationExpense += r.amortization;
  } else f.operatingLeaseCost += r.leaseCost;
  f.leaseLiability -= r.arrearsPayment;
  f.cash += r.arrearsPayment;
}

/** The figures a lease has booked on or before `through` (any date; a close uses a month-end). */
export function leaseClosing(lease: LeaseResult, through: IsoDate): LeaseClosing {
  const f = zeroFigures();
  const result: LeaseClosing = {
    leaseId: lease.id,
    entity: lease.entity,
    currency: lease.currency,
    through,
    classification: null,
    figures: f,
    currentLiability: 0,
  };
  const months = lease.months;
  if (months.length === 0 || !onOrBefore(lease.commencement, through)) return result;
  const shortTerm = months[0].classification === 'short-term';
  if (shortTerm) {
    f.prepaidRent += lease.initialDirectCosts - lease.leaseIncentives;
  } else {
    f.rouAsset += lease.rouAtCommencement;
    f.leaseLiability += lease.liabilityAtCommencement;
    f.cash += lease.dayOnePayment;
    f.prepaidRent -= lease.prepaidRent;
  }
  f.initialDirectCosts += lease.initialDirectCosts;
  // Incentives received at commencement are cash (CONTRACT 1.5), as the journal books them.
  f.cash -= lease.leaseIncentives;
  result.classification = months[0].classification;

  // Variable lease cost, paid in cash, on each payment's own date.
  for (const p of lease.variablePayments) {
    if (!onOrBefore(p.date, through)) continue;
    f.variableLeaseCost += p.amount;
    f.cash += p.amount;
  }
  for (const r of months) {
    if (!onOrBefore(r.start, through)) break;
    result.classification = r.classification;
    bookStart(f, r);
    const inside = insideImpairment(r);
    if (inside !== 0 && onOrBefore(r.impairmentDate!, through)) {
      f.rouAsset -= inside;
      f.impairmentLoss += inside;
    }
    if (!onOrBefore(r.end, through)) break;
    bookEnd(f, r);
  }
  const last = months[months.length - 1];
  const transfer = transferToOwnedAssets(lease);
  if (transfer !== 0 && onOrBefore(last.end, through)) {
    f.ownedAssets += transfer;
    f.rouAsset -= transfer;
  }
  result.currentLiability = liabilityAt(months, through)?.current ?? 0;
  return result;
}

/** The sum of the figures as net debits: 0 for any lease at any date (every entry balances). */
export function netDebit(figures: ClosingFigures): number {
  let s = 0;
  for (const k of CLOSING_FIGURES) s += DEBIT_SIGN[k] * figures[k];
  return s;
}

/** recomputed - posted, figure by figure. */
export function figureDifference(recomputed: ClosingFigures, posted: ClosingFigures): ClosingFigures {
  const d = zeroFigures();
  for (const k of CLOSING_FIGURES) d[k] = recomputed[k] - posted[k];
  return d;
}

export function hasDifference(d: ClosingFigures): boolean {
  return CLOSING_FIGURES.some((k) => d[k] !== 0);
}

/** The first day after a month-end: the first day of the first open month. */
export function firstOpenDay(closedThrough: IsoDate): IsoDate {
  const [y, m] = closedThrough.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
