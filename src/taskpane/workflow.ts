/**
 * What the pane's buttons do, without React, and every workbook call the pane makes: create the template, check
 * the inputs, generate the workpapers phase by phase, go to a cell or a sheet, read and save the policies, mark
 * the cells with errors, and watch the inputs for changes. Components never reach Office.js; they call these.
 */
import {
  findTable,
  inputHash,
  measurementErrors,
  readPortfolio,
  WORKBOOK,
  type InputCheck,
  type InputError,
} from '../input';
import { policySettingWhere, readPolicies as parsePolicies } from '../input/policies';
import { toExcelSerial } from '../engine/calendar/dates';
import { closePlan, closeRefusal, closeReportingDateSource } from '../workpapers/close';
import { templatePlan } from '../template';
import { readWorkbookTables } from '../office/readTables';
import { CancelledError, writeWorkpapers, type WriteResult } from '../office/workpaperWriter';
import { readCheckResults, type CheckRow } from '../office/checkResults';
import { createTemplate, type TemplateResult } from '../office/templateWriter';
import {
  preparePolicyChanges,
  readPolicies,
  writePolicies,
  type PoliciesRead,
  type PolicyChange,
} from '../office/policiesTable';
import { selectWhere } from '../office/selectCell';
import { watchTables } from '../office/watchTables';
import { clearErrorMarks, markErrorCells, type ErrorMark } from '../office/errorMarks';
import type { PortfolioResult, PortfolioInput, LeaseFailure, LeaseWarning } from '../engine';
import type { WorkpaperPlan } from '../workpapers/plan';
import { resolveReportingPeriod, type BuildOptions, type ResolvedPeriod, type RunMeta } from '../workpapers';
import type { WorkbookHost } from './host';
import {
  checkTables,
  computeInline,
  measureInSlices,
  yieldWhenDue,
  type Classification,
  type ComputeWorkpapers,
  type PeriodChoice,
  type ReportedPeriod,
} from './compute';
import type { KeyFigures } from './keyFigures';
import { localIsoTimestamp } from './format';
import { downloadFile } from './download';
import { leaseMemos } from '../workpapers/memos';
import { memosDocx } from '../export/memosDocx';

export type { RunMeta } from '../workpapers';
export type { TemplateResult } from '../office/templateWriter';
export type { PoliciesRead, PolicyChange } from '../office/policiesTable';
export { yieldToBrowser } from './compute';
export type { PeriodChoice, ReportedPeriod } from './compute';

export type BuildWorkpapers = (
  result: PortfolioResult,
  input: PortfolioInput,
  meta: RunMeta,
  options?: BuildOptions,
) => WorkpaperPlan;

// ------------------------------------------------------------------------------------------- template

export function createInputTemplate(host: WorkbookHost): Promise<TemplateResult> {
  return createTemplate(host.run, templatePlan());
}

/** Whether the workbook already has input tables (the pane then opens on Validate or Generate). */
export async function workbookHasInputs(host: WorkbookHost): Promise<boolean> {
  const tables = await readWorkbookTables(host.run);
  return tables.tables.some((t) => /^leases$/i.test(t.name));
}

// ------------------------------------------------------------------------------------------- validate

/** Errors (they stop Generate) and warnings (they do not), each with its cell and severity. */
export interface CheckResult extends InputCheck {
  /** SHA-256 of the inputs checked: a later, different hash means the result is out of date. */
  inputHash: string;
  /** When the check ran (ms since the epoch). */
  at: number;
}

export async function checkInputs(host: WorkbookHost, now: () => number = Date.now): Promise<CheckResult> {
  const tables = await readWorkbookTables(host.run);
  const checked = host.check ? await host.check(tables) : checkTables(tables);
  return { ...checked, at: now() };
}

/** The inputs' fingerprint now (to tell whether a result is out of date). */
export async function inputsFingerprint(host: WorkbookHost): Promise<string> {
  return inputHash(await readWorkbookTables(host.run));
}

// ------------------------------------------------------------------------------------------- generate

export type Phase =
  'Reading your tables' | 'Checking inputs' | 'Measuring leases' | 'Building workpapers' | 'Writing sheets';
export const PHASES: readonly Phase[] = [
  'Reading your tables',
  'Checking inputs',
  'Measuring leases',
  'Building workpapers',
  'Writing sheets',
];

export interface GenerateProgress {
  phase: Phase;
  /** 0..1 within the phase. */
  fraction: number;
  /** 0..1 over the whole run (phases weighted by typical time). */
  overall: number;
  leasesDone?: number;
  leasesTotal?: number;
  requests?: number;
}

export interface GenerateSummary {
  leases: number;
  byClassification: Record<Classification, number>;
  failures: LeaseFailure[];
  /** The measured leases' warnings (CONTRACT 1.10): listed, never stopping the run. */
  warnings: LeaseWarning[];
  checksPassed: number;
  checksTotal: number;
  /** The Tie-Out rows that say FAIL, with their sheet row. */
  failingChecks: CheckRow[];
  /** The written Tie-Out sheet's name. */
  tieOutSheet: string | null;
  keyFigures: KeyFigures;
  /** The period reported (the picker's choice, else the Policies table's, else the last month-end). */
  period: ReportedPeriod;
  seconds: number;
  write: WriteResult;
  inputHash: string;
  /** When the run finished (ms since the epoch). */
  at: number;
}

export type GenerateOutcome =
  | { kind: 'done'; summary: GenerateSummary }
  | { kind: 'inputErrors'; errors: InputError[]; inputHash: string; at: number }
  | { kind: 'cancelled' };

/** Share of the bar each phase takes. */
const WEIGHTS: Record<Phase, [number, number]> = {
  'Reading your tables': [0, 0.05],
  'Checking inputs': [0.05, 0.1],
  'Measuring leases': [0.1, 0.45],
  'Building workpapers': [0.45, 0.55],
  'Writing sheets': [0.55, 1],
};

export interface GenerateOptions {
  build: BuildWorkpapers;
  onProgress: (p: GenerateProgress) => void;
  isCancelled: () => boolean;
  /** Where the engine and the layout run (default: here, in slices). */
  compute?: ComputeWorkpapers;
  now?: () => number;
  /** The period picker's choice for this run (not written to Policies); absent: as the Policies table says. */
  period?: PeriodChoice;
}

export async function generateWorkpapers(host: WorkbookHost, options: GenerateOptions): Promise<GenerateOutcome> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const report = (phase: Phase, fraction: number, more: Partial<GenerateProgress> = {}): void => {
    const [a, b] = WEIGHTS[phase];
    options.onProgress({ phase, fraction, overall: a + (b - a) * fraction, ...more });
  };
  const checkCancel = (): void => {
    if (options.isCancelled()) throw new CancelledError();
  };
  const compute = options.compute ?? computeInline(options.build);
  try {
    report('Reading your tables', 0);
    const tables = await readWorkbookTables(host.run);
    checkCancel();
    const outcome = await compute(
      {
        tables,
        meta: {
          productVersion: host.productVersion,
          // Local time with its UTC offset: the Run Log shows when the run was, where the accountant is.
          generatedAt: localIsoTimestamp(now()),
          source: tables.source ?? 'workbook',
        },
        ...(options.period ? { period: options.period } : {}),
      },
      {
        isCancelled: options.isCancelled,
        onProgress: (p) => report(p.phase, p.fraction, { leasesDone: p.leasesDone, leasesTotal: p.leasesTotal }),
      },
    );
    if (outcome.kind === 'inputErrors')
      return { kind: 'inputErrors', errors: outcome.errors, inputHash: outcome.inputHash, at: now() };

    report('Writing sheets', 0);
    checkCancel();
    const write = await writeWorkpapers(host.run, outcome.plan, {
      canSuspendScreenUpdating: host.isSetSupported('1.9'),
      ...(host.requestBudget ? { budget: host.requestBudget } : {}),
      isCancelled: options.isCancelled,
      onProgress: (p) =>
        report('Writing sheets', p.cellsTotal > 0 ? p.cellsDone / p.cellsTotal : 1, { requests: p.requests }),
    });
    report('Writing sheets', 1);
    // The verdicts as Excel computed them from the sheets just written.
    const tieOut = write.sheets.find((sh) => /^tie-out$/i.test(sh.role));
    const checks = tieOut ? await readCheckResults(host.run, tieOut.name) : { passed: 0, total: 0, failing: [] };
    return {
      kind: 'done',
      summary: {
        leases: outcome.leases,
        byClassification: outcome.byClassification,
        failures: outcome.failures,
        warnings: outcome.warnings,
        checksPassed: checks.passed,
        checksTotal: checks.total,
        failingChecks: checks.failing,
        tieOutSheet: tieOut?.name ?? null,
        keyFigures: outcome.keyFigures,
        period: outcome.period,
        seconds: (now() - started) / 1000,
        write,
        inputHash: outcome.inputHash,
        at: now(),
      },
    };
  } catch (e) {
    if (e instanceof CancelledError) return { kind: 'cancelled' };
    throw e;
  }
}

// ------------------------------------------------------------------------------------------- lease memos

export type MemosOutcome =
  | { kind: 'downloaded'; fileName: string; leases: number }
  /** The inputs changed since the Generate: the memos would not match the workpapers written. */
  | { kind: 'changed' }
  | { kind: 'inputErrors'; errors: InputError[] };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * "Download memos" after a Generate: the lease memos Word document for the Generate's period, built as the command
 * line's `--memos` builds it (`leaseMemos` over the measured leases, then `memosDocx`), and saved by the browser as
 * "Lease memos <period>.docx". The leases are measured again from the workbook's tables (as Generate reads them)
 * rather than kept in the pane from the run; the inputs' fingerprint must still be the Generate's, so the memos
 * say what the workpapers say.
 */
export async function downloadMemos(
  host: WorkbookHost,
  run: Pick<GenerateSummary, 'inputHash' | 'period' | 'at'>,
  save: (bytes: Uint8Array, fileName: string, type: string) => void = downloadFile,
): Promise<MemosOutcome> {
  const tables = await readWorkbookTables(host.run);
  if (inputHash(tables) !== run.inputHash) return { kind: 'changed' };
  const read = readPortfolio(tables);
  if (!read.input || read.errors.length > 0) return { kind: 'inputErrors', errors: read.errors };
  const result = await measureInSlices(read.input, { between: yieldWhenDue() });
  const memos = leaseMemos(result.leases, read.input.leases, read.input.policies);
  const bytes = await memosDocx(memos, {
    product: `Lease Workpapers ${host.productVersion}`,
    source: tables.source ?? 'workbook',
    period: run.period.label,
    generatedAt: localIsoTimestamp(run.at),
  });
  const fileName = `Lease memos ${run.period.label}.docx`;
  save(bytes, fileName, DOCX_TYPE);
  return { kind: 'downloaded', fileName, leases: memos.length };
}

/**
 * The period a run reports when the picker is left as it is: the Policies table's Reporting Date and Reporting
 * Period, else the last month-end on or before `today` (as the command line resolves it).
 */
export async function defaultPeriod(host: WorkbookHost, today: string): Promise<ResolvedPeriod> {
  const tables = await readWorkbookTables(host.run);
  // A policy that does not read falls back to its default here; Validate and Generate name its cell.
  const policies = parsePolicies(findTable(tables, 'Policies'), []);
  return resolveReportingPeriod(policies, today);
}

// ------------------------------------------------------------------------------------------- close period

export type CloseOutcome =
  | { kind: 'closed'; through: string; leases: number; write: WriteResult }
  /** Input errors or lease failures: nothing closed. */
  | { kind: 'inputErrors'; errors: InputError[] }
  /** The close is refused (CONTRACT 1.11), with the command line's message at the Policies cell concerned. */
  | { kind: 'refused'; errors: InputError[] };

const CLOSED_THROUGH = 'Closed Through';
const REPORTING_DATE = 'Reporting Date';

/**
 * Close period (CONTRACT 1.11), as the command line's `close` does: closes the months through `through` (a
 * month-end) by writing the add-in's Posted Balances sheet (table PostedBalances: per lease, what is booked through
 * it) and setting Closed Through in the Policies table. Refused, with the command line's words, for a month-end
 * before Closed Through, after the Reporting Date (the policy's: a close reads the policy, not the period picker),
 * or the closed month again while its figures changed. The Posted Balances sheet is replaced only when it is the
 * add-in's own, and only once the new one is complete; Closed Through is set in the same request.
 */
export async function closePeriod(host: WorkbookHost, through: string, now: () => number): Promise<CloseOutcome> {
  const tables = await readWorkbookTables(host.run);
  const read = readPortfolio(tables);
  if (!read.input || read.errors.length > 0) return { kind: 'inputErrors', errors: read.errors };
  // In slices with a yield between them: the pane keeps repainting while a large portfolio is measured.
  const result = await measureInSlices(read.input, { between: yieldWhenDue() });
  if (result.failures.length > 0) {
    return {
      kind: 'inputErrors',
      errors: measurementErrors(read, result.failures),
    };
  }
  const recordedAt = localIsoTimestamp(now());
  const period = resolveReportingPeriod(read.input.policies, recordedAt.slice(0, 10));
  const policiesTable = findTable(tables, 'Policies');
  const refusal = closeRefusal({
    through,
    reportingDate: period.end,
    reportingDateSource: closeReportingDateSource(period.source),
    leases: result.leases,
    posted: read.posted,
  });
  if (refusal) {
    const setting = refusal.where === 'closedThrough' ? CLOSED_THROUGH : REPORTING_DATE;
    const where = policySettingWhere(policiesTable, setting) ?? WORKBOOK;
    return { kind: 'refused', errors: [{ where, message: refusal.message }] };
  }
  if (!policiesTable) {
    return {
      kind: 'refused',
      errors: [
        {
          where: WORKBOOK,
          message: 'No table named Policies to record Closed Through in; add one (the template writes it), then close',
        },
      ],
    };
  }
  const plan = closePlan({ through, leases: result.leases, recordedAt, productVersion: host.productVersion });
  // Closed Through rides in the request that swaps the Posted Balances in: both land, or neither.
  const write = await writeWorkpapers(host.run, plan, {
    canSuspendScreenUpdating: host.isSetSupported('1.9'),
    ...(host.requestBudget ? { budget: host.requestBudget } : {}),
    withSwap: (context) =>
      preparePolicyChanges(context, [
        { setting: CLOSED_THROUGH, value: toExcelSerial(through), numberFormat: 'yyyy-mm-dd' },
      ]),
  });
  return { kind: 'closed', through, leases: result.leases.length, write };
}

// ------------------------------------------------------------------------------------------- navigation

/** Selects the cell an error names ("Leases!F7"); false when it names none. */
export function goToCell(host: WorkbookHost, where: string): Promise<boolean> {
  return selectWhere(host.run, where);
}

/** Activates a sheet (a link in the summary). */
export function activateSheet(host: WorkbookHost, sheet: string): Promise<boolean> {
  return selectWhere(host.run, `'${sheet.replace(/'/g, "''")}'!A1`);
}

// ------------------------------------------------------------------------------------------- policies

export function loadPolicies(host: WorkbookHost): Promise<PoliciesRead> {
  return readPolicies(host.run);
}

export function savePolicies(host: WorkbookHost, changes: PolicyChange[]): Promise<void> {
  return writePolicies(host.run, changes);
}

// ------------------------------------------------------------------------------------------- error marks

export type { ErrorMark } from '../office/errorMarks';

/** Highlights the cells the errors name, in the sheet; the marks are kept to take them off again. */
export function highlightErrors(host: WorkbookHost, errors: InputError[]): Promise<ErrorMark[]> {
  return markErrorCells(
    host.run,
    errors.map((e) => e.where),
  );
}

export function clearErrorHighlights(host: WorkbookHost, marks: ErrorMark[]): Promise<void> {
  return clearErrorMarks(host.run, marks);
}

// ------------------------------------------------------------------------------------------- watching

/**
 * Calls `onChange` when the inputs may have changed: on table change events where the host has them (ExcelApi
 * 1.7 `TableCollection.onChanged`), otherwise when the pane gets the focus back. Returns a stop function.
 */
export function watchInputs(host: WorkbookHost, onChange: () => void): () => void {
  let active = true;
  const fire = (): void => {
    if (active) onChange();
  };
  const stops: (() => void)[] = [];
  if (host.isSetSupported('1.7')) {
    void watchTables(host.run, fire).catch(() => undefined);
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('focus', fire);
    stops.push(() => window.removeEventListener('focus', fire));
  }
  return () => {
    active = false;
    for (const s of stops) s();
  };
}
