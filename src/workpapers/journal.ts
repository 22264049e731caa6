/**
 * Journal entries of a lease for a window of dates, as data: one balanced entry per event, one line per account
 * role (CONTRACT sections 1.11 and 3). Every amount is booked on its CONTRACT 1.11 date and belongs to the window
 * holding that date.
 *
 * Commencement (on the Commencement Date): Dr ROU asset (operating or finance) / Cr Lease liability non-current /
 *   Cr Cash (day-one payment) / Cr Prepaid rent (reclassified into the ROU asset) / Cr Initial direct costs
 *   (reclassified) / Dr Cash (lease incentives received in cash, CONTRACT 1.5).
 * Each payment that reduces the liability: Dr Lease liability non-current / Cr Cash, on the day it is paid.
 * Each lease-month end, operating: Dr Operating lease cost (straight-line) / Cr Lease liability (accretion) /
 *   Cr Operating ROU asset (amortization, a debit when negative). Finance: Dr Finance lease interest / Cr Lease
 *   liability, and Dr Finance lease amortization / Cr Finance ROU accumulated amortization (when `GLAccounts` maps
 *   it; else Cr Finance ROU asset).
 * A remeasurement, partial termination or termination, on its effective date: the ROU asset and the lease liability
 *   by their adjustments and the gain or loss; an impairment: Dr Impairment loss / Cr ROU asset.
 * A change of classification at a remeasurement moves the balances between the operating and finance accounts.
 * The end of a finance lease: what is left of the ROU asset passes to owned assets; with an accumulated amortization
 *   account, the accumulated amortization is closed against the asset's cost.
 * Each calendar month-end: the current/non-current reclass moves the current-liability balance to the current portion
 *   at that month-end (the change since the previous month-end; it does not reverse) **(choice)**. Every other
 *   liability movement posts to the non-current account.
 * Each variable payment (VariablePayments), on its date: Dr Variable lease cost / Cr Cash.
 * Short-term leases (no asset or liability): each payment Dr Prepaid rent / Cr Cash; each month end Dr Short-term
 *   lease cost / Cr Prepaid rent (straight-line), so Prepaid rent carries the timing difference (a credit balance is
 *   accrued rent); IDC pass through Prepaid rent and incentives received in cash reduce it at commencement.
 *
 * Entry numbers are stable: lease ID, the booking month (YYYYMM) and the kind of entry, never a running count, so
 * adding a lease or a month changes no other entry's number. Amounts of 0.00 make no line; an entry without lines
 * is not written.
 */
import type { LeaseResult, MonthRow } from '../engine';
import { eomonth, type IsoDate } from '../engine/calendar/dates';
import { ACCOUNT_ROLES, type AccountRole } from '../input/accountRoles';
import { liabilityAt } from './disclosureFigures';
import type { LeaseCatchUp } from './catchUp';
import { CLOSING_FIGURES, DEBIT_SIGN, type ClosingFigure, type ClosingFigures } from './closing';
import { transferToOwnedAssets } from './sheets/schedules';

export type EntryKind =
  | 'Commencement'
  | 'Payment in advance'
  | 'Payment'
  | 'Operating lease cost'
  | 'Interest'
  | 'Amortization'
  | 'Short-term lease cost'
  | 'Remeasurement'
  | 'Partial termination'
  | 'Termination'
  | 'Impairment'
  | 'Classification change'
  | 'Transfer to owned assets'
  | 'Fully amortized ROU asset'
  | 'Current portion reclass'
  | 'Variable lease cost'
  | 'Catch-up';

/** The code of each kind of entry in its entry number. */
export const ENTRY_CODE: Readonly<Record<EntryKind, string>> = {
  Commencement: 'COM',
  'Payment in advance': 'PAY',
  Payment: 'PAYE',
  'Operating lease cost': 'COST',
  Interest: 'INT',
  Amortization: 'AMORT',
  'Short-term lease cost': 'STC',
  Remeasurement: 'REM',
  'Partial termination': 'PTD',
  Termination: 'TRM',
  Impairment: 'IMP',
  'Classification change': 'CLS',
  'Transfer to owned assets': 'XFER',
  'Fully amortized ROU asset': 'RET',
  'Current portion reclass': 'RCL',
  'Variable lease cost': 'VAR',
  'Catch-up': 'CU',
};

export interface JournalLine {
  date: IsoDate;
  entity: string;
  leaseId: string;
  currency: string;
  /** Stable entry number: lease, booking month and kind ("GPU-001-202512-COST"). */
  entry: string;
  kind: EntryKind;
  role: AccountRole;
  /** Cents; exactly one of debit and credit is non-zero. */
  debit: number;
  credit: number;
  memo: string;
  /** A catch-up of a closed period (CONTRACT 1.11). */
  catchUp: boolean;
}

/** The dates a journal covers, inclusive. */
export interface JournalWindow {
  from: IsoDate;
  to: IsoDate;
}

export const ALL_DATES: JournalWindow = { from: '0000-01-01', to: '9999-12-31' };

export interface JournalOptions {
  /** Finance ROU amortization goes to "Finance ROU accumulated amortization" (GLAccounts maps that role). */
  accumulatedAmortization?: boolean;
}

/**
 * "GPU-001-202512-COST"; a variable payment, which may fall on any day and more than once a month, carries its day
 * ("GPU-001-202512-VAR15").
 */
export function entryNumber(leaseId: string, date: IsoDate, kind: EntryKind): string {
  const day = kind === 'Variable lease cost' ? date.slice(8, 10) : '';
  return `${leaseId}-${date.slice(0, 4)}${date.slice(5, 7)}-${ENTRY_CODE[kind]}${day}`;
}

type Cls = 'operating' | 'finance';

const ROU: Record<Cls, AccountRole> = { operating: 'Operating ROU asset', finance: 'Finance ROU asset' };
const LIABILITY: Record<Cls, AccountRole> = {
  operating: 'Operating lease liability non-current',
  finance: 'Finance lease liability non-current',
};
const CURRENT: Record<Cls, AccountRole> = {
  operating: 'Operating lease liability current',
  finance: 'Finance lease liability current',
};

const cls = (c: string): Cls => (c === 'finance' ? 'finance' : 'operating');

class Builder {
  readonly lines: JournalLine[] = [];
  private date: IsoDate = '';
  private kind: EntryKind = 'Commencement';
  private memo = '';
  private entry = '';
  private open = false;

  constructor(
    private readonly lease: LeaseResult,
    private readonly window: JournalWindow,
  ) {}

  begin(date: IsoDate, kind: EntryKind, memo: string): void {
    this.date = date;
    this.kind = kind;
    this.memo = memo;
    this.open = date >= this.window.from && date <= this.window.to;
    this.entry = this.open ? entryNumber(this.lease.id, date, kind) : '';
  }

  /** A line: positive = debit, negative = credit; 0.00 makes no line. */
  line(role: AccountRole, signedDebit: number): void {
    if (signedDebit === 0 || !this.open) return;
    this.lines.push({
      date: this.date,
      entity: this.lease.entity,
      leaseId: this.lease.id,
      currency: this.lease.currency,
      entry: this.entry,
      kind: this.kind,
      role,
      debit: signedDebit > 0 ? signedDebit : 0,
      credit: signedDebit < 0 ? -signedDebit : 0,
      memo: this.memo,
      catchUp: false,
    });
  }
}

/** Month-ends from the lease's first month to the month-end on or after its last day, inside the window. */
function monthEnds(lease: LeaseResult, window: JournalWindow): IsoDate[] {
  const months = lease.months;
  const first = eomonth(months[0].start, 0);
  const last = eomonth(months[months.length - 1].end, 0);
  const out: IsoDate[] = [];
  for (let d = first; d <= last; d = eomonth(d, 1)) {
    if (d > window.to) break;
    if (d >= window.from) out.push(d);
  }
  return out;
}

/**
 * The journal lines of one lease dated inside `window` (default: its whole life), in date order; entries on one
 * date in the order the schedule books them (modification, advance payment, month-end cost, arrears payment,
 * reclass).
 */
export function leaseJournal(
  lease: LeaseResult,
  window: JournalWindow = ALL_DATES,
  options: JournalOptions = {},
): JournalLine[] {
  const b = new Builder(lease, window);
  const months = lease.months;
  if (months.length === 0) return b.lines;
  if (months[0].start > window.to || eomonth(months[months.length - 1].end, 0) < window.from) return b.lines;
  const n = months[months.length - 1].month;
  const shortTerm = months[0].classification === 'short-term';
  const accumulate = options.accumulatedAmortization === true;
  const of = (k: number) => `lease month ${k} of ${n}`;
  const reclassDates = shortTerm ? [] : monthEnds(lease, window);
  let nextReclass = 0;
  let previousCurrent = { amount: 0, cls: cls(months[0].classification) };
  if (reclassDates.length > 0) {
    const before = liabilityAt(months, eomonth(reclassDates[0], -1));
    if (before) previousCurrent = { amount: before.current, cls: cls(before.classification) };
  }
  /** Books the reclass of every month-end before `date` (all when null). */
  const reclassUntil = (date: IsoDate | null) => {
    while (nextReclass < reclassDates.length && (date === null || reclassDates[nextReclass] < date)) {
      const d = reclassDates[nextReclass++];
      const now = liabilityAt(months, d);
      const current = now
        ? { amount: now.current, cls: cls(now.classification) }
        : { amount: 0, cls: previousCurrent.cls };
      b.begin(d, 'Current portion reclass', `Current portion of the lease liability at ${d}`);
      if (current.cls === previousCurrent.cls) {
        const move = current.amount - previousCurrent.amount;
        b.line(LIABILITY[current.cls], move);
        b.line(CURRENT[current.cls], -move);
      } else {
        b.line(CURRENT[previousCurrent.cls], previousCurrent.amount);
        b.line(LIABILITY[previousCurrent.cls], -previousCurrent.amount);
        b.line(LIABILITY[current.cls], current.amount);
        b.line(CURRENT[current.cls], -current.amount);
      }
      previousCurrent = current;
    }
  };

  b.begin(lease.commencement, 'Commencement', shortTerm ? 'Commencement (short-term lease)' : 'Commencement');
  if (shortTerm) {
    b.line('Prepaid rent', lease.initialDirectCosts);
    b.line('Initial direct costs', -lease.initialDirectCosts);
    b.line('Cash', lease.leaseIncentives);
    b.line('Prepaid rent', -lease.leaseIncentives);
  } else {
    const c = cls(months[0].classification);
    b.line(ROU[c], lease.rouAtCommencement);
    b.line(LIABILITY[c], -lease.liabilityAtCommencement);
    b.line('Cash', -lease.dayOnePayment);
    b.line('Prepaid rent', -lease.prepaidRent);
    b.line('Initial direct costs', -lease.initialDirectCosts);
    b.line('Cash', lease.leaseIncentives);
  }

  const transfer = transferToOwnedAssets(lease);
  /** Finance amortization booked to the accumulated amortization account and not yet closed. */
  let accumulated = 0;
  /** Closes the accumulated amortization against the finance ROU asset's cost (inside the current entry). */
  const closeAccumulated = () => {
    if (!accumulate || accumulated === 0) return;
    b.line('Finance ROU accumulated amortization', accumulated);
    b.line('Finance ROU asset', -accumulated);
    accumulated = 0;
  };
  let v = 0;
  /** The month's variable payments, between its start-dated entries and its month-end ones. */
  const variable = (k: number): void => {
    for (; v < lease.variablePayments.length && lease.variablePayments[v].month === k; v++) {
      const p = lease.variablePayments[v];
      b.begin(
        p.date,
        'Variable lease cost',
        `Variable lease cost${p.description ? `: ${p.description}` : ''}, ${of(k)}`,
      );
      b.line('Variable lease cost', p.amount);
      b.line('Cash', -p.amount);
    }
  };
  let previous: Cls = cls(months[0].classification);
  for (let j = 0; j < months.length; j++) {
    const r: MonthRow = months[j];
    const k = r.month;
    reclassUntil(r.start);
    if (r.classification === 'short-term') {
      if (r.advancePayment !== 0) {
        b.begin(r.start, 'Payment in advance', `Payment in advance, ${of(k)}`);
        b.line('Prepaid rent', r.advancePayment);
        b.line('Cash', -r.advancePayment);
      }
      variable(k);
      b.begin(r.end, 'Short-term lease cost', `Short-term lease cost, ${of(k)}`);
      b.line('Short-term lease cost', r.leaseCost);
      b.line('Prepaid rent', -r.leaseCost);
      if (r.arrearsPayment !== 0) {
        b.begin(r.end, 'Payment', `Payment, ${of(k)}`);
        b.line('Prepaid rent', r.arrearsPayment);
        b.line('Cash', -r.arrearsPayment);
      }
      continue;
    }
    const c = cls(r.classification);
    if (c !== previous) {
      b.begin(r.start, 'Classification change', `Reclassified ${previous} to ${c} at remeasurement, ${of(k)}`);
      b.line(LIABILITY[previous], r.liabilityStart);
      b.line(LIABILITY[c], -r.liabilityStart);
      if (previous === 'finance') closeAccumulated();
      b.line(ROU[c], r.rouStart);
      b.line(ROU[previous], -r.rouStart);
      previous = c;
    }
    const rou = ROU[c];
    const liability = LIABILITY[c];
    if (r.event === 'Partial termination') {
      // Two balanced entries: the derecognized share with its gain or loss, then the remeasurement of the rest
      // (any reduction of the ROU asset below zero being a gain).
      const derecognitionGain = r.liabilityDerecognized - r.rouDerecognized;
      b.begin(r.start, 'Partial termination', `Partial termination: derecognition, ${of(k)}`);
      b.line(liability, r.liabilityDerecognized);
      b.line(rou, -r.rouDerecognized);
      b.line('Gain or loss on lease modification', -derecognitionGain);
      b.begin(r.start, 'Remeasurement', `Partial termination: remeasurement of the remaining lease, ${of(k)}`);
      b.line(rou, r.rouAdjustment + r.impairment + r.rouDerecognized);
      b.line(liability, -(r.liabilityAdjustment + r.liabilityDerecognized));
      b.line('Gain or loss on lease modification', -(r.gainLoss - derecognitionGain));
      b.line('Cash', r.incentiveReceived);
    } else if (r.event && r.event !== 'Impairment') {
      b.begin(r.start, r.event, `${r.event}, ${of(k)}`);
      b.line(rou, r.rouAdjustment + r.impairment);
      b.line(liability, -r.liabilityAdjustment);
      b.line('Gain or loss on lease modification', -r.gainLoss);
      b.line('Cash', r.incentiveReceived);
      if (r.event === 'Termination' && c === 'finance') closeAccumulated();
    }
    // An impairment dated inside the month (CONTRACT 1.10, v4) is booked on its date, after the month's start-dated
    // entries.
    const impairedOn = r.impairment !== 0 ? (r.impairmentDate ?? r.start) : null;
    const impairment = (): void => {
      b.begin(impairedOn!, 'Impairment', `Impairment of the ROU asset, ${of(k)}`);
      b.line('Impairment loss', r.impairment);
      b.line(rou, -r.impairment);
    };
    if (impairedOn === r.start) impairment();
    if (r.advancePayment !== 0) {
      b.begin(r.start, 'Payment in advance', `Payment in advance, ${of(k)}`);
      b.line(liability, r.advancePayment);
      b.line('Cash', -r.advancePayment);
    }
    variable(k);
    if (impairedOn !== null && impairedOn !== r.start) impairment();
    if (c === 'finance') {
      b.begin(r.end, 'Interest', `Interest on the lease liability, ${of(k)}`);
      b.line('Finance lease interest', r.interest);
      b.line(liability, -r.interest);
      b.begin(r.end, 'Amortization', `Amortization of the ROU asset, ${of(k)}`);
      b.line('Finance lease amortization', r.amortization);
      b.line(accumulate ? 'Finance ROU accumulated amortization' : rou, -r.amortization);
      if (accumulate) accumulated += r.amortization;
    } else {
      b.begin(r.end, 'Operating lease cost', `Straight-line lease cost, ${of(k)}`);
      b.line('Operating lease cost', r.leaseCost);
      b.line(liability, -r.interest);
      b.line(rou, -r.amortization);
    }
    if (r.arrearsPayment !== 0) {
      b.begin(r.end, 'Payment', r.event === 'Termination' ? `Termination payment, ${of(k)}` : `Payment, ${of(k)}`);
      b.line(liability, r.arrearsPayment);
      b.line('Cash', -r.arrearsPayment);
    }
    if (j === months.length - 1 && c === 'finance' && r.event !== 'Termination') {
      if (transfer !== 0) {
        b.begin(r.end, 'Transfer to owned assets', 'Remaining ROU asset passes to owned assets at the end of the term');
        b.line('Owned assets', transfer);
        b.line(rou, -transfer);
        closeAccumulated();
      } else if (accumulate && accumulated !== 0) {
        b.begin(
          r.end,
          'Fully amortized ROU asset',
          'Fully amortized ROU asset closed against its accumulated amortization',
        );
        closeAccumulated();
      }
    }
  }
  reclassUntil(null);
  // In date order (a stable sort: entries of one date keep their booking order). A month-end reclass is booked after
  // the lease month that ends past it, so it moves back before that month's end.
  return b.lines.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Net debit (debit - credit) of lines, in cents. */
export function netDebit(lines: readonly JournalLine[]): number {
  let s = 0;
  for (const l of lines) s += l.debit - l.credit;
  return s;
}

/** The account role a closing figure's catch-up posts to, for a lease of classification `cls`. */
export function catchUpRole(figure: ClosingFigure, cls: string | null): AccountRole {
  const c = cls === 'finance' ? 'finance' : 'operating';
  switch (figure) {
    case 'leaseLiability':
      return LIABILITY[c];
    case 'rouAsset':
      return ROU[c];
    case 'operatingLeaseCost':
      return 'Operating lease cost';
    case 'interestExpense':
      return 'Finance lease interest';
    case 'amortizationExpense':
      return 'Finance lease amortization';
    case 'shortTermLeaseCost':
      return 'Short-term lease cost';
    case 'variableLeaseCost':
      return 'Variable lease cost';
    case 'cash':
      return 'Cash';
    case 'gainLoss':
      return 'Gain or loss on lease modification';
    case 'impairmentLoss':
      return 'Impairment loss';
    case 'prepaidRent':
      return 'Prepaid rent';
    case 'initialDirectCosts':
      return 'Initial direct costs';
    case 'leaseIncentives':
      return 'Lease incentives';
    case 'ownedAssets':
      return 'Owned assets';
  }
}

/**
 * One side (posted or recomputed) of a lease's closed-period position as net debits per account role: the ROU
 * asset and the liability on the accounts of the classification that side was in, the liability split between the
 * current account (its current portion) and non-current, and with an accumulated amortization account the finance
 * ROU asset split between cost and accumulated amortization (both closed once the lease has ended).
 */
function closedRoleNet(
  f: ClosingFigures,
  current: number,
  classification: string | null,
  accumulatedAmortization: boolean,
): Map<AccountRole, number> {
  const net = new Map<AccountRole, number>();
  const add = (role: AccountRole, n: number) => {
    if (n !== 0) net.set(role, (net.get(role) ?? 0) + n);
  };
  const c = cls(classification ?? 'operating');
  for (const k of CLOSING_FIGURES) {
    if (k === 'leaseLiability' || k === 'rouAsset') continue;
    add(catchUpRole(k, classification), DEBIT_SIGN[k] * f[k]);
  }
  add(CURRENT[c], -current);
  add(LIABILITY[c], -(f.leaseLiability - current));
  const ended = f.leaseLiability === 0 && f.rouAsset === 0;
  if (c === 'finance' && accumulatedAmortization && !ended) {
    add(ROU.finance, f.rouAsset + f.amortizationExpense);
    add('Finance ROU accumulated amortization', -f.amortizationExpense);
  } else add(ROU[c], f.rouAsset);
  return net;
}

/**
 * A lease's catch-up entry (CONTRACT 1.11): dated the first day of the first open month, one line per account role
 * whose balance through Closed Through differs from what was posted (recomputed less posted), flagged catchUp. A
 * classification changed in a closed month moves the balances between the operating and finance accounts; the
 * current portion of the liability is caught up on the current account, so the month-end reclass carries on from it.
 */
export function catchUpJournal(p: LeaseCatchUp, closedThrough: IsoDate, options: JournalOptions = {}): JournalLine[] {
  const acc = options.accumulatedAmortization === true;
  const was = closedRoleNet(p.posted, p.postedCurrent, p.postedClassification, acc);
  const now = closedRoleNet(p.recomputed, p.recomputedCurrent, p.recomputedClassification, acc);
  const entry = entryNumber(p.leaseId, p.date, 'Catch-up');
  const lines: JournalLine[] = [];
  for (const role of ACCOUNT_ROLES) {
    const d = (now.get(role) ?? 0) - (was.get(role) ?? 0);
    if (d === 0) continue;
    lines.push({
      date: p.date,
      entity: p.entity,
      leaseId: p.leaseId,
      currency: p.currency,
      entry,
      kind: 'Catch-up',
      role,
      debit: d > 0 ? d : 0,
      credit: d < 0 ? -d : 0,
      memo: `Catch-up: ${role}, through ${closedThrough}, recomputed less posted`,
      catchUp: true,
    });
  }
  return lines;
}
