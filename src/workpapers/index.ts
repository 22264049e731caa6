/**
 * The workpapers: engine results in, sheet plans out (CONTRACT section 3). Pure layout: both adapters (exceljs for
 * the command line, Office.js in the add-in) write the same plans.
 *
 * Sheets, in order: Schedules (and "Schedules 2", ... past Excel's row limit), Journal Entries (likewise),
 * Classification, Lease Memos, Roll-Forward, Disclosures, Tie-Out, Run Log.
 */
import type { PortfolioResult } from '../engine';
import type { PortfolioInput } from '../engine/terms';
import { disclosureFigures } from './disclosureFigures';
import { EXCEL_MAX_ROWS } from './names';
import { reportingDateSourceText, resolveReportingPeriod, type ResolvedPeriod } from './reportingPeriod';
import type { WorkpaperPlan } from './plan';
import { disclosuresLayout } from './sheets/disclosures';
import { journalLayout } from './sheets/journalSheet';
import { rollForwardLayout } from './sheets/rollForward';
import { hostLabel, runLogSheet } from './sheets/runLog';
import { withPageSetup } from './pageSetup';
import { schedulesLayout } from './sheets/schedules';
import { classificationLayout } from './sheets/classification';
import { leaseMemosSheet } from './sheets/leaseMemos';
import { leaseMemos } from './memos';
import { remeasurementEvents } from './sheets/remeasurementProof';
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
  /** What the last close recorded (the PostedBalances table), when a period is closed (CONTRACT 1.11). */
  posted?: PostedBalances | null;
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

  const schedules = schedulesLayout(leases, maxRows);
  const posted = options.posted ?? null;
  const positions = posted ? closedPositions(leases, posted) : null;
  const journal = journalLayout(
    leases,
    policies.accounts,
    options.journalMaxRows ?? maxRows,
    posted && positions ? { closedThrough: posted.through, positions } : null,
  );
  const catchUps =
    posted && positions
      ? catchUpsLayout({ positions, posted, journal: journalRefs(journal, policies.accounts) })
      : null;
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
    journal,
    variableLeaseCostAccount: policies.accounts.variableLeaseCost,
    paidAtCommencementCells: (i) => [leaseTableCell('dayOne', i), leaseTableCell('prepaid', i)],
  });
  const tieOut = tieOutLayout({
    leases,
    accounts: policies.accounts,
    schedules,
    journal,
    rollForward,
    disclosures,
    reportingDate,
    terms: input.leases,
    rateBasis: policies.rateBasis,
    unscheduled,
    columns,
    classification,
    close: posted && catchUps ? { posted, catchUps, journal: journalRefs(journal, policies.accounts) } : undefined,
  });
  const before = [
    ...schedules.sheets,
    ...journal.sheets,
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
