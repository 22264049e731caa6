/**
 * The command line (CONTRACT section 4): read the input tables of an .xlsx, measure every lease with the same
 * engine as the add-in, and write the same workpaper sheets into a copy of the workbook.
 *
 * Exit codes: 0 done (warnings, if any, on standard error as `warning: Sheet!Cell: message`); 1 input errors (each
 * on standard error as `Sheet!Cell: message` or `Workbook: message`; no workbook written; `--json` still written,
 * with the errors and no leases); 2 usage, and an output that cannot be written (a full disk, no permission). No
 * other code and no stack trace, whatever the input: an internal error is reported at `Workbook` in a plain sentence
 * with exit 1 (nothing was written) (choice: CONTRACT 4 allows no other code). Every output (workbook, JSON) is
 * written completely to a temporary file before any replaces its target.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { measurePortfolio, portfolioWarnings } from '../engine';
import { buildJsonExport, jsonExportChunks } from '../export/json';
import { importTableCsv } from '../export/journalCsv';
import { memosDocx } from '../export/memosDocx';
import { leaseMemos } from '../workpapers/memos';
import { WORKBOOK, type InputError } from '../input/table';
import { inputHash } from '../input/hash';
import { measurementErrors, readPortfolio } from '../input/portfolio';
import { buildWorkpapers, journalFormatOf, periodJournalOf, resolveReportingPeriod } from '../workpapers';
import {
  companyLabel,
  JOURNAL_FORMAT_LABEL,
  journalImportParts,
  type ImportPart,
  type JournalFormat,
} from '../workpapers/journalImport';
import { WorkbookError } from '../xlsx/package';
import { checkPartsToCopy, writePlan } from '../xlsx/writePlan';
import { parseArgs, USAGE, type RunArgs } from './args';
import {
  removeTemporaryFiles,
  removeTemporaryFilesOnSignals,
  sameFile,
  StagedOutputs,
  writeTextAtomically,
  WriteError,
} from './atomicWrite';
import { close } from './close';
import { listErrors, readInputWorkbook } from './inputWorkbook';
import { companyFilePaths } from './journalFiles';
import { SILENT, stderrProgress, type Progress } from './progress';
import { productVersion } from './version';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** The run's timestamp; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible output. */
  now: () => Date;
  /** false: leave SIGINT/SIGTERM alone (in-process callers such as the fuzz test). */
  signals?: boolean;
}

function defaultIo(): CliIo {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()),
  };
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout.write(`${productVersion()}\n`);
      return 0;
    case 'usage':
      io.stderr.write(`lease-workpapers: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'run':
      return safely(args.json, io, () => run(args, io));
    case 'close':
      return safely(null, io, () => close(args, io));
  }
}

/** The plain sentence for an error no check caught (a defect of this program, not of the input). */
export const INTERNAL_ERROR =
  'lease-workpapers stopped on an internal error while processing this workbook; nothing was written. ' +
  'This is a defect of the program, not of your input: please report it with the workbook.';

/** A command, with every failure turned into a plain message and an exit code of the contract (0, 1 or 2). */
async function safely(json: string | null, io: CliIo, command: () => Promise<number>): Promise<number> {
  const uninstall =
    io.signals === false ? () => undefined : removeTemporaryFilesOnSignals((l) => io.stderr.write(`${l}\n`));
  try {
    return await command();
  } catch (e) {
    removeTemporaryFiles();
    if (e instanceof WriteError) return usageError(io, `${e.message}; nothing was written or replaced`);
    const error = { where: WORKBOOK, message: e instanceof WorkbookError ? e.message : INTERNAL_ERROR };
    io.stderr.write(`${error.where}: ${error.message}\n`);
    io.stderr.write('lease-workpapers: 1 input error; no workbook written\n');
    try {
      // The export still says what happened (CONTRACT 4), when it can be written.
      if (json !== null) {
        const text = `${JSON.stringify(buildJsonExport(productVersion(), null, [error]), null, 2)}\n`;
        if (json === '-') io.stdout.write(text);
        else await writeTextAtomically(resolve(json), text);
      }
    } catch {
      removeTemporaryFiles();
    }
    return 1;
  } finally {
    uninstall();
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`lease-workpapers: ${message}\n`);
  return 2;
}

async function run(args: RunArgs, io: CliIo): Promise<number> {
  const input = resolve(args.input);
  const out = resolve(args.out);
  if (!existsSync(input) || !statSync(input).isFile()) return usageError(io, `no input workbook at ${args.input}`);
  // A missing output folder is created when the file is written; a file where the folder should be is an error.
  if (existsSync(dirname(out)) && !statSync(dirname(out)).isDirectory()) {
    return usageError(io, `the folder for --out ${args.out} is a file`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) return usageError(io, `--out ${args.out} is a folder`);
  if (sameFile(input, out)) {
    return usageError(
      io,
      `--out ${args.out} is the input workbook; the input is never overwritten: choose another file`,
    );
  }
  if (args.json !== null && args.json !== '-') {
    const j = resolve(args.json);
    if (existsSync(dirname(j)) && !statSync(dirname(j)).isDirectory()) {
      return usageError(io, `the folder for --json ${args.json} is a file`);
    }
    if (existsSync(j) && statSync(j).isDirectory()) return usageError(io, `--json ${args.json} is a folder`);
    if (sameFile(j, out) || sameFile(j, input)) return usageError(io, `--json ${args.json} would overwrite a workbook`);
  }
  if (args.journalCsv !== null && args.journalCsv !== '-') {
    const c = resolve(args.journalCsv);
    if (existsSync(dirname(c)) && !statSync(dirname(c)).isDirectory()) {
      return usageError(io, `the folder for --journal-csv ${args.journalCsv} is a file`);
    }
    // A folder is not a file name (and one file per company is named from it).
    if ((existsSync(c) && statSync(c).isDirectory()) || /[\\/]$/.test(args.journalCsv)) {
      return usageError(io, `--journal-csv ${args.journalCsv} is a folder: give a file name, for example je.csv`);
    }
    if (sameFile(c, out) || sameFile(c, input) || (args.json !== null && sameFile(c, resolve(args.json)))) {
      return usageError(io, `--journal-csv ${args.journalCsv} would overwrite another output or the input`);
    }
  }
  if (args.memos !== null) {
    const m = resolve(args.memos);
    if (existsSync(dirname(m)) && !statSync(dirname(m)).isDirectory()) {
      return usageError(io, `the folder for --memos ${args.memos} is a file`);
    }
    if (sameFile(m, out) || sameFile(m, input))
      return usageError(io, `--memos ${args.memos} would overwrite a workbook`);
  }
  if (args.json === '-' && args.journalCsv === '-') {
    return usageError(io, '--json - and --journal-csv - cannot both go to standard output');
  }

  const progress: Progress = args.progress || io.stderr.isTTY ? stderrProgress(io.stderr, !!io.stderr.isTTY) : SILENT;
  const version = productVersion();
  const outputs = new StagedOutputs();
  /** What goes to standard output (`-`), written only when the run commits. */
  let toStdout: Iterable<string> | null = null;
  /** Stages the JSON export (as chunks: it can pass JavaScript's string limit). */
  const stageJson = async (chunks: Iterable<string>): Promise<void> => {
    if (args.json === null) return;
    if (args.json === '-') toStdout = chunks;
    else await outputs.stageChunks(resolve(args.json), chunks);
  };
  const commit = (): void => {
    outputs.commit();
    if (toStdout !== null) for (const c of toStdout) io.stdout.write(c);
  };
  const fail = async (errors: InputError[]): Promise<number> => {
    listErrors(io.stderr, errors);
    await stageJson(jsonExportChunks(version, null, errors));
    commit();
    return 1;
  };

  progress.phase(`Reading ${basename(input)}`);
  const workbook = await readInputWorkbook(input, (pkg) => checkPartsToCopy(pkg));
  if ('errors' in workbook) return fail(workbook.errors);
  const { pkg, tables } = workbook;

  const read = readPortfolio(tables);
  if (!read.input) return fail(read.errors);
  const portfolio = read.input;
  const generatedAt = io.now().toISOString();
  const period = resolveReportingPeriod(portfolio.policies, generatedAt.slice(0, 10), {
    reportingDate: args.reportingDate,
    kind: args.period,
  });
  progress.phase(
    `Checked inputs: ${portfolio.leases.length} lease${portfolio.leases.length === 1 ? '' : 's'}, ` +
      `${portfolio.modifications.length} modification${portfolio.modifications.length === 1 ? '' : 's'}`,
  );

  const result = measurePortfolio(portfolio, (done, total) => progress.count(done, total));
  if (result.failures.length > 0) {
    return fail(measurementErrors(read, result.failures));
  }

  // Warnings never stop the run (CONTRACT 4): listed on standard error, the run goes on to exit 0.
  for (const w of portfolioWarnings(result)) io.stderr.write(`warning: ${w.where}: ${w.message}\n`);

  progress.phase(`Building workpapers for ${period.label} (${period.start} to ${period.end})`);
  const journal = periodJournalOf(result, portfolio, period, read.posted);
  const journalFormat = args.journalFormat ?? journalFormatOf(portfolio.policies);
  const importFiles = journalFiles(args, input, out, journalFormat, journalImportParts(journal, journalFormat));
  if (typeof importFiles === 'string') return usageError(io, importFiles);
  const plan = buildWorkpapers(
    result,
    portfolio,
    {
      productVersion: version,
      generatedAt,
      source: tables.source ?? basename(input),
      inputHash: inputHash(tables),
      host: 'command line',
    },
    { period, journal, journalFormat, posted: read.posted },
  );

  progress.phase(`Writing ${basename(out)}`);
  try {
    await outputs.stage(out, (tmp) => writePlan(pkg, plan, tmp));
    await stageJson(jsonExportChunks(version, result, [], period, journal));
    for (const f of importFiles) {
      const csv = importTableCsv(f.part.table);
      if (f.path === '-') toStdout = [csv];
      else await outputs.stageText(resolve(f.path), csv);
    }
    if (args.memos !== null) {
      const bytes = await memosDocx(leaseMemos(result.leases, portfolio.leases, portfolio.policies), {
        product: `Lease Workpapers ${version}`,
        source: tables.source ?? basename(input),
        period: period.label,
        generatedAt,
      });
      await outputs.stage(resolve(args.memos), (tmp) => writeFileSync(tmp, bytes));
    }
  } catch (e) {
    outputs.discard();
    if (e instanceof WorkbookError) return fail([{ where: WORKBOOK, message: e.message }]);
    throw e;
  }
  commit();
  progress.done();
  if (importFiles.length > 1) io.stderr.write(filesWritten(journalFormat, importFiles));
  return 0;
}

/**
 * Where --journal-csv's import files go: nowhere (no --journal-csv), the name given (one file, or "-"), or, in a
 * layout that holds one company per file with several companies in the period, one file per company named from it
 * (journalFiles.ts). A usage message when they cannot go there: several companies to standard output (choice: one
 * stream cannot be split into files, and a mixed file would post one company's entries into another; exit 2, nothing
 * written), or a file that is another output or the input.
 */
function journalFiles(
  args: RunArgs,
  input: string,
  out: string,
  format: JournalFormat,
  parts: ImportPart[],
): ImportFile[] | string {
  if (args.journalCsv === null) return [];
  if (parts.length === 1) return [{ path: args.journalCsv, part: parts[0] }];
  const label = JOURNAL_FORMAT_LABEL[format];
  if (args.journalCsv === '-') {
    return (
      `--journal-csv - cannot hold this ${label} journal: ${label} imports one company (one entity in one currency) ` +
      `per file and the period spans ${parts.length} companies (${companyList(parts)}). Give a file name (for ` +
      'example --journal-csv je.csv) and one file is written per company; nothing was written'
    );
  }
  // Every part names its company when there are several.
  const paths = companyFilePaths(
    args.journalCsv,
    parts.flatMap((p) => (p.company ? [p.company] : [])),
  );
  const others = [
    input,
    out,
    ...(args.json !== null && args.json !== '-' ? [args.json] : []),
    ...(args.memos !== null ? [args.memos] : []),
  ];
  for (const p of paths) {
    const r = resolve(p);
    if (existsSync(r) && statSync(r).isDirectory())
      return `--journal-csv ${args.journalCsv}: ${p} is a folder; nothing was written`;
    if (others.some((o) => sameFile(r, resolve(o)))) {
      return `--journal-csv ${args.journalCsv}: ${p} would overwrite another output or the input; nothing was written`;
    }
  }
  return paths.map((path, i) => ({ path, part: parts[i] }));
}

type ImportFile = { path: string; part: ImportPart };

/** "Compute Co, USD; Parent Co, USD" (the first five, then how many more). */
function companyList(parts: readonly ImportPart[]): string {
  const names = parts.flatMap((p) => (p.company ? [companyLabel(p.company)] : []));
  return names.length <= 5 ? names.join('; ') : `${names.slice(0, 5).join('; ')}; and ${names.length - 5} more`;
}

/**
 * What the command line says after writing one import file per company, a line for each (on standard error, which
 * keeps standard output for `--json -`): `lease-workpapers: wrote je - Parent Co.csv, the QuickBooks Online import
 * file of Parent Co, USD (company 2 of 2)`.
 */
function filesWritten(format: JournalFormat, files: readonly ImportFile[]): string {
  return files
    .map(
      (f, i) =>
        `lease-workpapers: wrote ${f.path}, the ${JOURNAL_FORMAT_LABEL[format]} import file of ` +
        `${f.part.company ? companyLabel(f.part.company) : 'every company'} (company ${i + 1} of ${files.length})\n`,
    )
    .join('');
}
