import { formatCents } from '../engine/money/cents';
import { portfolioWarnings, type PortfolioResult } from '../engine/portfolio';
import type { LeaseResult, MonthRow } from '../engine/schedule/types';
import { periodExport, type ReportingPeriod } from '../workpapers/reportingPeriod';

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

export interface JsonExport {
  version: string;
  /** The period reported (CONTRACT 1.11); null when the inputs had errors. */
  period: ReportingPeriod | null;
  leases: JsonLease[];
  errors: { where: string; message: string }[];
  /** What a reviewer should see but did not stop the run (CONTRACT 1.10, 5), each at its cell. */
  warnings: { where: string; message: string }[];
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

export function leaseToJson(l: LeaseResult): JsonLease {
  return {
    id: l.id,
    classification: l.classification,
    monthlyRate: l.monthlyRate.text,
    liabilityAtCommencement: formatCents(l.liabilityAtCommencement),
    paidAtCommencement: formatCents(l.paidAtCommencement),
    rouAtCommencement: formatCents(l.rouAtCommencement),
    months: l.months.map(month),
  };
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
): JsonExport {
  const failures = (result?.failures ?? []).map((f) => ({
    where: f.where ?? `Leases (${f.leaseId})`,
    message: f.message,
  }));
  return {
    version,
    period: period ? periodExport(period) : null,
    leases: result ? result.leases.map(leaseToJson) : [],
    errors: [...errors, ...failures],
    warnings: result ? portfolioWarnings(result).map(({ where, message }) => ({ where, message })) : [],
  };
}
