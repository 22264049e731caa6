/**
 * What the pane's buttons do, without React: check the inputs, and generate the workpapers phase by phase
 * (read tables, check inputs, measure leases in slices with a yield between them so the progress bar moves and
 * Cancel is heard, build the sheets, write them). Only Office.js plumbing here; the figures come from the pure
 * layers (readPortfolio, measurePortfolio, the workpaper builder).
 */
import { measurePortfolio, type PortfolioResult, type LeaseFailure } from '../engine';
import type { LeaseResult, LeaseWarning, PortfolioInput } from '../engine';
import { checkPortfolio, inputHash, readPortfolio, type InputCheck, type InputError } from '../input';
import { readWorkbookTables } from '../office/readTables';
import { CancelledError, writeWorkpapers, type WriteResult } from '../office/workpaperWriter';
import type { WorkpaperPlan } from '../workpapers/plan';
import type { BuildOptions, RunMeta } from '../workpapers';
import { readCheckResults } from '../office/checkResults';
import type { WorkbookHost } from './host';

export type { RunMeta } from '../workpapers';

export type BuildWorkpapers = (
  result: PortfolioResult,
  input: PortfolioInput,
  meta: RunMeta,
  options?: BuildOptions,
) => WorkpaperPlan;

/** Errors (they stop Generate) and warnings (they do not), each with its cell and severity. */
export type CheckResult = InputCheck;

export async function checkInputs(host: WorkbookHost): Promise<CheckResult> {
  return checkPortfolio(await readWorkbookTables(host.run));
}

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
  detail: string;
}

export interface GenerateSummary {
  leases: number;
  byClassification: Record<'operating' | 'finance' | 'short-term', number>;
  failures: LeaseFailure[];
  /** The measured leases' warnings (CONTRACT 1.10): listed, never stopping the run. */
  warnings: LeaseWarning[];
  checksPassed: number;
  checksTotal: number;
  seconds: number;
  write: WriteResult;
}

export type GenerateOutcome =
  { kind: 'done'; summary: GenerateSummary } | { kind: 'inputErrors'; errors: InputError[] } | { kind: 'cancelled' };

/** Share of the bar each phase takes. */
const WEIGHTS: Record<Phase, [number, number]> = {
  'Reading your tables': [0, 0.05],
  'Checking inputs': [0.05, 0.1],
  'Measuring leases': [0.1, 0.45],
  'Building workpapers': [0.45, 0.55],
  'Writing sheets': [0.55, 1],
};

/** Lets the browser paint and handle clicks (Cancel) between slices of work. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface GenerateOptions {
  build: BuildWorkpapers;
  onProgress: (p: GenerateProgress) => void;
  isCancelled: () => boolean;
  /** Leases measured between yields. */
  sliceSize?: number;
  now?: () => number;
}

export async function generateWorkpapers(host: WorkbookHost, options: GenerateOptions): Promise<GenerateOutcome> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const report = (phase: Phase, fraction: number, detail = ''): void => {
    const [a, b] = WEIGHTS[phase];
    options.onProgress({ phase, fraction, overall: a + (b - a) * fraction, detail });
  };
  const checkCancel = (): void => {
    if (options.isCancelled()) throw new CancelledError();
  };
  try {
    report('Reading your tables', 0);
    const tables = await readWorkbookTables(host.run);
    checkCancel();
    report('Checking inputs', 0);
    await yieldToBrowser();
    const { input, errors, posted } = readPortfolio(tables);
    if (!input || errors.length > 0) return { kind: 'inputErrors', errors };
    checkCancel();

    const total = input.leases.length;
    const slice = Math.max(1, options.sliceSize ?? 25);
    const ids = new Set(input.leases.map((l) => l.id));
    const leases: LeaseResult[] = [];
    const failures: LeaseFailure[] = [];
    for (let i = 0; i < total; i += slice) {
      report('Measuring leases', i / Math.max(1, total), `${i} of ${total} leases`);
      await yieldToBrowser();
      checkCancel();
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
    if (orphans.length > 0)
      failures.push(...measurePortfolio({ ...input, leases: [], modifications: orphans }).failures);
    const result: PortfolioResult = { leases, failures };
    report('Measuring leases', 1, `${total} of ${total} leases`);

    report('Building workpapers', 0);
    await yieldToBrowser();
    checkCancel();
    const plan = options.build(
      result,
      input,
      {
        productVersion: host.productVersion,
        generatedAt: new Date(now()).toISOString(),
        source: tables.source ?? 'workbook',
        inputHash: inputHash(tables),
      },
      // A closed period: closed months stay as posted, differences are caught up (CONTRACT 1.11).
      { posted },
    );
    report('Building workpapers', 1);

    report('Writing sheets', 0);
    await yieldToBrowser();
    checkCancel();
    const write = await writeWorkpapers(host.run, plan, {
      canSuspendScreenUpdating: host.isSetSupported('1.9'),
      isCancelled: options.isCancelled,
      onProgress: (p) =>
        report('Writing sheets', p.cellsTotal > 0 ? p.cellsDone / p.cellsTotal : 1, `${p.requests} requests sent`),
    });
    report('Writing sheets', 1);
    // The verdicts as Excel computed them from the sheets just written.
    const tieOut = write.sheets.find((sh) => /^tie-out$/i.test(sh.role));
    const checks = tieOut ? await readCheckResults(host.run, tieOut.name) : { passed: 0, total: 0 };

    const byClassification = { operating: 0, finance: 0, 'short-term': 0 };
    for (const l of leases) byClassification[l.classification]++;
    return {
      kind: 'done',
      summary: {
        leases: leases.length,
        byClassification,
        failures,
        warnings: leases.flatMap((l) => l.warnings),
        checksPassed: checks.passed,
        checksTotal: checks.total,
        seconds: (now() - started) / 1000,
        write,
      },
    };
  } catch (e) {
    if (e instanceof CancelledError) return { kind: 'cancelled' };
    throw e;
  }
}
