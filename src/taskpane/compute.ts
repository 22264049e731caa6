/**
 * The pure half of Generate: check the inputs, measure every lease, lay out the workpapers and work out the key
 * figures, from the tables already read. It runs in a Web Worker in the browser (worker/), so the pane keeps
 * repainting and Cancel is heard at once; inline (in slices with a yield between them) where no worker exists
 * (the tests, or a host without workers).
 */
import {
  measurePortfolio,
  type LeaseFailure,
  type LeaseResult,
  type LeaseWarning,
  type PortfolioInput,
  type PortfolioResult,
} from '../engine';
import {
  checkPortfolio,
  inputHash,
  readPortfolio,
  type InputCheck,
  type InputError,
  type WorkbookTables,
} from '../input';
import { resolveReportingPeriod, type PeriodKind, type RunMeta } from '../workpapers';
import type { PlanCell, SheetPlan, WorkpaperPlan } from '../workpapers/plan';
import { CancelledError } from '../office/workpaperWriter';
import { keyFigures, type KeyFigures } from './keyFigures';
import type { BuildWorkpapers } from './workflow';

export type ComputePhase = 'Checking inputs' | 'Measuring leases' | 'Building workpapers';

export interface ComputeProgress {
  phase: ComputePhase;
  /** 0..1 within the phase. */
  fraction: number;
  leasesDone?: number;
  leasesTotal?: number;
}

/**
 * The period picker's choice for one run, like the command line's --reporting-date and --period: an override of
 * the Policies table for this run only (never written to it). A null field follows the Policies table.
 */
export interface PeriodChoice {
  /** A month-end. */
  reportingDate: string | null;
  kind: PeriodKind | null;
}

export interface ComputeRequest {
  tables: WorkbookTables;
  meta: Omit<RunMeta, 'inputHash'>;
  period?: PeriodChoice;
}

/** The period a run reported, for the summary. */
export interface ReportedPeriod {
  kind: PeriodKind;
  start: string;
  end: string;
  /** "December 2025", "Q4 FY2025", "FY2025". */
  label: string;
}

export type Classification = 'operating' | 'finance' | 'short-term';

export type ComputeOutcome =
  | { kind: 'inputErrors'; errors: InputError[]; inputHash: string }
  | {
      kind: 'done';
      plan: WorkpaperPlan;
      inputHash: string;
      leases: number;
      byClassification: Record<Classification, number>;
      failures: LeaseFailure[];
      /** The measured leases' warnings (CONTRACT 1.10): listed, never stopping the run. */
      warnings: LeaseWarning[];
      keyFigures: KeyFigures;
      period: ReportedPeriod;
    };

export interface ComputeHooks {
  onProgress: (p: ComputeProgress) => void;
  isCancelled: () => boolean;
}

/** Runs the pure half of Generate; rejects with CancelledError once Cancel is heard. */
export type ComputeWorkpapers = (request: ComputeRequest, hooks: ComputeHooks) => Promise<ComputeOutcome>;

/**
 * The computation itself. `between` runs between slices of leases (a yield to the browser inline; nothing in the
 * worker, whose Cancel ends the worker).
 */
export async function computeCore(
  request: ComputeRequest,
  build: BuildWorkpapers,
  hooks: ComputeHooks & { between?: () => Promise<void> },
): Promise<ComputeOutcome> {
  const between = hooks.between ?? (() => Promise.resolve());
  const checkCancel = (): void => {
    if (hooks.isCancelled()) throw new CancelledError();
  };
  hooks.onProgress({ phase: 'Checking inputs', fraction: 0 });
  const hash = inputHash(request.tables);
  const { input, errors, posted } = readPortfolio(request.tables);
  if (!input || errors.length > 0) return { kind: 'inputErrors', errors, inputHash: hash };
  await between();
  checkCancel();

  const total = input.leases.length;
  const result = await measureInSlices(input, {
    between,
    checkCancel,
    onProgress: (done) =>
      hooks.onProgress({ phase: 'Measuring leases', fraction: done / total, leasesDone: done, leasesTotal: total }),
  });
  const leases = result.leases;
  const failures = result.failures;
  hooks.onProgress({ phase: 'Measuring leases', fraction: 1, leasesDone: total, leasesTotal: total });

  hooks.onProgress({ phase: 'Building workpapers', fraction: 0 });
  await between();
  checkCancel();
  // The period as the command line resolves it, the picker's choice standing for --reporting-date and --period.
  const period = resolveReportingPeriod(input.policies, request.meta.generatedAt.slice(0, 10), {
    reportingDate: request.period?.reportingDate ?? null,
    kind: request.period?.kind ?? null,
    source: 'task pane',
  });
  // A closed period: closed months stay as posted, differences are caught up (CONTRACT 1.11).
  const plan = build(result, input, { ...request.meta, inputHash: hash }, { posted, period });
  const byClassification: Record<Classification, number> = { operating: 0, finance: 0, 'short-term': 0 };
  for (const l of leases) byClassification[l.classification]++;
  const figures = keyFigures(leases, input.policies, period);
  hooks.onProgress({ phase: 'Building workpapers', fraction: 1 });
  return {
    kind: 'done',
    plan,
    inputHash: hash,
    leases: leases.length,
    byClassification,
    failures,
    warnings: leases.flatMap((l) => l.warnings),
    keyFigures: figures,
    period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
  };
}

/**
 * Measures the portfolio twenty leases at a time, with `between` (a yield to the browser) between slices, so the
 * pane keeps repainting; the same result as one measurePortfolio call.
 */
export async function measureInSlices(
  input: PortfolioInput,
  hooks: { between: () => Promise<void>; checkCancel?: () => void; onProgress?: (leasesDone: number) => void },
): Promise<PortfolioResult> {
  const total = input.leases.length;
  const slice = 20;
  const ids = new Set(input.leases.map((l) => l.id));
  const leases: LeaseResult[] = [];
  const failures: LeaseFailure[] = [];
  for (let i = 0; i < total; i += slice) {
    hooks.onProgress?.(i);
    await hooks.between();
    hooks.checkCancel?.();
    const part = input.leases.slice(i, i + slice);
    const partIds = new Set(part.map((l) => l.id));
    const r = measurePortfolio({
      ...input,
      leases: part,
      modifications: input.modifications.filter((m) => partIds.has(m.leaseId)),
    });
    leases.push(...r.leases);
    failures.push(...r.failures);
  }
  const orphans = input.modifications.filter((m) => !ids.has(m.leaseId));
  if (orphans.length > 0) failures.push(...measurePortfolio({ ...input, leases: [], modifications: orphans }).failures);
  return { leases, failures };
}

/** Validate's pure half: every error and warning of the tables, and their fingerprint. */
export type CheckedInputs = InputCheck & { inputHash: string };
export type CheckTables = (tables: WorkbookTables) => Promise<CheckedInputs>;

export function checkTables(tables: WorkbookTables): CheckedInputs {
  return { ...checkPortfolio(tables), inputHash: inputHash(tables) };
}

/** Milliseconds of work between two yields inline: the pane repaints at least this often (plus one slice). */
const FRAME_BUDGET_MS = 40;

/** Lets the browser paint and handle clicks (Cancel) between slices of work. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A yield when the last one is more than a frame budget ago. */
export function yieldWhenDue(now: () => number = () => Date.now()): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < FRAME_BUDGET_MS) return;
    await yieldToBrowser();
    last = now();
  };
}

/** The computation on the pane's own thread, yielding to the browser between slices. */
export function computeInline(build: BuildWorkpapers): ComputeWorkpapers {
  return (request, hooks) => computeCore(request, build, { ...hooks, between: yieldWhenDue() });
}

// ------------------------------------------------------------------ a plan across the worker boundary

/** A block of a plan without its row function (which cannot cross to the pane): fetched in slices. */
export interface BlockShell {
  firstRow: number;
  rowCount: number;
  columnFormats: (string | undefined)[];
}

/**
 * A sheet of a plan as it crosses to the pane: its first explicit rows (`rowCount` in all; the rest are fetched in
 * slices, like blocks), each block's shape but not its rows.
 */
export type SheetShell = Omit<SheetPlan, 'blocks'> & { blocks?: BlockShell[]; rowCount: number };

/** Explicit rows a sheet's shell carries itself: a short sheet crosses whole, a long one in slices. */
export const SHELL_ROWS = 200;

/** The plan as a structured-clone-able shell, small enough to cross without stalling the pane. */
export function planShell(plan: WorkpaperPlan): SheetShell[] {
  return plan.sheets.map((s) => ({
    ...s,
    rows: s.rows.slice(0, SHELL_ROWS),
    rowCount: s.rows.length,
    blocks: s.blocks?.map((b) => ({ firstRow: b.firstRow, rowCount: b.rowCount, columnFormats: b.columnFormats })),
  }));
}

/** Explicit rows `from`..`from + count - 1` of sheet `sheet`. */
export function sheetRows(plan: WorkpaperPlan, sheet: number, from: number, count: number): (PlanCell | null)[][] {
  return plan.sheets[sheet].rows.slice(from, from + count);
}

/** Rows `from`..`from + count - 1` of block `block` of sheet `sheet`. */
export function blockRows(
  plan: WorkpaperPlan,
  sheet: number,
  block: number,
  from: number,
  count: number,
): (PlanCell | null)[][] {
  const b = plan.sheets[sheet].blocks![block];
  const out: (PlanCell | null)[][] = [];
  for (let i = from; i < Math.min(b.rowCount, from + count); i++) out.push(b.row(i));
  return out;
}

/**
 * The plan again, on the pane's side, from its shell, each sheet's explicit rows after the shell's
 * (`moreRows[sheet]`) and each block's fetched rows (`rows[sheet][block]`).
 */
export function planFromShell(
  shell: SheetShell[],
  rows: (PlanCell | null)[][][][],
  moreRows: (PlanCell | null)[][][] = [],
): WorkpaperPlan {
  return {
    sheets: shell.map(({ rowCount, ...s }, si) => {
      const all = [...s.rows, ...(moreRows[si] ?? [])];
      if (all.length !== rowCount) throw new Error(`Sheet ${s.name}: ${all.length} of ${rowCount} rows arrived`);
      return {
        ...s,
        rows: all,
        blocks: s.blocks?.map((b, bi) => ({ ...b, row: (i: number) => rows[si][bi][i].slice() })),
      };
    }),
  };
}
