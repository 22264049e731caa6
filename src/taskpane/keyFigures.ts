/**
 * The figures the pane shows after Generate, per currency: the lease liability and ROU asset at the Reporting
 * Date (the balances the Disclosures sheet is laid out from) and the lease cost of the reporting period (every
 * lease month ending in it). Pure.
 */
import type { LeaseResult, Policies } from '../engine';
import { disclosureFigures } from '../workpapers/disclosureFigures';
import type { ReportingPeriod } from '../workpapers/reportingPeriod';

export interface CurrencyFigures {
  currency: string;
  /** Whole cents. */
  liability: number;
  rouAsset: number;
  leaseCost: number;
}

export interface KeyFigures {
  reportingDate: string;
  periodStart: string;
  byCurrency: CurrencyFigures[];
}

/** The figures of `period`: the one the run reported (the period picker's choice, else the policies'). */
export function keyFigures(
  leases: readonly LeaseResult[],
  policies: Policies,
  period: Pick<ReportingPeriod, 'start' | 'end'>,
): KeyFigures {
  const reportingDate = period.end;
  const figures = disclosureFigures(leases, reportingDate, policies.fiscalYearEndMonth);
  const by = new Map<string, CurrencyFigures>();
  const of = (currency: string): CurrencyFigures => {
    let f = by.get(currency);
    if (!f) by.set(currency, (f = { currency, liability: 0, rouAsset: 0, leaseCost: 0 }));
    return f;
  };
  for (const at of figures.atDate) {
    const f = of(leases[at.lease].currency);
    f.liability += at.liability;
    f.rouAsset += at.rou;
  }
  for (const lease of leases) {
    const f = of(lease.currency);
    for (const r of lease.months) if (r.end >= period.start && r.end <= period.end) f.leaseCost += r.leaseCost;
  }
  return {
    reportingDate,
    periodStart: period.start,
    byCurrency: [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
