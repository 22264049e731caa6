/**
 * The Tie-Out's proof of each remeasurement (CONTRACT 1.10): two tables to the right of the lease tie-out.
 *
 * "Remeasurements": one row per remeasurement, partial termination or impairment booked in the Schedules (leases
 * that are not short-term). Liability and ROU figures before and after are links to the schedule's event row; the
 * amounts a partial termination derecognizes are the engine's values; the rest are live formulas:
 *   PV of the revised payments = ROUND(SUMPRODUCT(amounts, discount factors), 2) over the lease's rows of the
 *                                "Remeasured payments" table (remeasurements and partial terminations only)
 *   Expected ROU after         = MAX(0, ROU before - ROU derecognized + (liability after - liability before
 *                                + liability derecognized)) - impairment
 * i.e. the ROU asset moves with the remeasured liability, a partial termination first removes its share, and a
 * reduction below zero is a gain (the ROU stops at 0.00).
 *
 * "Remeasured payments": the payments from the effective month m on whose present value is the new liability, each
 * with its discount factor (1 + monthly rate)^-(t - (m - 1)) (the rate linked to the schedule's event row) and PV.
 *
 * The PV is computed in binary floating point by the spreadsheet; it differs from the engine's exact decimal by far
 * less than a cent, so ROUND(..., 2) gives the engine's figure (a PV sitting within a rounding error of a half-cent
 * would be the exception, as for any ROUND of a product).
 */
import type { LeaseResult, MonthRow, ScheduledPayment } from '../../engine';
import { col, FMT, formula, money, num, sheetRef, text } from '../cells';
import type { PlanCell, PlanTable } from '../plan';
import { measurementLabel, SC, type SchedulePlace, scheduleRowOf } from './schedules';

/** One event proved by the tables. */
export interface RemeasurementEvent {
  lease: LeaseResult;
  row: MonthRow;
  /** Sheet row of the event in the Schedules. */
  place: SchedulePlace;
  scheduleRow: number;
  /** The revised payments (remeasurement, partial termination), or null (impairment: no new liability). */
  payments: ScheduledPayment[] | null;
}

/** The events of the portfolio worth proving, in lease then month order. */
export function remeasurementEvents(
  leases: readonly LeaseResult[],
  places: readonly SchedulePlace[],
): RemeasurementEvent[] {
  const out: RemeasurementEvent[] = [];
  leases.forEach((lease, idx) => {
    const place = places[idx];
    lease.months.forEach((row, j) => {
      if (row.classification === 'short-term') return;
      if (row.event !== 'Remeasurement' && row.event !== 'Partial termination' && row.event !== 'Impairment') return;
      const m = lease.measurements.find((x) => x.index === row.measurement);
      const payments = row.event === 'Impairment' || !m || m.startMonth !== row.month ? null : m.payments;
      // An event the Schedules' window leaves out has no rows to prove it from (README, "Scale").
      const scheduleRow = scheduleRowOf(place, j);
      if (scheduleRow === null) return;
      out.push({ lease, row, place, scheduleRow, payments });
    });
  });
  return out;
}

export const REMEASUREMENT_HEADERS = [
  'Lease ID',
  'Event',
  'Measurement',
  'Effective month',
  'Monthly rate',
  'Liability before',
  'Liability derecognized',
  'Liability after',
  'PV of revised payments',
  'ROU before',
  'ROU derecognized',
  'Impairment',
  'Incentive received',
  'Expected ROU after',
  'ROU after',
] as const;

export const PAYMENT_HEADERS = [
  'Lease ID',
  'Measurement',
  'Effective month',
  't (months)',
  'Payment month',
  'Timing',
  'Amount',
  'Discount factor',
  'Present value',
] as const;

/** Cells of one remeasurement the checks table compares. */
export interface RemeasurementCells {
  event: RemeasurementEvent;
  liabilityAfter: string;
  /** Null for an impairment. */
  presentValue: string | null;
  rouAfter: string;
  expectedRouAfter: string;
}

export interface RemeasurementProof {
  cells: RemeasurementCells[];
  /** Place the two tables (header row given), returning their tables and column widths from firstCol on. */
  place(put: (r: number, c: number, cell: PlanCell | null) => void): void;
  tables: PlanTable[];
  widths: number[];
}

/**
 * Lays out both tables from column `firstCol` (1-based) with their headers on `headerRow`. `place` writes the cells;
 * `cells` names the ones the checks table refers to.
 */
export function remeasurementProof(
  events: readonly RemeasurementEvent[],
  firstCol: number,
  headerRow: number,
): RemeasurementProof {
  const R = Object.fromEntries(REMEASUREMENT_HEADERS.map((h, i) => [h, col(firstCol + i)])) as Record<
    (typeof REMEASUREMENT_HEADERS)[number],
    string
  >;
  const payFirstCol = firstCol + REMEASUREMENT_HEADERS.length + 1;
  const P = Object.fromEntries(PAYMENT_HEADERS.map((h, i) => [h, col(payFirstCol + i)])) as Record<
    (typeof PAYMENT_HEADERS)[number],
    string
  >;
  const first = headerRow + 1;
  const cells: RemeasurementCells[] = [];
  const writes: [number, number, PlanCell | null][] = [];
  let payRow = first;
  events.forEach((e, k) => {
    const r = first + k;
    const s = sheetRef(e.place.sheet);
    const sr = e.scheduleRow;
    const row = e.row;
    let pv: string | null = null;
    let pvCell: PlanCell | null = text('n/a (impairment)');
    if (e.payments) {
      const from = payRow;
      for (const p of e.payments) {
        const pr = payRow++;
        [
          text(e.lease.id),
          text(measurementLabel(row.measurement)),
          num(row.month, FMT.integer),
          num(p.t, FMT.integer),
          num(p.month, FMT.integer),
          text(p.timing),
          money(p.amount),
          formula(
            `(1+$${R['Monthly rate']}$${r})^-(${P['t (months)']}${pr}-(${P['Effective month']}${pr}-1))`,
            '0.000000000000',
          ),
          formula(`${P.Amount}${pr}*${P['Discount factor']}${pr}`, FMT.money),
        ].forEach((c, i) => writes.push([pr, payFirstCol + i, c]));
      }
      const to = payRow - 1;
      pv = `${R['PV of revised payments']}${r}`;
      pvCell = formula(
        to < from
          ? '0'
          : `ROUND(SUMPRODUCT(${P.Amount}${from}:${P.Amount}${to},${P['Discount factor']}${from}:${P['Discount factor']}${to}),2)`,
        FMT.money,
      );
    }
    const x = (h: (typeof REMEASUREMENT_HEADERS)[number]) => `${R[h]}${r}`;
    [
      text(e.lease.id),
      text(row.event),
      text(measurementLabel(row.measurement)),
      num(row.month, FMT.integer),
      formula(`${s}${SC.rate}${sr}`, FMT.monthlyRate),
      formula(`${s}${SC.liabilityOpening}${sr}`, FMT.money),
      money(row.liabilityDerecognized),
      formula(`${s}${SC.liabilityOpening}${sr}+N(${s}${SC.liabilityAdjustment}${sr})`, FMT.money),
      pvCell,
      formula(`${s}${SC.rouOpening}${sr}`, FMT.money),
      money(row.rouDerecognized),
      formula(`N(${s}${SC.impairment}${sr})`, FMT.money),
      money(row.incentiveReceived),
      formula(
        `MAX(0,${x('ROU before')}-${x('ROU derecognized')}+(${x('Liability after')}-${x('Liability before')}+${x('Liability derecognized')}))-${x('Impairment')}-${x('Incentive received')}`,
        FMT.money,
      ),
      formula(`${s}${SC.rouOpening}${sr}+N(${s}${SC.rouAdjustment}${sr})`, FMT.money),
    ].forEach((c, i) => writes.push([r, firstCol + i, c]));
    cells.push({
      event: e,
      liabilityAfter: x('Liability after'),
      presentValue: pv,
      rouAfter: x('ROU after'),
      expectedRouAfter: x('Expected ROU after'),
    });
  });
  const lastEvent = Math.max(first + events.length - 1, first);
  const lastPay = Math.max(payRow - 1, first);
  return {
    cells,
    place(put) {
      if (events.length === 0) return;
      put(headerRow - 1, firstCol, text('Remeasurements', true));
      put(
        headerRow - 1,
        firstCol + 2,
        text(
          `Liability after = PV of the revised payments (${R['PV of revised payments']}, re-performed from the remeasured payments); ` +
            `${R['Expected ROU after']} = MAX(0, ROU before - ROU derecognized + liability after - liability before + liability derecognized) - impairment - incentive received.`,
        ),
      );
      put(headerRow - 1, payFirstCol, text('Remeasured payments', true));
      put(
        headerRow - 1,
        payFirstCol + 2,
        text('Discount factor = (1 + monthly rate)^-(t - (effective month - 1)); present value = amount x factor.'),
      );
      REMEASUREMENT_HEADERS.forEach((h, i) => put(headerRow, firstCol + i, text(h, true)));
      PAYMENT_HEADERS.forEach((h, i) => put(headerRow, payFirstCol + i, text(h, true)));
      for (const [r, c, cell] of writes) put(r, c, cell);
    },
    tables:
      events.length === 0
        ? []
        : [
            {
              name: 'Remeasurements',
              range: `${R['Lease ID']}${headerRow}:${R['ROU after']}${lastEvent}`,
              style: 'TableStyleLight9',
            },
            ...(payRow > first
              ? [
                  {
                    name: 'RemeasuredPayments',
                    range: `${P['Lease ID']}${headerRow}:${P['Present value']}${lastPay}`,
                    style: 'TableStyleLight9',
                  },
                ]
              : []),
          ],
    widths: [
      ...REMEASUREMENT_HEADERS.map((h, i) => (i === 4 ? 16 : Math.max(12, Math.ceil(h.length * 1.1) + 1))),
      3,
      ...PAYMENT_HEADERS.map((h, i) => (i === 7 ? 16 : Math.max(10, Math.ceil(h.length * 1.1) + 1))),
    ],
  };
}
