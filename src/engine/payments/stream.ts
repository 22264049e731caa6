import { Decimal } from '../money/decimal';
import { assertCents, roundHalfUpDivBig, type Cents } from '../money/cents';
import { leaseMonthOf, leaseMonthStart } from '../calendar/dates';
import { PAYMENTS_PER_YEAR, type LeaseTerms } from '../terms';
import type { ScheduledPayment } from '../schedule/types';

/** "New Payment" of a remeasurement: the regular amount of every period starting at or after `fromMonth`. */
export interface RentReset {
  fromMonth: number;
  amount: Cents;
}

/** What the stream depends on besides the lease's own terms (all can change at a remeasurement). */
export interface StreamOptions {
  termMonths: number;
  resets?: RentReset[];
  purchaseOptionCertain: boolean;
  residualValueGuarantee: Cents;
  purchaseOptionPrice: Cents;
}

const factors = new Map<string, { numerator: bigint; denominator: bigint }>();

/** 1 + e as an exact fraction numerator / denominator (e is a finite decimal). */
function growthFactor(escalation: Decimal): { numerator: bigint; denominator: bigint } {
  const key = escalation.toString();
  let f = factors.get(key);
  if (!f) {
    f = exactGrowthFactor(escalation);
    factors.set(key, f);
  }
  return f;
}

function exactGrowthFactor(escalation: Decimal): { numerator: bigint; denominator: bigint } {
  const places = Math.max(0, escalation.decimalPlaces());
  const denominator = 10n ** BigInt(places);
  return { numerator: denominator + BigInt(escalation.times(new Decimal(10).pow(places)).toFixed(0)), denominator };
}

/** round(amount x (1 + e)), half-up to the cent: one year's escalation of a payment. Exact. */
export function escalate(amount: Cents, escalation: Decimal): Cents {
  if (escalation.isZero()) return amount;
  const { numerator, denominator } = growthFactor(escalation);
  return assertCents(Number(roundHalfUpDivBig(BigInt(amount) * numerator, denominator)), 'escalated payment');
}

/**
 * The regular stream: one payment per period of 12/p months starting at months 1, 1 + 12/p, ...
 * In advance it is paid on the period's first day (t = start - 1); in arrears on its last day (t = start - 1 + 12/p,
 * capped at the end of the term for a final short period). Year-1 payments are `payment`; each later lease year's
 * payment is the previous year's escalated and rounded to the cent (a chain). Periods starting in the first
 * `freeRentMonths` months are free. A reset replaces the amount of periods starting at or after its month, and
 * later years escalate from it on the original anniversaries.
 */
export function regularPayments(terms: LeaseTerms, opts: StreamOptions): ScheduledPayment[] {
  const n = opts.termMonths;
  const periodMonths = 12 / PAYMENTS_PER_YEAR[terms.frequency];
  const resets = [...(opts.resets ?? [])].sort((a, b) => a.fromMonth - b.fromMonth);
  const out: ScheduledPayment[] = [];
  let yearAmount = terms.payment;
  let year = 0;
  let resetIdx = 0;
  for (let start = 1; start <= n; start += periodMonths) {
    const y = Math.floor((start - 1) / 12);
    while (year < y) {
      yearAmount = escalate(yearAmount, terms.annualEscalation);
      year++;
    }
    while (resetIdx < resets.length && resets[resetIdx].fromMonth <= start) {
      yearAmount = resets[resetIdx].amount;
      resetIdx++;
    }
    const amount = start <= terms.freeRentMonths ? 0 : yearAmount;
    if (terms.timing === 'Advance') {
      out.push({ t: start - 1, month: start, timing: 'advance', kind: 'regular', amount });
    } else {
      const t = Math.min(start - 1 + periodMonths, n);
      out.push({ t, month: t, timing: 'arrears', kind: 'regular', amount });
    }
  }
  return out;
}

/**
 * The `LeasePayments` stream: a payment dated on a lease-month start is in advance for that month; any other date
 * inside a lease month is paid at that month's end. Payments after the term (after a term cut) fall away. A reset
 * (New Payment) replaces the amount of each payment from its month on.
 */
export function irregularPayments(
  terms: LeaseTerms,
  termMonths: number,
  resets: readonly RentReset[] = [],
): ScheduledPayment[] {
  const out: ScheduledPayment[] = [];
  for (const p of terms.irregularPayments) {
    const k = leaseMonthOf(terms.commencement, p.date);
    if (k < 1 || k > termMonths) continue;
    // A New Payment replaces the amount of every payment of the stream in its effective month or later (the latest
    // such reset wins).
    let amount = p.amount;
    for (const r of resets) if (r.fromMonth <= k) amount = r.amount;
    if (leaseMonthStart(terms.commencement, k) === p.date) {
      out.push({ t: k - 1, month: k, timing: 'advance', kind: 'irregular', amount });
    } else {
      out.push({ t: k, month: k, timing: 'arrears', kind: 'irregular', amount });
    }
  }
  return out;
}

/** Every lease payment of CONTRACT 1.4, sorted by the month it is paid in (advance before arrears). */
export function leasePayments(terms: LeaseTerms, opts: StreamOptions): ScheduledPayment[] {
  const stream =
    terms.irregularPayments.length > 0
      ? irregularPayments(
          terms,
          opts.termMonths,
          [...(opts.resets ?? [])].sort((a, b) => a.fromMonth - b.fromMonth),
        )
      : regularPayments(terms, opts);
  const n = opts.termMonths;
  if (opts.residualValueGuarantee > 0) {
    stream.push({
      t: n,
      month: n,
      timing: 'arrears',
      kind: 'residual value guarantee',
      amount: opts.residualValueGuarantee,
    });
  }
  if (opts.purchaseOptionCertain && opts.purchaseOptionPrice > 0) {
    stream.push({ t: n, month: n, timing: 'arrears', kind: 'purchase option', amount: opts.purchaseOptionPrice });
  }
  return stream.sort((a, b) => a.t - b.t || (a.timing === b.timing ? 0 : a.timing === 'advance' ? -1 : 1));
}

/** Undiscounted total of payments. */
export function totalOf(payments: readonly ScheduledPayment[]): Cents {
  let s = 0;
  for (const p of payments) s += p.amount;
  return s;
}
