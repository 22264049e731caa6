/**
 * Journal entries of a lease, as data: one balanced entry per event, one line per account (CONTRACT section 3).
 *
 * Commencement (non-short-term): Dr ROU asset / Cr Lease liability / Cr Cash (day-one payment) / Cr Prepaid rent
 *   (reclassified into the ROU asset) / Cr Initial direct costs / Dr Lease incentives receivable.
 * Each payment that reduces the liability: Dr Lease liability / Cr Cash, dated on the payment date (the month's
 *   start in advance, its end in arrears).
 * Each month end, operating: Dr Operating lease cost (straight-line) / Cr Lease liability (accretion) / Cr ROU asset
 *   (amortization, a debit when negative). Finance: Dr Interest expense / Cr Lease liability, and
 *   Dr Amortization of ROU assets / Cr ROU asset.
 * A remeasurement, partial termination or termination, at the start of its month: the ROU asset and the lease
 *   liability by their adjustments and the gain or loss (and Dr Cash for an incentive received with it); an
 *   impairment: Dr Impairment of ROU assets / Cr ROU asset, on its own date (any day of the month).
 * The end of a finance lease whose ROU asset is amortized over a longer useful life: Dr Owned assets / Cr ROU asset
 *   for what is left.
 * Short-term leases (no asset or liability): each payment Dr Prepaid rent / Cr Cash; each month end Dr Short-term
 *   lease cost / Cr Prepaid rent (straight-line), so Prepaid rent carries the timing difference (a credit balance is
 *   accrued rent); IDC and incentives pass through Prepaid rent at commencement.
 * Each variable payment (VariablePayments), on its date: Dr Variable lease cost / Cr Cash.
 * Amounts of 0.00 make no line, and an entry without lines is not written.
 */
import type { LeaseResult } from '../engine';
import type { GlAccounts } from '../engine/terms';
import type { IsoDate } from '../engine/calendar/dates';
import { transferToOwnedAssets } from './sheets/schedules';

export type AccountKey = keyof GlAccounts;

export type EntryType =
  | 'Commencement'
  | 'Lease payment'
  | 'Operating lease cost'
  | 'Interest'
  | 'Amortization'
  | 'Short-term lease cost'
  | 'Remeasurement'
  | 'Partial termination'
  | 'Termination'
  | 'Impairment'
  | 'Transfer to owned assets'
  | 'Variable lease cost'
  | 'Catch-up';

export interface JournalLine {
  /** 0-based entry number within the lease. */
  entry: number;
  date: IsoDate;
  type: EntryType;
  account: AccountKey;
  /** Cents; exactly one of debit and credit is non-zero. */
  debit: number;
  credit: number;
  memo: string;
  /** A catch-up line (CONTRACT 1.11): the difference between the figures recomputed and posted for closed months. */
  catchUp?: boolean;
}

class Builder {
  readonly lines: JournalLine[] = [];
  /** Entries that have lines so far: the number of the entry being built. */
  private count = 0;
  private hasLines = false;
  private date: IsoDate = '';
  private type: EntryType = 'Commencement';
  private memo = '';

  begin(date: IsoDate, type: EntryType, memo: string): void {
    this.hasLines = false;
    this.date = date;
    this.type = type;
    this.memo = memo;
  }

  /** A line: positive = debit, negative = credit; 0.00 makes no line. */
  line(account: AccountKey, signedDebit: number): void {
    if (signedDebit === 0) return;
    this.hasLines = true;
    this.lines.push({
      entry: this.count,
      date: this.date,
      type: this.type,
      account,
      debit: signedDebit > 0 ? signedDebit : 0,
      credit: signedDebit < 0 ? -signedDebit : 0,
      memo: this.memo,
    });
  }

  end(): void {
    if (this.hasLines) this.count++;
    this.hasLines = false;
  }
}

/** The journal lines of one lease, in date order (entry numbers 0-based within the lease). */
export function leaseJournal(lease: LeaseResult): JournalLine[] {
  const b = new Builder();
  const months = lease.months;
  if (months.length === 0) return b.lines;
  const n = months[months.length - 1].month;
  const shortTerm = months[0].classification === 'short-term';
  const of = (k: number) => `lease month ${k} of ${n}`;

  b.begin(lease.commencement, 'Commencement', shortTerm ? 'Commencement (short-term lease)' : 'Commencement');
  if (shortTerm) {
    b.line('prepaidRent', lease.initialDirectCosts);
    b.line('initialDirectCosts', -lease.initialDirectCosts);
    b.line('leaseIncentives', lease.leaseIncentives);
    b.line('prepaidRent', -lease.leaseIncentives);
  } else {
    b.line('rouAsset', lease.rouAtCommencement);
    b.line('leaseLiability', -lease.liabilityAtCommencement);
    b.line('cash', -lease.dayOnePayment);
    b.line('prepaidRent', -lease.prepaidRent);
    b.line('initialDirectCosts', -lease.initialDirectCosts);
    b.line('leaseIncentives', lease.leaseIncentives);
  }
  b.end();

  const transfer = transferToOwnedAssets(lease);
  let v = 0;
  /** The month's variable payments, between its start-dated entries and its month-end ones (date order). */
  const variable = (k: number): void => {
    for (; v < lease.variablePayments.length && lease.variablePayments[v].month === k; v++) {
      const p = lease.variablePayments[v];
      b.begin(
        p.date,
        'Variable lease cost',
        `Variable lease cost${p.description ? `: ${p.description}` : ''}, ${of(k)}`,
      );
      b.line('variableLeaseCost', p.amount);
      b.line('cash', -p.amount);
      b.end();
    }
  };
  for (let j = 0; j < months.length; j++) {
    const r = months[j];
    const k = r.month;
    if (r.classification === 'short-term') {
      if (r.advancePayment !== 0) {
        b.begin(r.start, 'Lease payment', `Payment in advance, ${of(k)}`);
        b.line('prepaidRent', r.advancePayment);
        b.line('cash', -r.advancePayment);
        b.end();
      }
      variable(k);
      b.begin(r.end, 'Short-term lease cost', `Short-term lease cost, ${of(k)}`);
      b.line('shortTermLeaseCost', r.leaseCost);
      b.line('prepaidRent', -r.leaseCost);
      b.end();
      if (r.arrearsPayment !== 0) {
        b.begin(r.end, 'Lease payment', `Payment, ${of(k)}`);
        b.line('prepaidRent', r.arrearsPayment);
        b.line('cash', -r.arrearsPayment);
        b.end();
      }
      continue;
    }
    if (r.event === 'Partial termination') {
      // Two balanced entries: the derecognized share with its gain or loss, then the remeasurement of the rest
      // (any reduction of the ROU asset below zero being a gain).
      const derecognitionGain = r.liabilityDerecognized - r.rouDerecognized;
      b.begin(r.start, 'Partial termination', `Partial termination: derecognition, ${of(k)}`);
      b.line('leaseLiability', r.liabilityDerecognized);
      b.line('rouAsset', -r.rouDerecognized);
      b.line('gainLoss', -derecognitionGain);
      b.end();
      b.begin(r.start, 'Remeasurement', `Partial termination: remeasurement of the remaining lease, ${of(k)}`);
      b.line('rouAsset', r.rouAdjustment + r.impairment + r.rouDerecognized);
      b.line('leaseLiability', -(r.liabilityAdjustment + r.liabilityDerecognized));
      b.line('gainLoss', -(r.gainLoss - derecognitionGain));
      b.line('cash', r.incentiveReceived);
      b.end();
    } else if (r.event && r.event !== 'Impairment') {
      b.begin(r.start, r.event, `${r.event}, ${of(k)}`);
      b.line('rouAsset', r.rouAdjustment + r.impairment);
      b.line('leaseLiability', -r.liabilityAdjustment);
      b.line('gainLoss', -r.gainLoss);
      b.line('cash', r.incentiveReceived);
      b.end();
    }
    // An impairment dated inside the month is booked on its date, after the month's start-dated entries.
    const impairedOn = r.impairment !== 0 ? (r.impairmentDate ?? r.start) : null;
    const impairment = (): void => {
      b.begin(impairedOn!, 'Impairment', `Impairment of the ROU asset, ${of(k)}`);
      b.line('impairmentLoss', r.impairment);
      b.line('rouAsset', -r.impairment);
      b.end();
    };
    if (impairedOn === r.start) impairment();
    if (r.advancePayment !== 0) {
      b.begin(r.start, 'Lease payment', `Payment in advance, ${of(k)}`);
      b.line('leaseLiability', r.advancePayment);
      b.line('cash', -r.advancePayment);
      b.end();
    }
    variable(k);
    if (impairedOn !== null && impairedOn !== r.start) impairment();
    if (r.classification === 'finance') {
      b.begin(r.end, 'Interest', `Interest on the lease liability, ${of(k)}`);
      b.line('interestExpense', r.interest);
      b.line('leaseLiability', -r.interest);
      b.end();
      b.begin(r.end, 'Amortization', `Amortization of the ROU asset, ${of(k)}`);
      b.line('amortizationExpense', r.amortization);
      b.line('rouAsset', -r.amortization);
      b.end();
    } else {
      b.begin(r.end, 'Operating lease cost', `Straight-line lease cost, ${of(k)}`);
      b.line('operatingLeaseCost', r.leaseCost);
      b.line('leaseLiability', -r.interest);
      b.line('rouAsset', -r.amortization);
      b.end();
    }
    if (r.arrearsPayment !== 0) {
      b.begin(
        r.end,
        'Lease payment',
        r.event === 'Termination' ? `Termination payment, ${of(k)}` : `Payment, ${of(k)}`,
      );
      b.line('leaseLiability', r.arrearsPayment);
      b.line('cash', -r.arrearsPayment);
      b.end();
    }
    if (j === months.length - 1 && transfer !== 0) {
      b.begin(r.end, 'Transfer to owned assets', 'Remaining ROU asset passes to owned assets at the end of the term');
      b.line('ownedAssets', transfer);
      b.line('rouAsset', -transfer);
      b.end();
    }
  }
  return b.lines;
}

/**
 * A lease's journal once months through `closedThrough` are closed (CONTRACT 1.11): the lines dated after it, and
 * first the catch-up entry (dated the first day of the first open month) when the figures computed now through
 * `closedThrough` differ from those posted. Entries are renumbered 0.. within the lease.
 */
export function closedJournal(
  lines: readonly JournalLine[],
  closedThrough: IsoDate,
  catchUp: { date: IsoDate; lines: readonly { figure: AccountKey; debit: number; credit: number }[] } | null,
  memo: (account: AccountKey) => string,
): JournalLine[] {
  const out: JournalLine[] = [];
  if (catchUp && catchUp.lines.length > 0) {
    for (const l of catchUp.lines) {
      out.push({
        entry: 0,
        date: catchUp.date,
        type: 'Catch-up',
        account: l.figure,
        debit: l.debit,
        credit: l.credit,
        memo: memo(l.figure),
        catchUp: true,
      });
    }
  }
  const shift = out.length > 0 ? 1 : 0;
  let first: number | null = null;
  for (const l of lines) {
    if (l.date <= closedThrough) continue;
    if (first === null) first = l.entry;
    out.push({ ...l, entry: l.entry - first + shift });
  }
  return out;
}

/** Number of entries among lines (entries are numbered 0.. within a lease). */
export function entryCount(lines: readonly JournalLine[]): number {
  return lines.length === 0 ? 0 : lines[lines.length - 1].entry + 1;
}
