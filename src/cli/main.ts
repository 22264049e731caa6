/**
 * The command line (CONTRACT section 4): read the input tables of an .xlsx, measure every lease with the same
 * engine as the add-in, and write the same workpaper sheets into a copy of the workbook.
 *
 * Exit codes: 0 done (warnings, if any, on standard error as `warning: Sheet!Cell: message`); 1 input errors (each
 * on standard error as `Sheet!Cell: message`; no workbook written; `--json` still written, with the errors and no
 * leases); 2 usage.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { measurePortfolio, portfolioWarnings } from '../engine';
import { buildJsonExport } from '../export/json';
import { memosDocx } from '../export/memosDocx';
import type { InputError } from '../input/table';
import { inputHash } from '../input/hash';
import { readPortfolio } from '../input/portfolio';
import { buildWorkpapers, resolveReportingPeriod } from '../workpapers';
import { leaseMemos } from '../workpapers/memos';
import { readTablesFromFile } from '../xlsx/readTables';
import { writePlan } from '../xlsx/writePlan';
import { parseArgs, USAGE, type RunArgs } from './args';
import { close } from './close';
import { writeAtomically, writeTextAtomically } from './atomicWrite';
import { SILENT, stderrProgress, type Progress } from './progress';
import { productVersion } from './version';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** The run's timestamp; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible output. */
  now: () => Date;
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
      return run(args, io);
    case 'close':
      return close(args, io);
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
  if (args.json !== null && args.json !== '-') {
    const j = resolve(args.json);
    if (existsSync(dirname(j)) && !statSync(dirname(j)).isDirectory()) {
      return usageError(io, `the folder for --json ${args.json} is a file`);
    }
    if (j === out || j === input) return usageError(io, `--json ${args.json} would overwrite a workbook`);
  }
  if (args.memos !== null) {
    const m = resolve(args.memos);
    if (existsSync(dirname(m)) && !statSync(dirname(m)).isDirectory()) {
      return usageError(io, `the folder for --memos ${args.memos} is a file`);
    }
    if (m === out || m === input) return usageError(io, `--memos ${args.memos} would overwrite a workbook`);
  }

  const progress: Progress = args.progress || io.stderr.isTTY ? stderrProgress(io.stderr, !!io.stderr.isTTY) : SILENT;
  const version = productVersion();
  const writeJson = async (json: unknown): Promise<void> => {
    if (args.json === null) return;
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (args.json === '-') io.stdout.write(text);
    else await writeTextAtomically(resolve(args.json), text);
  };
  const fail = async (errors: InputError[]): Promise<number> => {
    for (const e of errors) io.stderr.write(`${e.where}: ${e.message}\n`);
    io.stderr.write(
      `lease-workpapers: ${errors.length} input error${errors.length === 1 ? '' : 's'}; no workbook written\n`,
    );
    await writeJson(buildJsonExport(version, null, errors));
    return 1;
  };

  progress.phase(`Reading ${basename(input)}`);
  let tables;
  try {
    tables = await readTablesFromFile(input);
  } catch (e) {
    return fail([{ where: basename(input), message: `not a readable .xlsx workbook (${(e as Error).message})` }]);
  }

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
    return fail(
      result.failures.map((f) => ({
        where: f.where ?? read.leaseSources.get(f.leaseId) ?? 'Leases',
        message: f.message,
      })),
    );
  }

  // Warnings never stop the run (CONTRACT 4): listed on standard error, the run goes on to exit 0.
  for (const w of portfolioWarnings(result)) io.stderr.write(`warning: ${w.where}: ${w.message}\n`);

  progress.phase(`Building workpapers for ${period.label} (${period.start} to ${period.end})`);
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
    { period, posted: read.posted },
  );

  progress.phase(`Writing ${basename(out)}`);
  await writeAtomically(out, (tmp) => writePlan(input, plan, tmp));
  await writeJson(buildJsonExport(version, result, [], period));
  if (args.memos !== null) {
    progress.phase(`Writing ${basename(args.memos)}`);
    const bytes = await memosDocx(leaseMemos(result.leases, portfolio.leases, portfolio.policies), {
      product: `Lease Workpapers ${version}`,
      source: tables.source ?? basename(input),
      period: period.label,
      generatedAt,
    });
    await writeAtomically(resolve(args.memos), (tmp) => writeFileSync(tmp, bytes));
  }
  progress.done();
  return 0;
}
