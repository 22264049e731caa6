/**
 * `lease-workpapers close <workbook.xlsx> --through YYYY-MM-DD --out <output.xlsx>` (CONTRACT section 4): records
 * the closed month in a copy of the workbook: the Posted Balances sheet (table PostedBalances, per lease, what is
 * booked through the month-end) and Closed Through in the Policies table. The input is never written; the other
 * sheets are copied as they are.
 *
 * Exit codes: 0 closed; 1 the workbook's inputs have errors, or the close is refused (a month-end before Closed
 * Through, after the Reporting Date, or the closed month again while its figures changed), each on standard error
 * as `Sheet!Cell: message`; 2 usage (a --through that is not a month-end included).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { measurePortfolio } from '../engine';
import { policySettingWhere } from '../input/policies';
import { measurementErrors, readPortfolio } from '../input/portfolio';
import { findTable, WORKBOOK, type InputError } from '../input/table';
import { resolveReportingPeriod } from '../workpapers';
import { closePlan, closeRefusal, closeReportingDateSource } from '../workpapers/close';
import { POSTED_BALANCES_SHEET } from '../workpapers/sheets/postedBalances';
import { WorkbookError } from '../xlsx/package';
import { checkPartsToCopy, writePlan } from '../xlsx/writePlan';
import type { CloseArgs } from './args';
import { listErrors, readInputWorkbook } from './inputWorkbook';
import { sameFile, writeAtomically } from './atomicWrite';
import type { CliIo } from './main';
import { SILENT, stderrProgress, type Progress } from './progress';
import { productVersion } from './version';

/** A close replaces the Posted Balances sheet and nothing else. */
const replacesPostedBalances = (name: string): boolean =>
  name.trim().toLowerCase() === POSTED_BALANCES_SHEET.toLowerCase();

const SETTING = { closedThrough: 'Closed Through', reportingDate: 'Reporting Date' } as const;

export async function close(args: CloseArgs, io: CliIo): Promise<number> {
  const input = resolve(args.input);
  const out = resolve(args.out);
  const usage = (message: string) => {
    io.stderr.write(`lease-workpapers: ${message}\n`);
    return 2;
  };
  if (!existsSync(input) || !statSync(input).isFile()) return usage(`no workbook at ${args.input}`);
  if (sameFile(input, out)) return usage('--out must be another file: the input workbook is never written');
  if (existsSync(out) && statSync(out).isDirectory()) return usage(`--out ${args.out} is a folder`);

  const progress: Progress = args.progress || io.stderr.isTTY ? stderrProgress(io.stderr, !!io.stderr.isTTY) : SILENT;
  const fail = (errors: InputError[], what = 'input error'): number => {
    listErrors(io.stderr, errors, what);
    return 1;
  };

  progress.phase(`Reading ${basename(input)}`);
  const workbook = await readInputWorkbook(input, (pkg) => checkPartsToCopy(pkg, { replaces: replacesPostedBalances }));
  if ('errors' in workbook) return fail(workbook.errors);
  const { pkg, tables } = workbook;
  const read = readPortfolio(tables);
  if (!read.input) return fail(read.errors);
  const portfolio = read.input;
  const result = measurePortfolio(portfolio, (done, total) => progress.count(done, total));
  if (result.failures.length > 0) {
    return fail(measurementErrors(read, result.failures));
  }

  const now = io.now().toISOString();
  const period = resolveReportingPeriod(portfolio.policies, now.slice(0, 10));
  const policiesTable = findTable(tables, 'Policies');
  const refusal = closeRefusal({
    through: args.through,
    reportingDate: period.end,
    reportingDateSource: closeReportingDateSource(period.source),
    leases: result.leases,
    posted: read.posted,
  });
  if (refusal) {
    const where = policySettingWhere(policiesTable, SETTING[refusal.where]) ?? WORKBOOK;
    return fail([{ where, message: refusal.message }], 'refusal');
  }
  if (!policiesTable) {
    return fail([
      {
        where: WORKBOOK,
        message: 'No table named Policies to record Closed Through in; add one (the template writes it), then close',
      },
    ]);
  }

  progress.phase(`Recording the close through ${args.through}`);
  const version = productVersion();
  const plan = closePlan({ through: args.through, leases: result.leases, recordedAt: now, productVersion: version });
  const [y, m, d] = args.through.split('-').map(Number);
  try {
    await writeAtomically(out, (tmp) =>
      writePlan(pkg, plan, tmp, {
        replaces: replacesPostedBalances,
        policy: { setting: SETTING.closedThrough, value: new Date(Date.UTC(y, m - 1, d)), numberFormat: 'yyyy-mm-dd' },
      }),
    );
  } catch (e) {
    if (e instanceof WorkbookError) return fail([{ where: WORKBOOK, message: e.message }]);
    throw e;
  }
  progress.done();
  io.stdout.write(
    `Closed through ${args.through}: ${result.leases.length} lease${result.leases.length === 1 ? '' : 's'} recorded in PostedBalances (sheet ${POSTED_BALANCES_SHEET}); Closed Through set in Policies; written to ${args.out}\n`,
  );
  return 0;
}
