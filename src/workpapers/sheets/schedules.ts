/**
 * The Schedules sheet: one Excel table, one row per lease-month, all leases, with live formulas where an auditor
 * re-performs the schedule:
 *   Interest base       = ROUND(opening + adjustment - payment in advance, 2)
 *   Accretion/interest  = ROUND(interest base x monthly rate, 2) + rounding adj. + interest true-up
 *   Payments            = in advance + in arrears
 *   Liability closing   = opening + adjustment + accretion/interest - payments
 *   Lease cost          = ROUND(straight-line base / straight-line months, 2) + straight-line true-up (operating,
 *                         short-term); accretion/interest + amortization (finance, impaired operating)
 *   ROU amortization    = lease cost - accretion (operating); ROUND(base / months, 2) + true-up (finance)
 *   ROU closing         = opening + adjustment - amortization
 * Each opening after a lease's first month is the previous row's closing (a formula), so the whole schedule
 * recalculates from the commencement balances, the payments and the rates.
 *
 * The last two columns split a finance lease's payments: the interest each settles (accrued interest first), for the
 * cash flow disclosure (operating cash flows); the rest of the payment is principal (financing cash flows).
 *
 * The final-month true-ups (interest that closes the liability at exactly 0.00, the remainder of a straight-line
 * spread) are their own columns. "Rounding adj." is the cent a spreadsheet's binary ROUND(base x rate, 2) can differ
 * from the engine's exact decimal half-up rounding; it is computed by simulating the spreadsheet's arithmetic
 * (spreadsheetRound.ts) and is 0.00 on almost every row.
 *
 * Short-term leases have no liability or ROU asset: their balance columns are 0.00 values, their payments are the
 * cash of the month and their lease cost is the live straight-line formula. A termination row carries the engine's
 * figures as values (no accretion, cost or amortization in that month).
 */
import { interestSettled } from '../interestSettled';
import { leaseRowLocator } from '../leaseRows';
import type { LeaseResult, Measurement, MonthRow } from '../../engine';
import type { IsoDate } from '../../engine/calendar/dates';
import { sheetRoundedProductCents, sheetRoundedQuotientCents } from '../spreadsheetRound';
import { classificationLabel, col, date, FMT, formula, headerWidths, money, num, text } from '../cells';
import { EXCEL_MAX_ROWS, partSheetName, SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';

/** The columns, in order. */
export const SCHEDULE_HEADERS = [
  'Lease ID',
  'Entity',
  'Currency',
  'Classification',
  'Measurement',
  'Event',
  'Month',
  'Start',
  'End',
  'Annual rate',
  'Monthly rate',
  'Liability opening',
  'Liability adjustment',
  'Payment in advance',
  'Interest base',
  'Accretion / interest',
  'Rounding adj.',
  'Interest true-up',
  'Payment in arrears',
  'Payments',
  'Liability closing',
  'ROU opening',
  'ROU adjustment',
  'Straight-line base',
  'Straight-line months',
  'Straight-line true-up',
  'ROU amortization',
  'ROU closing',
  'Lease cost',
  'Gain (loss)',
  'Impairment',
  'Transfer to owned assets',
  'Final month',
  'Interest paid in advance',
  'Interest paid in arrears',
] as const;

type Header = (typeof SCHEDULE_HEADERS)[number];

function letters(h: Header): string {
  return col(SCHEDULE_HEADERS.indexOf(h) + 1);
}

/** Column letters of the Schedules table, by meaning (used by the Tie-Out and Disclosures formulas). */
export const SC = {
  id: letters('Lease ID'),
  entity: letters('Entity'),
  currency: letters('Currency'),
  classification: letters('Classification'),
  measurement: letters('Measurement'),
  event: letters('Event'),
  month: letters('Month'),
  start: letters('Start'),
  end: letters('End'),
  annualRate: letters('Annual rate'),
  rate: letters('Monthly rate'),
  liabilityOpening: letters('Liability opening'),
  liabilityAdjustment: letters('Liability adjustment'),
  advance: letters('Payment in advance'),
  interestBase: letters('Interest base'),
  interest: letters('Accretion / interest'),
  roundingAdj: letters('Rounding adj.'),
  interestTrueUp: letters('Interest true-up'),
  arrears: letters('Payment in arrears'),
  payments: letters('Payments'),
  liabilityClosing: letters('Liability closing'),
  rouOpening: letters('ROU opening'),
  rouAdjustment: letters('ROU adjustment'),
  spreadBase: letters('Straight-line base'),
  spreadMonths: letters('Straight-line months'),
  spreadTrueUp: letters('Straight-line true-up'),
  amortization: letters('ROU amortization'),
  rouClosing: letters('ROU closing'),
  leaseCost: letters('Lease cost'),
  gainLoss: letters('Gain (loss)'),
  impairment: letters('Impairment'),
  transfer: letters('Transfer to owned assets'),
  final: letters('Final month'),
  interestPaidAdvance: letters('Interest paid in advance'),
  interestPaidArrears: letters('Interest paid in arrears'),
} as const;

/**
 * The Schedules columns that are live formulas re-performing an engine figure, with the MonthRow field each must
 * equal to the cent once recalculated.
 */
export const LIVE_FIGURES: readonly (readonly [column: string, field: keyof MonthRow])[] = [
  [SC.liabilityOpening, 'liabilityStart'],
  [SC.interestBase, 'interestBase'],
  [SC.interest, 'interest'],
  [SC.payments, 'payment'],
  [SC.liabilityClosing, 'liabilityEnd'],
  [SC.rouOpening, 'rouStart'],
  [SC.amortization, 'amortization'],
  [SC.rouClosing, 'rouEnd'],
  [SC.leaseCost, 'leaseCost'],
];

export const SCHEDULE_WIDTHS = headerWidths(
  SCHEDULE_HEADERS,
  [
    12, 14, 8, 12, 15, 18, 6, 11, 11, 10, 16, 16, 14, 14, 16, 14, 11, 11, 14, 14, 16, 16, 14, 16, 10, 12, 14, 16, 14,
    12, 12, 14, 9, 14, 14,
  ],
  8,
);

const COLUMN_FORMATS: (string | undefined)[] = SCHEDULE_HEADERS.map((h) => {
  if (h === 'Month' || h === 'Straight-line months') return FMT.integer;
  if (h === 'Start' || h === 'End') return FMT.date;
  if (h === 'Annual rate') return FMT.percent;
  if (h === 'Monthly rate') return FMT.monthlyRate;
  if (['Lease ID', 'Entity', 'Currency', 'Classification', 'Measurement', 'Event', 'Final month'].includes(h)) {
    return FMT.text;
  }
  return FMT.money;
});

/**
 * The lease months the Schedules hold when every month of every lease would not make a workbook Excel on the web
 * opens: those that overlap the window (a lease month ending on or after `from` and starting on or before `to`).
 */
export interface ScheduleWindow {
  from: IsoDate;
  to: IsoDate;
}

/** Where a lease's rows are. */
export interface SchedulePlace {
  sheet: string;
  /** Sheet row of the lease's first written month (lastRow < firstRow when none is written). */
  firstRow: number;
  /** Sheet row of its last written month. */
  lastRow: number;
  /** Index in lease.months of the first written month (0 without a window). */
  firstIndex: number;
  /** Months written. */
  rows: number;
}

/** The sheet row of lease month index `j` (into lease.months), or null when the window leaves it out. */
export function scheduleRowOf(place: SchedulePlace, j: number): number | null {
  const k = j - place.firstIndex;
  return k >= 0 && k < place.rows ? place.firstRow + k : null;
}

export interface SchedulesLayout {
  sheets: SheetPlan[];
  /** By lease, in input order. */
  places: SchedulePlace[];
  /** Each part: sheet name and its last data row. */
  parts: { sheet: string; table: string; lastRow: number }[];
  /** Null: every month of every lease. */
  window: ScheduleWindow | null;
}

/** The months of a lease inside the window: the first index and how many. */
function windowed(lease: LeaseResult, window: ScheduleWindow | null): { first: number; count: number } {
  const months = lease.months;
  if (!window) return { first: 0, count: months.length };
  let first = 0;
  while (first < months.length && months[first].end < window.from) first++;
  let last = first - 1;
  while (last + 1 < months.length && months[last + 1].start <= window.to) last++;
  return { first, count: Math.max(last - first + 1, 0) };
}

/** How a row's cost and amortization are re-performed. */
type Mode = 'straight-line' | 'amortize' | 'short-term' | 'termination';

interface SpreadPlan {
  total: number;
  months: number;
}

/** Everything a lease's rows need besides the MonthRow: per measurement, the rate and the spread plan. */
interface Prepared {
  lease: LeaseResult;
  byIndex: Map<number, Measurement>;
  rateValue: Map<number, number>;
  annualValue: Map<number, number>;
  shortTermPlans: Map<number, SpreadPlan>;
  /** Finance leases: the interest each month's payments settle (the cash flow disclosure's interest paid). */
  settled: { advance: number; arrears: number }[];
}

function prepare(lease: LeaseResult): Prepared {
  const byIndex = new Map<number, Measurement>();
  const rateValue = new Map<number, number>();
  const annualValue = new Map<number, number>();
  for (const m of lease.measurements) {
    byIndex.set(m.index, m);
    rateValue.set(m.index, Number(m.monthlyRate.text));
    annualValue.set(m.index, Number(m.annualRate));
  }
  const shortTermPlans = new Map<number, SpreadPlan>();
  if (lease.months.length > 0 && lease.months[0].classification === 'short-term') {
    // The engine spreads (payments + prepaid rent + IDC - incentives) over the term; a later change spreads what
    // is not yet recognized (its payments + cost recognized so far - cash paid so far) over the months left.
    let costSoFar = 0;
    let cashSoFar = 0;
    let k = 0;
    for (const m of lease.measurements) {
      const paid = m.payments.reduce((s, p) => s + p.amount, 0);
      const total =
        m.index === 0
          ? paid + lease.prepaidRent + lease.initialDirectCosts - lease.leaseIncentives
          : paid + costSoFar - cashSoFar;
      shortTermPlans.set(m.index, { total, months: m.endMonth - m.startMonth + 1 });
      const next = lease.measurements.find((x) => x.index === m.index + 1);
      const until = next ? next.startMonth : Infinity;
      while (k < lease.months.length && lease.months[k].month < until) {
        costSoFar += lease.months[k].leaseCost;
        cashSoFar += lease.months[k].payment;
        k++;
      }
    }
  }
  return { lease, byIndex, rateValue, annualValue, shortTermPlans, settled: interestSettled(lease) };
}

function modeOf(row: MonthRow, m: Measurement): Mode {
  if (row.event === 'Termination') return 'termination';
  if (row.classification === 'short-term') return 'short-term';
  if (row.classification === 'finance' || m.impaired) return 'amortize';
  return 'straight-line';
}

/** Money cell, or an empty cell for 0.00 (columns where a figure is the exception). */
function moneyOrBlank(cents: number): PlanCell | null {
  return cents === 0 ? null : money(cents);
}

export function measurementLabel(index: number): string {
  return index === 0 ? 'Original' : `Remeasurement ${index}`;
}

/** The ROU asset passed to owned assets at the end of a lease (finance, amortized over a longer useful life). */
export function transferToOwnedAssets(lease: LeaseResult): number {
  const last = lease.months[lease.months.length - 1];
  if (!last || last.classification !== 'finance' || last.event === 'Termination') return 0;
  return last.rouEnd;
}

/** The cells of one schedule row. */
export function scheduleRow(p: Prepared, j: number, r: number, firstWritten = 0): (PlanCell | null)[] {
  const lease = p.lease;
  const row = lease.months[j];
  const m = p.byIndex.get(row.measurement) ?? lease.measurements[lease.measurements.length - 1];
  const rate = p.rateValue.get(m.index) ?? Number(m.monthlyRate.text);
  // The first row written opens with the engine's balances (brought forward when a window starts after month 1).
  const first = j === firstWritten;
  const last = j === lease.months.length - 1;
  const mode = modeOf(row, m);
  const st = mode === 'short-term';
  const term = mode === 'termination';
  const cells: (PlanCell | null)[] = new Array(SCHEDULE_HEADERS.length).fill(null);
  let c = 0;
  cells[c++] = text(lease.id);
  cells[c++] = text(lease.entity);
  cells[c++] = text(lease.currency);
  cells[c++] = text(classificationLabel(row.classification));
  cells[c++] = text(measurementLabel(row.measurement));
  cells[c++] = text(row.event);
  cells[c++] = num(row.month);
  cells[c++] = date(row.start);
  cells[c++] = date(row.end);
  cells[c++] = num(p.annualValue.get(m.index) ?? Number(m.annualRate));
  cells[c++] = num(rate);
  const S = SC;
  // Liability
  cells[c++] = st ? money(0) : first ? money(row.liabilityStart) : formula(`${S.liabilityClosing}${r - 1}`);
  cells[c++] = moneyOrBlank(row.liabilityAdjustment);
  cells[c++] = moneyOrBlank(row.advancePayment);
  cells[c++] = st
    ? money(0)
    : formula(`ROUND(${S.liabilityOpening}${r}+${S.liabilityAdjustment}${r}-${S.advance}${r},2)`);
  let roundingAdj = 0;
  if (st || term) {
    cells[c++] = money(row.interest);
  } else {
    roundingAdj = row.interest - row.interestTrueUp - sheetRoundedProductCents(row.interestBase, rate);
    cells[c++] = formula(`ROUND(${S.interestBase}${r}*${S.rate}${r},2)+${S.roundingAdj}${r}+${S.interestTrueUp}${r}`);
  }
  cells[c++] = moneyOrBlank(roundingAdj);
  cells[c++] = moneyOrBlank(row.interestTrueUp);
  cells[c++] = moneyOrBlank(row.arrearsPayment);
  cells[c++] = formula(`${S.advance}${r}+${S.arrears}${r}`);
  cells[c++] = st
    ? money(0)
    : formula(`${S.liabilityOpening}${r}+${S.liabilityAdjustment}${r}+${S.interest}${r}-${S.payments}${r}`);
  // ROU asset
  cells[c++] = st ? money(0) : first ? money(row.rouStart) : formula(`${S.rouClosing}${r - 1}`);
  cells[c++] = moneyOrBlank(row.rouAdjustment);
  // Straight-line base, months, true-up; amortization; ROU closing; lease cost
  const spreadAt = c;
  let plan: SpreadPlan | null = null;
  if (mode === 'straight-line') plan = { total: m.straightLineTotal, months: m.endMonth - m.startMonth + 1 };
  else if (mode === 'amortize') plan = { total: m.rou, months: m.amortizationMonths };
  else if (mode === 'short-term') plan = p.shortTermPlans.get(m.index) ?? null;
  const i = row.month - m.startMonth + 1;
  const live = plan !== null && plan.months >= 1 && i <= plan.months;
  const spreadFigure = mode === 'amortize' ? row.amortization : row.leaseCost;
  const trueUp = live && plan ? spreadFigure - sheetRoundedQuotientCents(plan.total, plan.months) : 0;
  cells[spreadAt] = plan ? money(plan.total) : null;
  cells[spreadAt + 1] = plan ? num(plan.months) : null;
  cells[spreadAt + 2] = moneyOrBlank(trueUp);
  const spreadFormula = `ROUND(${S.spreadBase}${r}/${S.spreadMonths}${r},2)+${S.spreadTrueUp}${r}`;
  let amortization: PlanCell;
  let cost: PlanCell;
  if (mode === 'straight-line' && live) {
    cost = formula(spreadFormula);
    amortization = formula(`${S.leaseCost}${r}-${S.interest}${r}`);
  } else if (mode === 'amortize') {
    amortization = live ? formula(spreadFormula) : money(row.amortization);
    cost = formula(`${S.interest}${r}+${S.amortization}${r}`);
  } else if (mode === 'short-term' && live) {
    cost = formula(spreadFormula);
    amortization = money(0);
  } else {
    cost = money(row.leaseCost);
    amortization = money(row.amortization);
  }
  cells[spreadAt + 3] = amortization;
  cells[spreadAt + 4] = st ? money(0) : formula(`${S.rouOpening}${r}+${S.rouAdjustment}${r}-${S.amortization}${r}`);
  cells[spreadAt + 5] = cost;
  c = spreadAt + 6;
  cells[c++] = moneyOrBlank(row.gainLoss);
  cells[c++] = moneyOrBlank(row.impairment);
  cells[c++] = last ? moneyOrBlank(transferToOwnedAssets(lease)) : null;
  cells[c++] = last ? text('Yes') : null;
  cells[c++] = moneyOrBlank(p.settled[j].advance);
  cells[c++] = moneyOrBlank(p.settled[j].arrears);
  return cells;
}

/**
 * Lays the schedules out over as many sheets as needed (whole leases per sheet; a sheet holds `maxRows` rows,
 * header included). `maxRows` is Excel's limit except in tests.
 */
export function schedulesLayout(
  leases: readonly LeaseResult[],
  maxRows: number = EXCEL_MAX_ROWS,
  window: ScheduleWindow | null = null,
): SchedulesLayout {
  const capacity = maxRows - 1;
  const places: SchedulePlace[] = [];
  const parts: { sheet: string; table: string; leases: number[]; rows: number }[] = [];
  let part: (typeof parts)[number] | null = null;
  leases.forEach((lease, idx) => {
    const { first, count: n } = windowed(lease, window);
    if (n > capacity) throw new RangeError(`lease ${lease.id} has ${n} months, more than a sheet holds`);
    if (!part || part.rows + n > capacity) {
      const k = parts.length + 1;
      part = {
        sheet: partSheetName(SHEET.schedules, k),
        table: k === 1 ? 'LeaseSchedule' : `LeaseSchedule${k}`,
        leases: [],
        rows: 0,
      };
      parts.push(part);
    }
    places[idx] = {
      sheet: part.sheet,
      firstRow: 2 + part.rows,
      lastRow: 1 + part.rows + n,
      firstIndex: first,
      rows: n,
    };
    part.leases.push(idx);
    part.rows += n;
  });
  if (parts.length === 0) {
    parts.push({ sheet: SHEET.schedules, table: 'LeaseSchedule', leases: [], rows: 0 });
  }
  const sheets = parts.map((pt): SheetPlan => {
    const locate = leaseRowLocator(
      pt.leases.map((idx) => places[idx].rows),
      (k) => ({ prepared: prepare(leases[pt.leases[k]]), first: places[pt.leases[k]].firstIndex }),
    );
    const lastRow = 1 + pt.rows;
    return {
      name: pt.sheet,
      rows: [SCHEDULE_HEADERS.map((h) => ({ value: h, bold: true }))],
      blocks:
        pt.rows > 0
          ? [
              {
                firstRow: 2,
                rowCount: pt.rows,
                columnFormats: COLUMN_FORMATS,
                row(i: number) {
                  const { offset, prepared } = locate(i);
                  return scheduleRow(prepared.prepared, prepared.first + offset, 2 + i, prepared.first);
                },
              },
            ]
          : [],
      columnWidths: SCHEDULE_WIDTHS,
      frozenRows: 1,
      frozenColumns: 1,
      tables: [
        {
          name: pt.table,
          range: `A1:${col(SCHEDULE_HEADERS.length)}${Math.max(lastRow, 2)}`,
          style: 'TableStyleLight9',
        },
      ],
      tabColor: '#1F4E79',
    };
  });
  return {
    sheets,
    places,
    parts: parts.map((pt) => ({ sheet: pt.sheet, table: pt.table, lastRow: Math.max(1 + pt.rows, 2) })),
    window,
  };
}
