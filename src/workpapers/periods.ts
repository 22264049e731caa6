/**
 * Calendar and fiscal periods for the roll-forward and the disclosures, and the ledger view of a lease: every
 * balance-sheet movement with the date it is booked on (the dates of the journal entries), so a balance "at a date"
 * is the sum of the movements booked on or before it.
 */
import type { LeaseResult } from '../engine';
import { daysInMonth, eomonth, parseIso, formatIso, type IsoDate } from '../engine/calendar/dates';
import { transferToOwnedAssets } from './sheets/schedules';

/** Months since year 0: a sortable key of a calendar month. */
export function monthKey(date: IsoDate): number {
  const { year, month } = parseIso(date);
  return year * 12 + month - 1;
}

export function monthStartOf(key: number): IsoDate {
  return formatIso({ year: Math.floor(key / 12), month: (key % 12) + 1, day: 1 });
}

export function monthEndOf(key: number): IsoDate {
  const year = Math.floor(key / 12);
  const month = (key % 12) + 1;
  return formatIso({ year, month, day: daysInMonth(year, month) });
}

/** "2025-03" */
export function monthLabel(key: number): string {
  const m = (key % 12) + 1;
  return `${Math.floor(key / 12)}-${m < 10 ? '0' : ''}${m}`;
}

/** The fiscal year a month belongs to, named by the calendar year it ends in (FY2025). */
export function fiscalYearOfKey(key: number, fiscalYearEndMonth: number): number {
  const year = Math.floor(key / 12);
  const month = (key % 12) + 1;
  return month > fiscalYearEndMonth ? year + 1 : year;
}

/** Month key of the first month of fiscal year `fy`. */
export function fiscalYearStartKey(fy: number, fiscalYearEndMonth: number): number {
  // FY fy ends in month `fiscalYearEndMonth` of year fy; it starts 11 months before.
  return fy * 12 + fiscalYearEndMonth - 12;
}

/** Fiscal quarter (1..4) of a month. */
export function fiscalQuarterOfKey(key: number, fiscalYearEndMonth: number): number {
  const fy = fiscalYearOfKey(key, fiscalYearEndMonth);
  return Math.floor((key - fiscalYearStartKey(fy, fiscalYearEndMonth)) / 3) + 1;
}

export function isMonthEnd(date: IsoDate): boolean {
  return eomonth(date, 0) === date;
}

/** Where a balance-sheet movement goes in the roll-forward. */
export type MovementKind =
  | 'addition'
  | 'interest'
  | 'payment'
  | 'remeasurement'
  | 'termination'
  | 'reclassification'
  | 'amortization'
  | 'impairment'
  | 'transfer';

/**
 * Calls `emit` for every balance-sheet movement of a lease (short-term leases have none), with the date it is
 * booked on and the classification it belongs to. Liability and ROU amounts are signed (increase positive).
 */
export function forEachMovement(
  lease: LeaseResult,
  emit: (date: IsoDate, classification: string, kind: MovementKind, liability: number, rou: number) => void,
): void {
  const months = lease.months;
  if (months.length === 0 || months[0].classification === 'short-term') return;
  emit(
    lease.commencement,
    months[0].classification,
    'addition',
    lease.liabilityAtCommencement,
    lease.rouAtCommencement,
  );
  let previous: string = months[0].classification;
  const transfer = transferToOwnedAssets(lease);
  for (let j = 0; j < months.length; j++) {
    const r = months[j];
    const c = r.classification;
    if (c !== previous) {
      emit(r.start, previous, 'reclassification', -r.liabilityStart, -r.rouStart);
      emit(r.start, c, 'reclassification', r.liabilityStart, r.rouStart);
      previous = c;
    }
    if (r.event) {
      const kind: MovementKind =
        r.event === 'Remeasurement' ? 'remeasurement' : r.event === 'Impairment' ? 'impairment' : 'termination';
      if (r.impairment !== 0) emit(r.impairmentDate ?? r.start, c, 'impairment', 0, -r.impairment);
      if (r.event === 'Partial termination') {
        // What the partial termination derecognizes is a termination; the rest remeasures what is left.
        if (r.liabilityDerecognized !== 0 || r.rouDerecognized !== 0) {
          emit(r.start, c, 'termination', -r.liabilityDerecognized, -r.rouDerecognized);
        }
        const liability = r.liabilityAdjustment + r.liabilityDerecognized;
        const rou = r.rouAdjustment + r.impairment + r.rouDerecognized;
        if (liability !== 0 || rou !== 0) emit(r.start, c, 'remeasurement', liability, rou);
      } else {
        const rest = r.rouAdjustment + r.impairment;
        if (r.liabilityAdjustment !== 0 || rest !== 0) {
          emit(r.start, c, kind === 'impairment' ? 'remeasurement' : kind, r.liabilityAdjustment, rest);
        }
      }
    }
    if (r.advancePayment !== 0) emit(r.start, c, 'payment', -r.advancePayment, 0);
    if (r.interest !== 0) emit(r.end, c, 'interest', r.interest, 0);
    if (r.amortization !== 0) emit(r.end, c, 'amortization', 0, -r.amortization);
    if (r.arrearsPayment !== 0) emit(r.end, c, 'payment', -r.arrearsPayment, 0);
    if (j === months.length - 1 && transfer !== 0) emit(r.end, c, 'transfer', 0, -transfer);
  }
}
