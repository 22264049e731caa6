/**
 * Payments the Schedules do not show, listed on the Tie-Out so every figure built on them stays a formula:
 *
 * - "Payments not in the Schedules": the payments of a measurement that a later modification replaced in the
 *   Schedules: the original measurement's (its PV is part of the liability at commencement, re-performed on the
 *   Tie-Out with a discount factor each) and the measurement in force at a disclosure date when a modification after
 *   that date is already entered (the maturity analysis at that date lists them: a modification after the Reporting
 *   Date does not change the liability at it).
 * - "Measurements in force at a disclosure date": for those leases, the remaining lease term and the liability 12
 *   months later under the measurement in force (the current portion), as the engine computes them.
 */
import type { IsoDate } from '../../engine/calendar/dates';
import type { LeaseResult } from '../../engine';
import { col, date, FMT, formula, formulaText, money, num, sheetRef, text } from '../cells';
import type { LeaseAtDate } from '../disclosureFigures';
import { paymentDate } from '../disclosureFigures';
import { SHEET } from '../names';
import type { PlanCell, PlanTable } from '../plan';
import { measurementLabel } from './schedules';

export const UNSCHEDULED_HEADERS = [
  'Lease ID',
  'Measurement',
  'Payment date',
  't (months)',
  'Timing',
  'Amount',
  'Discount factor',
  'Present value',
] as const;
export const IN_FORCE_HEADERS = [
  'Lease ID',
  'Disclosure date',
  'Measurement in force',
  'Remaining months',
  'Liability 12 months later',
] as const;

interface PaymentRow {
  lease: number;
  id: string;
  measurement: string;
  date: IsoDate;
  t: number;
  timing: string;
  amount: number;
  original: boolean;
}

export interface UnscheduledPayments {
  /** SUMIFS of the amounts of a lease's measurement, with further criteria on the payment date ("">"&$B$6"). */
  amountSum(leaseId: string, measurement: string, dateCriteria: string[]): string;
  /** The PV of the original measurement's payments the Schedules do not show (0 when none). */
  originalPv(leaseId: string): string;
  /** The in-force cell of a lease at a date (remaining months or liability 12 months later), sheet-qualified. */
  inForce(lease: number, at: IsoDate, what: 'months' | 'liabilityIn12'): string;
  place(put: (r: number, c: number, cell: PlanCell | null) => void, rateCell: (lease: number) => string | null): void;
  tables: PlanTable[];
  widths: number[];
}

export function unscheduledPayments(args: {
  leases: readonly LeaseResult[];
  /** Leases at each disclosure date. */
  atDates: { date: IsoDate; leases: readonly LeaseAtDate[] }[];
  firstCol: number;
  headerRow: number;
}): UnscheduledPayments {
  const { leases, firstCol, headerRow } = args;
  const rows: PaymentRow[] = [];
  const seen = new Set<string>();
  leases.forEach((lease, li) => {
    const j = lease.months.findIndex((m) => m.event !== null);
    if (j < 0 || lease.months[0].classification === 'short-term') return;
    const from = lease.months[j].month;
    for (const p of lease.measurements[0].payments) {
      if (p.month < from) continue;
      const d = paymentDate(lease, p.month, p.timing);
      rows.push({
        lease: li,
        id: lease.id,
        measurement: measurementLabel(0),
        date: d,
        t: p.t,
        timing: p.timing,
        amount: p.amount,
        original: true,
      });
    }
    seen.add(`${li}|0`);
  });
  const inForce: { lease: number; at: IsoDate; a: LeaseAtDate }[] = [];
  for (const { date: at, leases: list } of args.atDates) {
    for (const a of list) {
      if (a.laterEventRow === null) continue;
      inForce.push({ lease: a.lease, at, a });
      const key = `${a.lease}|${a.measurement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lease = leases[a.lease];
      const m = lease.measurements.find((x) => x.index === a.measurement)!;
      for (const p of a.unscheduled) {
        const t = m.payments.find((q) => q.month === p.month && q.timing === p.timing)?.t ?? p.month;
        rows.push({
          lease: a.lease,
          id: lease.id,
          measurement: measurementLabel(a.measurement),
          date: p.date,
          t,
          timing: p.timing,
          amount: p.amount,
          original: false,
        });
      }
    }
  }
  const U = UNSCHEDULED_HEADERS.map((_, i) => col(firstCol + i));
  const inCol = firstCol + UNSCHEDULED_HEADERS.length + 1;
  const F = IN_FORCE_HEADERS.map((_, i) => col(inCol + i));
  const first = headerRow + 1;
  const last = Math.max(headerRow + rows.length, first);
  const t = sheetRef(SHEET.tieOut);
  const rng = (c: string) => `${t}$${c}$${first}:$${c}$${last}`;
  const key = (s: string) => formulaText(`=${s.replace(/[~*?]/g, '~$&')}`);
  const inForceRow = new Map(inForce.map((x, k) => [`${x.lease}|${x.at}`, first + k]));
  return {
    amountSum(leaseId, measurement, dateCriteria) {
      if (rows.length === 0) return '0';
      const extra = dateCriteria.map((c) => `,${rng(U[2])},${c}`).join('');
      return `SUMIFS(${rng(U[5])},${rng(U[0])},${key(leaseId)},${rng(U[1])},${key(measurement)}${extra})`;
    },
    originalPv(leaseId) {
      if (rows.length === 0) return '0';
      return `SUMIFS(${rng(U[7])},${rng(U[0])},${key(leaseId)},${rng(U[1])},${key(measurementLabel(0))})`;
    },
    inForce(lease, at, what) {
      const r = inForceRow.get(`${lease}|${at}`);
      if (r === undefined) throw new Error(`no measurement in force listed for lease ${lease} at ${at}`);
      return `${t}$${what === 'months' ? F[3] : F[4]}$${r}`;
    },
    place(put, rateCell) {
      if (rows.length > 0) {
        put(headerRow - 1, firstCol, text('Payments not in the Schedules', true));
        put(
          headerRow - 1,
          firstCol + 2,
          text(
            'Payments of a measurement a later modification replaced in the Schedules. Original: discount factor = (1 + monthly rate re-performed)^-t, part of the liability at commencement. ' +
              'A measurement in force at a disclosure date: in the maturity analysis at that date.',
          ),
        );
        UNSCHEDULED_HEADERS.forEach((h, i) => put(headerRow, firstCol + i, text(h, true)));
        rows.forEach((p, k) => {
          const r = first + k;
          const rate = p.original ? rateCell(p.lease) : null;
          [
            text(p.id),
            text(p.measurement),
            date(p.date),
            num(p.t, FMT.integer),
            text(p.timing),
            money(p.amount),
            rate ? formula(`(1+${rate})^-${U[3]}${r}`, FMT.monthlyRate) : null,
            rate ? formula(`${U[5]}${r}*${U[6]}${r}`, FMT.money) : null,
          ].forEach((c, i) => put(r, firstCol + i, c));
        });
      }
      if (inForce.length > 0) {
        put(headerRow - 1, inCol, text('Measurements in force at a disclosure date', true));
        IN_FORCE_HEADERS.forEach((h, i) => put(headerRow, inCol + i, text(h, true)));
        inForce.forEach((x, k) => {
          const r = first + k;
          [
            text(leases[x.lease].id),
            date(x.at),
            text(measurementLabel(x.a.measurement)),
            num(x.a.remainingMonths, FMT.integer),
            money(x.a.liabilityIn12),
          ].forEach((c, i) => put(r, inCol + i, c));
        });
      }
    },
    tables: [
      ...(rows.length > 0
        ? [{ name: 'UnscheduledPayments', range: `${U[0]}${headerRow}:${U[7]}${last}`, style: 'TableStyleLight9' }]
        : []),
      ...(inForce.length > 0
        ? [
            {
              name: 'MeasurementsInForce',
              range: `${F[0]}${headerRow}:${F[4]}${headerRow + inForce.length}`,
              style: 'TableStyleLight9',
            },
          ]
        : []),
    ],
    widths: [
      ...UNSCHEDULED_HEADERS.map((h, i) => (i === 6 ? 16 : Math.max(11, h.length + 2))),
      3,
      ...IN_FORCE_HEADERS.map((h) => Math.max(12, h.length + 2)),
    ],
  };
}
