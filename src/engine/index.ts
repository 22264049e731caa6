/** The ASC 842 lessee engine: pure TypeScript over decimal.js and integer cents. No Office.js, React or Node APIs. */
export { measurePortfolio, portfolioWarnings, type PortfolioResult, type LeaseFailure } from './portfolio';
export { measureLease, ModificationError } from './lease';
export { defaultPolicies } from './policies';
export * from './terms';
export type { LeaseResult, MonthRow, Measurement, ScheduledPayment, BookedVariablePayment } from './schedule/types';
export type { ClassificationResult, ClassificationTest } from './classification/classify';
export type { MonthlyRate } from './rate/monthlyRate';
export { formatCents, centsFromDecimal, type Cents } from './money/cents';
export { Decimal } from './money/decimal';
export { WARNINGS, type Warning, type LeaseWarning } from './warnings';
export {
  describeAmortizationPeriod,
  type AmortizationPeriod,
  type AmortizationRule,
} from './schedule/amortizationPeriod';
