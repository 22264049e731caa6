import { Decimal } from './money/decimal';
import type { Policies } from './terms';

export function defaultPolicies(): Policies {
  return {
    rateBasis: 'Payment frequency',
    shortTermExemption: true,
    economicLifeThreshold: new Decimal('0.75'),
    fairValueThreshold: new Decimal('0.9'),
    partialTerminationMethod: 'Proportion of asset',
    reportingDate: null,
    reportingPeriod: 'Month',
    fiscalYearEndMonth: 12,
    closedThrough: null,
    preparedBy: null,
    reviewedBy: null,
    journalImportFormat: 'Generic',
    accountNames: {},
  };
}
