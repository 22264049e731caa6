/**
 * The Run Log sheet: the audit trail first (prepared by and reviewed by from the Policies table, the period, the host
 * that ran it, the product version, a SHA-256 hash of the input tables, the checks passed as the spreadsheet computes
 * them), then what produced the workpapers (time, input), lease counts, the policies in force and the sheets written.
 */
import type { LeaseResult } from '../../engine';
import type { Policies } from '../../engine/terms';
import { ACCOUNT_ROLES, type ChartOfAccounts } from '../../input/accountRoles';
import { bold, FMT, formula, num, sheetRef, text } from '../cells';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';

export interface RunLogInput {
  productVersion: string;
  generatedAt: string;
  source: string;
  inputHash: string;
  policies: Policies;
  reportingDate: string;
  reportingDateSource: string;
  chart: ChartOfAccounts;
  /** The Schedules' window, or null when they hold every month. */
  scheduleWindow: { from: string; to: string } | null;
  /** The period reported (CONTRACT 1.11). */
  period: { label: string; start: string; end: string; closedThrough: string | null };
  leases: readonly LeaseResult[];
  sheetNames: string[];
  journalLines: number;
  tieOutSummaryCell: string;
  tieOutResultCell: string;
  /** The Tie-Out's Result column over its checks ("G6:G52"). */
  tieOutChecksRange: string;
  /** Where the run happened: "Excel on the web", "Excel desktop", "command line". */
  host: string;
}

/** The host, in words, from Office.js's platform ("OfficeOnline", "PC", "Mac", ...) or the command line. */
export function hostLabel(platform: string | null | undefined): string {
  if (!platform) return 'Excel (add-in)';
  if (platform === 'OfficeOnline') return 'Excel on the web';
  if (platform === 'PC') return 'Excel desktop (Windows)';
  if (platform === 'Mac') return 'Excel desktop (Mac)';
  if (platform === 'iOS' || platform === 'Android') return `Excel (${platform})`;
  return platform;
}

/** At most this many warnings are listed; the command line and the JSON export list them all. */
export const RUN_LOG_MAX_WARNINGS = 100;

/** The run's warnings (CONTRACT 1.10), each at its cell: they did not stop the run. */
function warningRows(leases: readonly LeaseResult[]): (PlanCell | null)[][] {
  const warnings = leases.flatMap((l) => l.warnings);
  const rows: (PlanCell | null)[][] = [[bold('Warnings'), text(warnings.length === 0 ? 'None' : `${warnings.length}`)]];
  for (const w of warnings.slice(0, RUN_LOG_MAX_WARNINGS)) rows.push([text(w.where), text(w.message)]);
  if (warnings.length > RUN_LOG_MAX_WARNINGS) {
    rows.push([
      text(`… and ${warnings.length - RUN_LOG_MAX_WARNINGS} more`),
      text('listed in full by Validate and the JSON export'),
    ]);
  }
  return rows;
}

function pct(d: { toString(): string }): string {
  return `${(Number(d.toString()) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function runLogSheet(input: RunLogInput): SheetPlan {
  const rows: (PlanCell | null)[][] = [];
  const kv = (k: string, v: PlanCell | null) => rows.push([text(k), v]);
  const p = input.policies;
  rows.push([bold('Run Log')]);
  rows.push([]);
  rows.push([bold('Audit trail')]);
  kv('Prepared by', text(p.preparedBy || 'not given (Policies: Prepared By)'));
  kv('Reviewed by', text(p.reviewedBy || 'not given (Policies: Reviewed By)'));
  kv('Period', text(`${input.period.label}: ${input.period.start} to ${input.period.end}`));
  kv('Host', text(input.host));
  kv('Product version', text(input.productVersion));
  kv('Input hash (SHA-256 of the input tables)', text(input.inputHash));
  const t = sheetRef(SHEET.tieOut);
  const checks = `${t}${input.tieOutChecksRange.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  kv('Checks passed (as the spreadsheet computes them)', formula(`COUNTIF(${checks},"PASS")`, FMT.integer));
  kv('Checks', formula(`ROWS(${checks})`, FMT.integer));
  kv('Tie-out', formula(`${t}${input.tieOutSummaryCell}`));
  kv('Tie-out result', formula(`${t}${input.tieOutResultCell}`, undefined, true));
  const resultRow = rows.length;
  rows.push([]);
  kv('Product', text('Lease Workpapers (ASC 842)'));
  kv('Generated at', text(input.generatedAt));
  kv('Input', text(input.source));
  rows.push([]);
  rows.push([bold('Leases')]);
  const count = (c: string) => input.leases.filter((l) => l.classification === c).length;
  kv('Leases', num(input.leases.length, FMT.integer));
  kv('Operating', num(count('operating'), FMT.integer));
  kv('Finance', num(count('finance'), FMT.integer));
  kv('Short-term', num(count('short-term'), FMT.integer));
  kv(
    'Modified (remeasured, terminated or impaired)',
    num(input.leases.filter((l) => l.measurements.length > 1 || l.months.some((m) => m.event)).length, FMT.integer),
  );
  kv(
    'Lease-month rows',
    num(
      input.leases.reduce((s, l) => s + l.months.length, 0),
      FMT.integer,
    ),
  );
  kv(
    'Schedules hold',
    text(
      input.scheduleWindow
        ? `the window ${input.scheduleWindow.from} to ${input.scheduleWindow.to} (every month of every lease would not make a workbook Excel on the web opens)`
        : 'every month of every lease',
    ),
  );
  kv('Journal lines', num(input.journalLines, FMT.integer));
  kv('Currencies', text([...new Set(input.leases.map((l) => l.currency))].sort().join(', ')));
  rows.push([]);
  rows.push([bold('Policies in force')]);
  kv('Rate Basis', text(p.rateBasis));
  kv('Short-Term Exemption', text(p.shortTermExemption ? 'Yes' : 'No'));
  kv('Economic Life Threshold', text(pct(p.economicLifeThreshold)));
  kv('Fair Value Threshold', text(pct(p.fairValueThreshold)));
  kv('Partial Termination Method', text(p.partialTerminationMethod));
  kv('Reporting Date', text(`${input.reportingDate} (${input.reportingDateSource})`));
  kv('Reporting Period', text(`${input.period.label}: ${input.period.start} to ${input.period.end}`));
  kv('Fiscal Year End Month', num(p.fiscalYearEndMonth, FMT.integer));
  kv('Closed Through', text(input.period.closedThrough ?? 'no period closed'));
  rows.push([]);
  rows.push([bold('GL accounts (GLAccounts table, else the default names; per-entity rows in the table)')]);
  for (const role of ACCOUNT_ROLES) {
    const a = input.chart.account(role, '');
    kv(role, text(a.number ? `${a.number} ${a.name}` : a.name));
  }
  rows.push([]);
  rows.push([bold('Sheets written')]);
  for (const s of input.sheetNames) rows.push([text(s)]);
  rows.push([]);
  rows.push(...warningRows(input.leases));
  return {
    name: SHEET.runLog,
    rows,
    columnWidths: [44, 70],
    conditionalFormats: [{ range: `B${resultRow}`, kind: 'passFail' }],
    tabColor: '#595959',
  };
}
