/**
 * The tables at the foot of the Disclosures sheet that the disclosed figures add up, every figure a formula:
 *
 * - Leases at a date (the Reporting Date, and the prior fiscal year end): one row per lease carrying a balance then.
 *   Liability and ROU asset link to the Schedules cells of the date. Undiscounted payments and each maturity bucket
 *   are SUMIFS of the lease's Schedules payments dated after the date (in advance on the lease month's Start, in
 *   arrears on its End), plus the payments of its measurement in force that the Schedules do not show (a modification
 *   after the date is already entered: listed on the Tie-Out). Imputed interest is the accretion/interest the Schedules
 *   recognize after the date (or undiscounted - liability when a later modification is entered). Current = liability
 *   - the liability 12 months later (a Schedules link), between 0 and the liability. Remaining term = lease months
 *   not yet ended (COUNTIFS), the discount rate links to the Schedules.
 * - Payments at commencement: each measured lease's Commencement Date (the Schedules' first Start) and what it paid
 *   at commencement (the Tie-Out's day-one payment + prepaid rent), for the cash paid of the period holding it.
 * - Leases not yet commenced at the Reporting Date (ASC 842-20-50-3(b)): their undiscounted payments (the Schedules'
 *   payments + paid at commencement), not measured.
 */
import type { LeaseResult } from '../../engine';
import { eomonth, type IsoDate } from '../../engine/calendar/dates';
import { bold, classificationLabel, FMT, formula, formulaText, sheetRef, text } from '../cells';
import { balanceAt, type LeaseAtDate } from '../disclosureFigures';
import { SHEET } from '../names';
import type { PlanCell } from '../plan';
import { measurementLabel, SC, type SchedulePlace } from './schedules';
import type { UnscheduledPayments } from './unscheduledPayments';

/** A Disclosures cell or range, qualified with the sheet name so the Tie-Out can re-perform the same formula. */
export const DS = sheetRef(SHEET.disclosures);

export const AT_DATE_HEADERS = [
  'Lease ID',
  'Classification',
  'Entity',
  'Currency',
  'Lease liability',
  'Current',
  'Non-current',
  'ROU asset',
  'Remaining term (months)',
  'Remaining term (years)',
  'Discount rate',
  'Undiscounted payments',
  'Imputed interest',
] as const;

type AtKey =
  | 'id'
  | 'cls'
  | 'entity'
  | 'cur'
  | 'liab'
  | 'current'
  | 'nonCurrent'
  | 'rou'
  | 'months'
  | 'years'
  | 'rate'
  | 'undiscounted'
  | 'imputed';
const AT_KEYS: AtKey[] = [
  'id',
  'cls',
  'entity',
  'cur',
  'liab',
  'current',
  'nonCurrent',
  'rou',
  'months',
  'years',
  'rate',
  'undiscounted',
  'imputed',
];

export interface AtDateTable {
  header: number;
  first: number;
  last: number;
  /** Absolute, sheet-qualified range of a column over the table's rows. */
  range(key: AtKey): string;
  bucketRange(k: number): string;
  rows: (PlanCell | null)[][];
  width: number;
}

const col = (i: number) => String.fromCharCode(65 + i);

export function atDateTable(args: {
  title: string;
  header: number;
  at: readonly LeaseAtDate[];
  date: IsoDate;
  /** Absolute, sheet-qualified cell holding the date. */
  dateCell: string;
  /** Bucket labels and their bounds' cells (absolute, sheet-qualified). */
  buckets: { label: string; from: string; to: string }[];
  leases: readonly LeaseResult[];
  places: readonly SchedulePlace[];
  unscheduled: UnscheduledPayments;
}): AtDateTable {
  const { header, at, leases, places, unscheduled, dateCell: X } = args;
  const first = header + 1;
  const last = Math.max(header + at.length, first);
  const letter = new Map<AtKey, string>(AT_KEYS.map((k, i) => [k, col(i)]));
  const bucketCol = (k: number) => col(AT_KEYS.length + k);
  const rng = (c: string) => `${DS}$${c}$${first}:$${c}$${last}`;
  const rows: (PlanCell | null)[][] = [];
  rows.push([bold(args.title)]);
  rows.push([...AT_DATE_HEADERS.map((h) => bold(h)), ...args.buckets.map((b) => bold(b.label))]);
  const in12 = eomonth(args.date, 12);
  at.forEach((a, k) => {
    const r = first + k;
    const lease = leases[a.lease];
    const place = places[a.lease];
    const s = sheetRef(place.sheet);
    const x = (key: AtKey) => `${DS}${letter.get(key)}${r}`;
    const sr = place.firstRow + a.row;
    const lastRow = a.laterEventRow === null ? place.lastRow : place.firstRow + a.laterEventRow - 1;
    const R = (c: string, to = lastRow) => `${s}$${c}$${place.firstRow}:$${c}$${to}`;
    const later = a.laterEventRow !== null;
    const label = measurementLabel(a.measurement);
    const paid = (extra: { from: string; to: string } | null) => {
      const on = (dcol: string) => (extra ? `,${R(dcol)},">="&${extra.from},${R(dcol)},"<="&${extra.to}` : '');
      const sched = `SUMIFS(${R(SC.advance)},${R(SC.start)},">"&${X}${on(SC.start)})+SUMIFS(${R(SC.arrears)},${R(SC.end)},">"&${X}${on(SC.end)})`;
      if (!later) return sched;
      const crit = [`">"&${X}`, ...(extra ? [`">="&${extra.from}`, `"<="&${extra.to}`] : [])];
      return `${sched}+${unscheduled.amountSum(lease.id, label, crit)}`;
    };
    const liab = a.monthEnded ? `${s}${SC.liabilityClosing}${sr}` : `${s}${SC.interestBase}${sr}`;
    const rou = a.monthEnded ? `${s}${SC.rouClosing}${sr}` : `${s}${SC.rouOpening}${sr}+${s}${SC.rouAdjustment}${sr}`;
    let in12Liability: string;
    if (later) in12Liability = unscheduled.inForce(a.lease, args.date, 'liabilityIn12');
    else {
      const b = balanceAt(lease.months, in12)!;
      const over = b.ended && b.j === lease.months.length - 1;
      const r12 = place.firstRow + b.j;
      in12Liability = over ? '0' : b.ended ? `${s}${SC.liabilityClosing}${r12}` : `${s}${SC.interestBase}${r12}`;
    }
    const cells: Record<AtKey, PlanCell | null> = {
      id: text(lease.id),
      cls: text(classificationLabel(a.classification)),
      entity: text(lease.entity),
      cur: text(lease.currency),
      liab: formula(liab, FMT.money),
      current: formula(`MIN(MAX(${x('liab')}-${in12Liability},0),${x('liab')})`, FMT.money),
      nonCurrent: formula(`${x('liab')}-${x('current')}`, FMT.money),
      rou: formula(rou, FMT.money),
      months: formula(
        later ? unscheduled.inForce(a.lease, args.date, 'months') : `COUNTIFS(${R(SC.end)},">"&${X})`,
        FMT.integer,
      ),
      years: formula(`${x('months')}/12`, FMT.years),
      rate: formula(`${s}${SC.annualRate}${sr}`, FMT.percent),
      undiscounted: formula(paid(null), FMT.money),
      imputed: formula(
        later
          ? `${x('undiscounted')}-${x('liab')}`
          : `SUMIFS(${R(SC.interest, place.lastRow)},${R(SC.end, place.lastRow)},">"&${X})`,
        FMT.money,
      ),
    };
    rows.push([...AT_KEYS.map((key) => cells[key]), ...args.buckets.map((b) => formula(paid(b), FMT.money))]);
  });
  return {
    header,
    first,
    last,
    range: (key) => rng(letter.get(key)!),
    bucketRange: (k) => rng(bucketCol(k)),
    rows,
    width: AT_KEYS.length + args.buckets.length,
  };
}

export const COMMENCEMENT_HEADERS = [
  'Lease ID',
  'Classification at commencement',
  'Currency',
  'Commencement Date',
  'Paid at commencement',
] as const;

export interface CommencementTable {
  header: number;
  /** SUMIFS of what was paid at commencement, by classification and currency, dated in [from, to] (cells). */
  paidIn(cls: string, currencyCriterion: string, from: string, to: string): string;
  /** The cell of a lease's "Paid at commencement", or null when not listed (short-term). */
  paidCell(lease: number): string | null;
  rows: (PlanCell | null)[][];
}

export function commencementTable(args: {
  header: number;
  leases: readonly LeaseResult[];
  places: readonly SchedulePlace[];
  /** The Tie-Out cells of a lease's day-one payment and prepaid rent. */
  paidCells(lease: number): [string, string];
}): CommencementTable {
  const { header, leases, places } = args;
  const first = header + 1;
  const listed = leases
    .map((_l, i) => i)
    .filter((i) => leases[i].months[0]?.classification !== 'short-term' && leases[i].months.length > 0);
  const last = Math.max(header + listed.length, first);
  const rng = (c: string) => `${DS}$${c}$${first}:$${c}$${last}`;
  const rowOf = new Map<number, number>();
  const rows: (PlanCell | null)[][] = [];
  rows.push([bold('Payments at commencement (cash paid in the period holding the Commencement Date)')]);
  rows.push(COMMENCEMENT_HEADERS.map((h) => bold(h)));
  listed.forEach((i, k) => {
    const r = first + k;
    rowOf.set(i, r);
    const lease = leases[i];
    const place = places[i];
    const [dayOne, prepaid] = args.paidCells(i);
    rows.push([
      text(lease.id),
      text(classificationLabel(lease.months[0].classification)),
      text(lease.currency),
      formula(`${sheetRef(place.sheet)}${SC.start}${place.firstRow}`, FMT.date),
      formula(`${dayOne}+${prepaid}`, FMT.money),
    ]);
  });
  return {
    header,
    paidIn: (cls, cur, from, to) =>
      listed.length === 0
        ? '0'
        : `SUMIFS(${rng('E')},${rng('B')},${formulaText(cls)},${rng('C')},${cur},${rng('D')},">="&${from},${rng('D')},"<="&${to})`,
    paidCell: (lease) => {
      const r = rowOf.get(lease);
      return r === undefined ? null : `${DS}$E$${r}`;
    },
    rows,
  };
}

export const NOT_COMMENCED_HEADERS = [
  'Lease ID',
  'Commencement Date',
  'Classification',
  'Currency',
  'Undiscounted payments',
] as const;

/** Leases signed but not yet commenced at the Reporting Date, with their undiscounted payments. */
export function notCommencedTable(args: {
  reportingDate: IsoDate;
  leases: readonly LeaseResult[];
  notCommenced: readonly { lease: number }[];
  places: readonly SchedulePlace[];
  commencement: CommencementTable;
}): (PlanCell | null)[][] {
  const rows: (PlanCell | null)[][] = [];
  rows.push([bold(`Leases signed, not yet commenced at ${args.reportingDate} (not measured; ASC 842-20-50-3(b))`)]);
  rows.push(NOT_COMMENCED_HEADERS.map((h) => bold(h)));
  if (args.notCommenced.length === 0) rows.push([text('None')]);
  for (const { lease: i } of args.notCommenced) {
    const lease = args.leases[i];
    const place = args.places[i];
    const s = sheetRef(place.sheet);
    const paid = args.commencement.paidCell(i);
    rows.push([
      text(lease.id),
      formula(`${s}${SC.start}${place.firstRow}`, FMT.date),
      text(classificationLabel(lease.classification)),
      text(lease.currency),
      formula(
        `SUM(${s}${SC.payments}${place.firstRow}:${SC.payments}${place.lastRow})${paid ? `+${paid}` : ''}`,
        FMT.money,
      ),
    ]);
  }
  return rows;
}
