/**
 * The reporting period of a run (CONTRACT 1.11): it ends on the Reporting Date (a month-end) and is a month, a
 * fiscal quarter or a fiscal year. Pure: the day of the run comes in as a date, so a run is reproducible.
 *
 * - Reporting Date: the command line's `--reporting-date`, else the `Reporting Date` policy, else the last
 *   month-end on or before the day of the run.
 * - Month: the calendar month ending on the Reporting Date. Quarter: from the first day of the fiscal quarter
 *   holding the Reporting Date (quarters follow `Fiscal Year End Month`). Year: from the first day of its fiscal
 *   year. A Reporting Date that is not a quarter-end (year-end) gives the quarter (year) to date **(choice)**.
 */
import type { IsoDate } from '../engine/calendar/dates';
import type { Policies, ReportingPeriodKind } from '../engine/terms';
import { fiscalQuarterOfKey, fiscalYearOfKey, fiscalYearStartKey, monthEndOf, monthKey, monthStartOf } from './periods';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** The period a run reports; `start` and `end` inclusive. The JSON export's `period`. */
export interface ReportingPeriod {
  start: IsoDate;
  end: IsoDate;
  kind: PeriodKind;
  /** The latest closed month-end (CONTRACT 1.11), or null. */
  closedThrough: IsoDate | null;
}

/** Where the Reporting Date came from, in words for the Run Log and the summary. */
export type ReportingDateSource = 'command line' | 'task pane' | 'Reporting Date policy' | 'default';

export interface ResolvedPeriod extends ReportingPeriod {
  source: ReportingDateSource;
  /** "December 2025", "Q4 FY2025", "FY2025": the name alone; whoever shows it adds the dates (start to end). */
  label: string;
  fiscalYearEndMonth: number;
}

export const PERIOD_KIND: Record<ReportingPeriodKind, PeriodKind> = {
  Month: 'month',
  Quarter: 'quarter',
  Year: 'year',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The last month-end on or before `today` (an ISO date; only its date part counts). */
export function lastMonthEndOnOrBefore(today: IsoDate): IsoDate {
  const key = monthKey(today.slice(0, 10));
  const end = monthEndOf(key);
  return end <= today.slice(0, 10) ? end : monthEndOf(key - 1);
}

/** Month key of the first month of the period of `kind` ending in the month `endKey`. */
export function periodStartKey(endKey: number, kind: PeriodKind, fiscalYearEndMonth: number): number {
  if (kind === 'month') return endKey;
  const fy = fiscalYearOfKey(endKey, fiscalYearEndMonth);
  const yearStart = fiscalYearStartKey(fy, fiscalYearEndMonth);
  if (kind === 'year') return yearStart;
  return yearStart + 3 * (fiscalQuarterOfKey(endKey, fiscalYearEndMonth) - 1);
}

export function periodLabel(p: ReportingPeriod, fiscalYearEndMonth: number): string {
  const endKey = monthKey(p.end);
  const fy = fiscalYearOfKey(endKey, fiscalYearEndMonth);
  if (p.kind === 'month') return `${MONTH_NAMES[endKey % 12]} ${Math.floor(endKey / 12)}`;
  if (p.kind === 'quarter') return `Q${fiscalQuarterOfKey(endKey, fiscalYearEndMonth)} FY${fy}`;
  return `FY${fy}`;
}

/**
 * The period of a run. `reportingDate` (a month-end) overrides the policy (the command line's --reporting-date);
 * `kind` overrides the `Reporting Period` policy (--period); `today` is the day of the run. `source` says who
 * chose the overriding Reporting Date (the pane's period picker: 'task pane'; default 'command line').
 */
export function resolveReportingPeriod(
  policies: Pick<Policies, 'reportingDate' | 'reportingPeriod' | 'fiscalYearEndMonth' | 'closedThrough'>,
  today: IsoDate,
  overrides: { reportingDate?: IsoDate | null; kind?: PeriodKind | null; source?: 'command line' | 'task pane' } = {},
): ResolvedPeriod {
  let end: IsoDate;
  let source: ReportingDateSource;
  if (overrides.reportingDate) {
    end = overrides.reportingDate;
    source = overrides.source ?? 'command line';
  } else if (policies.reportingDate) {
    end = policies.reportingDate;
    source = 'Reporting Date policy';
  } else {
    end = lastMonthEndOnOrBefore(today);
    source = 'default';
  }
  const kind = overrides.kind ?? PERIOD_KIND[policies.reportingPeriod];
  const fye = policies.fiscalYearEndMonth;
  const start = monthStartOf(periodStartKey(monthKey(end), kind, fye));
  const period: ReportingPeriod = { start, end, kind, closedThrough: policies.closedThrough };
  return { ...period, source, label: periodLabel(period, fye), fiscalYearEndMonth: fye };
}

/** The period without the run's bookkeeping: what the JSON export carries. */
export function periodExport(p: ReportingPeriod): ReportingPeriod {
  return { start: p.start, end: p.end, kind: p.kind, closedThrough: p.closedThrough };
}

/** Month keys of the calendar months of the period, in order. */
export function periodMonthKeys(p: ReportingPeriod): number[] {
  const keys: number[] = [];
  for (let k = monthKey(p.start); k <= monthKey(p.end); k++) keys.push(k);
  return keys;
}

/** Whether a booking date falls in the period. */
export function inPeriod(p: ReportingPeriod, date: IsoDate): boolean {
  return date >= p.start && date <= p.end;
}

/** How the Run Log states the source of the Reporting Date. */
export function reportingDateSourceText(source: ReportingDateSource): string {
  if (source === 'command line') return 'set on the command line with --reporting-date';
  if (source === 'task pane') return 'chosen in the task pane for this run (the Reporting Date policy is unchanged)';
  if (source === 'Reporting Date policy') return 'from the Reporting Date policy';
  return 'default: the last month-end on or before the day of the run';
}
