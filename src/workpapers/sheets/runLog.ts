/**
 * The Run Log sheet: what produced the workpapers (product version, time, input file or workbook, a SHA-256 hash of
 * the input tables), the policies in force, lease counts, the sheets written and the live tie-out summary.
 */
import type { LeaseResult } from '../../engine';
import type { Policies } from '../../engine/terms';
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
  /** The period reported (CONTRACT 1.11). */
  period: { label: string; start: string; end: string; closedThrough: string | null };
  leases: readonly LeaseResult[];
  sheetNames: string[];
  journalLines: number;
  tieOutSummaryCell: string;
  tieOutResultCell: string;
}

const ACCOUNT_LABELS: Record<keyof Policies['accounts'], string> = {
  rouAsset: 'ROU asset account',
  leaseLiability: 'Lease liability account',
  cash: 'Cash account',
  operatingLeaseCost: 'Operating lease cost account',
  interestExpense: 'Interest expense account',
  amortizationExpense: 'Amortization expense account',
  shortTermLeaseCost: 'Short-term lease cost account',
  prepaidRent: 'Prepaid rent account',
  initialDirectCosts: 'Initial direct costs account',
  leaseIncentives: 'Lease incentives account',
  gainLoss: 'Gain/loss account',
  impairmentLoss: 'Impairment loss account',
  ownedAssets: 'Owned assets account',
};

function pct(d: { toString(): string }): string {
  return `${(Number(d.toString()) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function runLogSheet(input: RunLogInput): SheetPlan {
  const rows: (PlanCell | null)[][] = [];
  const kv = (k: string, v: PlanCell | null) => rows.push([text(k), v]);
  const p = input.policies;
  rows.push([bold('Run Log')]);
  rows.push([]);
  kv('Product', text('Lease Workpapers (ASC 842)'));
  kv('Product version', text(input.productVersion));
  kv('Generated at', text(input.generatedAt));
  kv('Input', text(input.source));
  kv('Input hash (SHA-256 of the input tables)', text(input.inputHash));
  const t = sheetRef(SHEET.tieOut);
  kv('Tie-out', formula(`${t}${input.tieOutSummaryCell}`));
  kv('Tie-out result', formula(`${t}${input.tieOutResultCell}`, undefined, true));
  const resultRow = rows.length;
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
  for (const [key, label] of Object.entries(ACCOUNT_LABELS))
    kv(label, text(p.accounts[key as keyof typeof ACCOUNT_LABELS]));
  rows.push([]);
  rows.push([bold('Sheets written')]);
  for (const s of input.sheetNames) rows.push([text(s)]);
  return {
    name: SHEET.runLog,
    rows,
    columnWidths: [44, 70],
    conditionalFormats: [{ range: `B${resultRow}`, kind: 'passFail' }],
    tabColor: '#595959',
  };
}
