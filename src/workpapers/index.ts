/**
 * The workpapers: engine results in, sheet plans out (CONTRACT section 3). Pure layout: both adapters (exceljs for
 * the command line, Office.js in the add-in) write the same plans.
 *
 * Sheets, in order: Schedules (and "Schedules 2", ... past Excel's row limit), Journal Entries (likewise), Journal
 * Import, Classification, Lease Memos, Roll-Forward, Disclosures, Tie-Out, Run Log.
 */
import type { PortfolioResult } from '../engine';
import type { PortfolioInput } from '../engine/terms';
import { chartOfAccounts } from '../input/accountRoles';
import { disclosureFigures } from './disclosureFigures';
import { periodJournal, type PeriodJournal } from './periodJournal';
import type { JournalFormat } from './journalImport';
import { journalImportLayout } from './sheets/journalImportSheet';
import { EXCEL_MAX_ROWS } from './names';
import {
  reportingDateSourceText,
  resolveReportingPeriod,
  type ReportingPeriod,
  type ResolvedPeriod,
} from './reportingPeriod';
import type { WorkpaperPlan } from './plan';
import { disclosuresLayout } from './sheets/disclosures';
import { journalLayout } from './sheets/journalSheet';
import { rollForwardLayout } from './sheets/rollForward';
import { hostLabel, runLogSheet } from './sheets/runLog';
import { withPageSetup } from './pageSetup';
import { classificationLayout } from './sheets/classification';
import { leaseMemosSheet } from './sheets/leaseMemos';
import { leaseMemos } from './memos';
import { remeasurementEvents } from './sheets/remeasurementProof';
import { schedulesLayout, type ScheduleWindow } from './sheets/schedules';
import { eomonth } from '../engine/calendar/dates';
import { fiscalYearOfKey, fiscalYearStartKey, monthKey, monthStartOf } from './periods';
import { tieOutLayout } from './sheets/tieOut';
import { leaseTableCell, TIE_OUT_HEADER_ROW, tieOutColumns } from './sheets/tieOutColumns';
import { unscheduledPayments } from './sheets/unscheduledPayments';
import type { PostedBalances } from '../input/postedBalances';
import { closedPositions } from './catchUp';
import { catchUpsLayout } from './sheets/catchUps';
import { journalRefs } from './sheets/journalSheet';

export { OWNED_SHEET_NAMES, isOwnedSheet, SHEET } from './names';
export type { WorkpaperPlan, SheetPlan, PlanCell, PlanRowBlock, PlanTable, PlanPageSetup } from './plan';
export { planRows, planRowChunks, planLastRow, type PlanRow } from './planRows';
export { leaseMemos, type LeaseMemo } from './memos';
export { hostLabel } from './sheets/runLog';
export type { PeriodJournal } from './periodJournal';
export {
  resolveReportingPeriod,
  periodExport,
  type ReportingPeriod,
  type ResolvedPeriod,
  type PeriodKind,
} from './reportingPeriod';

export interface RunMeta {
  productVersion: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** Workbook or file name. */
  source: string;
  /** Hex SHA-256 of the canonical input tables. */
  inputHash: string;
  /** Where the run happened, in words (hostLabel): "Excel on the web", "command line". Default: "Excel (add-in)". */
  host?: string;
}

export interface BuildOptions {
  /** Rows per sheet before a continuation sheet starts (Excel's limit; smaller only in tests). */
  maxRows?: number;
  /** The same for the journal, when it should differ from `maxRows` (tests). */
  journalMaxRows?: number;
  /** The period reported; default: from the policies and the day of `meta.generatedAt`. */
  period?: ResolvedPeriod;
  /** The period's journal when the caller built it already (periodJournalOf). */
  journal?: PeriodJournal;
  /** The Journal Import sheet's layout; default: the Journal Import Format policy. */
  journalFormat?: JournalFormat;
  /** Lease-months the Schedules hold in full before they take a window (FULL_SCHEDULE_MONTHS; smaller in tests). */
  fullScheduleMonths?: number;
  /** What the last close recorded (the PostedBalances table), when a period is closed (CONTRACT 1.11). */
  posted?: PostedBalances | null;
}

/**
 * The most lease-months the Schedules hold in full: about 3.3 million cells (33 columns), some 18 MB of workbook,
 * which Excel on the web opens and the add-in writes in about 30 requests. Beyond it the Schedules hold a window.
 */
export const FULL_SCHEDULE_MONTHS = 100_000;

/**
 * The Schedules' window when the portfolio is too long to hold every month: the fiscal year holding the start of the
 * reporting period and the twelve months after the Reporting Date (README, "Scale").
 */
export function scheduleWindow(period: ReportingPeriod, fiscalYearEndMonth: number): ScheduleWindow {
  const fy = fiscalYearOfKey(monthKey(period.start), fiscalYearEndMonth);
  return { from: monthStartOf(fiscalYearStartKey(fy, fiscalYearEndMonth)), to: eomonth(period.end, 12) };
}

/** The layout the Journal Import Format policy names. */
export function journalFormatOf(policies: PortfolioInput['policies']): JournalFormat {
  const f = policies.journalImportFormat;
  return f === 'QuickBooks Online' ? 'quickbooks' : f === 'NetSuite' ? 'netsuite' : 'generic';
}

/**
 * The period's journal of a run: detail per lease and the summary per entity, on the input's chart of accounts;
 * after a close, without the closed months and with the catch-ups (CONTRACT 1.11).
 */
export function periodJournalOf(
  result: PortfolioResult,
  input: PortfolioInput,
  period: ReportingPeriod,
  posted: PostedBalances | null = null,
): PeriodJournal {
  const chart = chartOfAccounts(input.glAccounts, input.policies.accountNames);
  const close = posted ? { closedThrough: posted.through, positions: closedPositions(result.leases, posted) } : null;
  return periodJournal(result.leases, period, chart, input.policies.fiscalYearEndMonth, close);
}

export function buildWorkpapers(
  result: PortfolioResult,
  input: PortfolioInput,
  meta: RunMeta,
  options: BuildOptions = {},
): WorkpaperPlan {
  const leases = result.leases;
  const policies = input.policies;
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  const fye = policies.fiscalYearEndMonth;
  const period = options.period ?? resolveReportingPeriod(policies, meta.generatedAt.slice(0, 10));
  const reportingDate = period.end;
  const reportingDateSource = reportingDateSourceText(period.source);

  const leaseMonths = leases.reduce((n, l) => n + l.months.length, 0);
  const window =
    leaseMonths > (options.fullScheduleMonths ?? FULL_SCHEDULE_MONTHS) ? scheduleWindow(period, fye) : null;
  const schedules = schedulesLayout(leases, maxRows, window);
  const posted = options.posted ?? null;
  const periodEntries = options.journal ?? periodJournalOf(result, input, period, posted);
  const chart = periodEntries.chart;
  const journal = journalLayout(periodEntries, options.journalMaxRows ?? maxRows);
  const positions = posted ? closedPositions(leases, posted) : null;
  const catchUps = posted && positions ? catchUpsLayout({ positions, posted, journal: journalRefs(journal) }) : null;
  const rollForward = rollForwardLayout(leases, fye);
  const classification = classificationLayout({ leases, terms: input.leases, policies });
  const figures = disclosureFigures(leases, reportingDate, fye, period);
  // The Tie-Out lists the payments the Schedules do not show; the Disclosures refer to them.
  const columns = tieOutColumns(remeasurementEvents(leases, schedules.places).length);
  const unscheduled = unscheduledPayments({
    leases,
    atDates: [
      { date: figures.reportingDate, leases: figures.atDate },
      { date: figures.priorYearEnd, leases: figures.atPriorYearEnd },
    ],
    firstCol: columns.unscheduled,
    headerRow: TIE_OUT_HEADER_ROW,
  });
  const disclosures = disclosuresLayout({
    leases,
    figures,
    schedules,
    reportingDateSource,
    periodLabel: period.label,
    fiscalYearEndMonth: fye,
    unscheduled,
    rollForward,
    paidAtCommencementCells: (i) => [leaseTableCell('dayOne', i), leaseTableCell('prepaid', i)],
  });
  const journalFormat = options.journalFormat ?? journalFormatOf(policies);
  const journalImport = journalImportLayout(periodEntries, journalFormat);
  const tieOut = tieOutLayout({
    leases,
    period,
    schedules,
    journal,
    rollForward,
    disclosures,
    reportingDate,
    input,
    rateBasis: policies.rateBasis,
    unscheduled,
    columns,
    classification,
    journalImport: journalImport.tables,
    close: posted && catchUps ? { posted, catchUps, journal: journalRefs(journal) } : undefined,
  });
  const before = [
    ...schedules.sheets,
    ...journal.sheets,
    journalImport.sheet,
    classification.sheet,
    leaseMemosSheet(
      leaseMemos(leases, input.leases, policies),
      `Technical-accounting memos for ${period.label}, generated ${meta.generatedAt} from ${meta.source}. Also written as a Word document (command line --memos, pane "Download memos").`,
    ),
    rollForward.sheet,
    disclosures.sheet,
    ...(catchUps ? [catchUps.sheet] : []),
    tieOut.sheet,
  ];
  const runLog = runLogSheet({
    productVersion: meta.productVersion,
    generatedAt: meta.generatedAt,
    source: meta.source,
    inputHash: meta.inputHash,
    policies,
    reportingDate,
    reportingDateSource,
    period,
    chart,
    scheduleWindow: window,
    leases,
    sheetNames: [...before.map((s) => s.name), 'Run Log'],
    journalLines: journal.totalLines,
    tieOutSummaryCell: tieOut.summaryCell,
    tieOutResultCell: tieOut.resultCell,
    tieOutChecksRange: tieOut.checksRange,
    host: meta.host ?? hostLabel(null),
  });
  return { sheets: withPageSetup([...before, runLog], `${period.label} (${period.start} to ${period.end})`) };
}
