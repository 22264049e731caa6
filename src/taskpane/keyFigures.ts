/**
 * The figures the pane shows after Generate, per currency: the lease liability and ROU asset at the Reporting
 * Date and the period's lease cost (fiscal year to date, as the Disclosures sheet reports it). Pure: the same
 * figures the Disclosures sheet is laid out from.
 */
import type { LeaseResult, Policies } from '../engine';
import { disclosureFigures } from '../workpapers/disclosureFigures';
import { defaultReportingDate } from '../workpapers/periods';

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

export function keyFigures(leases: readonly LeaseResult[], policies: Policies, today: string): KeyFigures {
  const reportingDate = policies.reportingDate ?? defaultReportingDate(leases) ?? today;
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
  for (const [currency, p] of figures.period) {
    of(currency).leaseCost += p.operatingCost + p.financeAmortization + p.financeInterest + p.shortTermCost;
  }
  return {
    reportingDate,
    periodStart: figures.periodStart,
    byCurrency: [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
