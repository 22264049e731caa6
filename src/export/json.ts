import { formatCents } from '../engine/money/cents';
import { portfolioWarnings, type PortfolioResult } from '../engine/portfolio';
import type { LeaseResult, MonthRow } from '../engine/schedule/types';
import { periodExport, type ReportingPeriod } from '../workpapers/reportingPeriod';
import type { JournalLine } from '../workpapers/journal';
import type { PeriodJournal } from '../workpapers/periodJournal';

/** The `--json` export of CONTRACT section 5: amounts as strings with two decimals. */
export interface JsonMonth {
  month: number;
  start: string;
  end: string;
  classification: string;
  payment: string;
  interest: string;
  liabilityAdjustment: string;
  liabilityEnd: string;
  rouAdjustment: string;
  rouEnd: string;
  leaseCost: string;
  amortization: string;
  gainLoss: string;
  /** Impairment loss booked in the month (a positive amount, inside rouAdjustment). An addition to CONTRACT 5. */
  impairment: string;
  /** The date the month's impairment is booked on (any day of the month; CONTRACT 1.10 v4): only when there is one. */
  impairmentDate?: string;
  /** An incentive received at a modification this month (inside rouAdjustment as a reduction): only when there is one. */
  incentiveReceived?: string;
  /** Variable lease cost of the month (VariablePayments): cash, never in the liability. An addition to CONTRACT 5. */
  variableCost: string;
}

export interface JsonLease {
  id: string;
  classification: string;
  monthlyRate: string;
  liabilityAtCommencement: string;
  paidAtCommencement: string;
  rouAtCommencement: string;
  months: JsonMonth[];
}

/** One detail line of the period's journal (CONTRACT section 5 `journal`, plus currency, entry type and segments). */
export interface JsonJournalLine {
  date: string;
  entity: string;
  leaseId: string;
  entry: string;
  /** The account role (a `GLAccounts` Account Key). */
  accountKey: string;
  accountNumber: string;
  accountName: string;
  debit: string;
  credit: string;
  memo: string;
  catchUp: boolean;
  currency: string;
  entryType: string;
  /** The `GLAccounts` segment values of the account, by segment header. */
  segments: Record<string, string>;
}

export interface JsonExport {
  version: string;
  /** The period reported (CONTRACT 1.11); null when the inputs had errors. */
  period: ReportingPeriod | null;
  leases: JsonLease[];
  /** The period's detail journal lines (CONTRACT section 5). */
  journal: JsonJournalLine[];
  errors: { where: string; message: string }[];
  /** What a reviewer should see but did not stop the run (CONTRACT 1.10, 5), each at its cell. */
  warnings: { where: string; message: string }[];
}

export function journalLineToJson(j: PeriodJournal, l: JournalLine): JsonJournalLine {
  const a = j.chart.account(l.role, l.entity);
  const segments: Record<string, string> = {};
  j.chart.segmentNames.forEach((name, i) => (segments[name] = a.segments[i]));
  return {
    date: l.date,
    entity: l.entity,
    leaseId: l.leaseId,
    entry: l.entry,
    accountKey: l.role,
    accountNumber: a.number,
    accountName: a.name,
    debit: formatCents(l.debit),
    credit: formatCents(l.credit),
    memo: l.memo,
    catchUp: l.catchUp,
    currency: l.currency,
    entryType: l.kind,
    segments,
  };
}

function month(r: MonthRow): JsonMonth {
  const out: JsonMonth = {
    month: r.month,
    start: r.start,
    end: r.end,
    classification: r.classification,
    payment: formatCents(r.payment),
    interest: formatCents(r.interest),
    liabilityAdjustment: formatCents(r.liabilityAdjustment),
    liabilityEnd: formatCents(r.liabilityEnd),
    rouAdjustment: formatCents(r.rouAdjustment),
    rouEnd: formatCents(r.rouEnd),
    leaseCost: formatCents(r.leaseCost),
    amortization: formatCents(r.amortization),
    gainLoss: formatCents(r.gainLoss),
    impairment: formatCents(r.impairment),
    variableCost: formatCents(r.variableCost),
  };
  if (r.impairment !== 0 && r.impairmentDate !== null) out.impairmentDate = r.impairmentDate;
  if (r.incentiveReceived !== 0) out.incentiveReceived = formatCents(r.incentiveReceived);
  return out;
}

function leaseHead(l: LeaseResult): Omit<JsonLease, 'months'> {
  return {
    id: l.id,
    classification: l.classification,
    monthlyRate: l.monthlyRate.text,
    liabilityAtCommencement: formatCents(l.liabilityAtCommencement),
    paidAtCommencement: formatCents(l.paidAtCommencement),
    rouAtCommencement: formatCents(l.rouAtCommencement),
  };
}

export function leaseToJson(l: LeaseResult): JsonLease {
  return { ...leaseHead(l), months: l.months.map(month) };
}

function warnings(result: PortfolioResult | null): { where: string; message: string }[] {
  return result ? portfolioWarnings(result).map(({ where, message }) => ({ where, message })) : [];
}

function failures(result: PortfolioResult | null): { where: string; message: string }[] {
  return (result?.failures ?? []).map((f) => ({
    where: f.where ?? `Leases (${f.leaseId})`,
    message: f.message,
  }));
}

/**
 * The export: with input errors (`result` null) it carries the errors and no leases. Leases the engine could not
 * measure are reported as errors too, at the cell named by the failure when there is one. The measured leases'
 * warnings are listed in `warnings`.
 */
export function buildJsonExport(
  version: string,
  result: PortfolioResult | null,
  errors: { where: string; message: string }[],
  period: ReportingPeriod | null = null,
  journal: PeriodJournal | null = null,
): JsonExport {
  const lines: JsonJournalLine[] = [];
  if (result && journal) {
    result.leases.forEach((_, i) => {
      for (const l of journal.leaseLines(i)) lines.push(journalLineToJson(journal, l));
    });
  }
  return {
    version,
    period: period ? periodExport(period) : null,
    leases: result ? result.leases.map(leaseToJson) : [],
    journal: lines,
    errors: [...errors, ...failures(result)],
    warnings: warnings(result),
  };
}

/**
 * The same export as text, piece by piece (a lease, a month or a journal line at a time), so an export of any size
 * is written without ever being one string: JavaScript strings stop at about 512 MB. Each month and journal line
 * sits on one line; `JSON.parse` of the joined pieces equals `buildJsonExport`.
 */
export function* jsonExportChunks(
  version: string,
  result: PortfolioResult | null,
  errors: { where: string; message: string }[],
  period: ReportingPeriod | null = null,
  journal: PeriodJournal | null = null,
): Generator<string> {
  const j = JSON.stringify;
  yield `{\n  "version": ${j(version)},\n  "period": ${j(period ? periodExport(period) : null)},\n  "leases": [`;
  const leases = result?.leases ?? [];
  for (let i = 0; i < leases.length; i++) {
    const fields = Object.entries(leaseHead(leases[i]))
      .map(([k, v]) => `\n      ${j(k)}: ${j(v)},`)
      .join('');
    let text = `${i === 0 ? '' : ','}\n    {${fields}\n      "months": [`;
    const rows = leases[i].months;
    for (let k = 0; k < rows.length; k++) {
      text += `${k === 0 ? '' : ','}\n        ${j(month(rows[k]))}`;
      if (text.length > 1 << 16) {
        yield text;
        text = '';
      }
    }
    yield `${text}${rows.length === 0 ? '' : '\n      '}]\n    }`;
  }
  yield `${leases.length === 0 ? '' : '\n  '}],\n  "journal": [`;
  let first = true;
  if (result && journal) {
    for (let i = 0; i < leases.length; i++) {
      let text = '';
      for (const l of journal.leaseLines(i)) {
        text += `${first ? '' : ','}\n    ${j(journalLineToJson(journal, l))}`;
        first = false;
      }
      if (text) yield text;
    }
  }
  const list = (x: unknown) => j(x, null, 2).replace(/\n/g, '\n  ');
  yield `${first ? '' : '\n  '}],\n  "errors": ${list([...errors, ...failures(result)])},\n  "warnings": ${list(warnings(result))}\n}\n`;
}
