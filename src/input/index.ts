/** Input reading: the workbook's tables -> the engine's PortfolioInput, with every error addressed to its cell. */
export type { GridCell, GridValue, TableGrid, WorkbookTables } from './grid';
export type { InputError, ColumnSpec } from './table';
export { WORKBOOK, findTable } from './table';
export { measurementErrors, readPortfolio, type PortfolioRead } from './portfolio';
export { checkPortfolio, type InputCheck, type InputProblem, type Severity } from './check';
export { inputHash, canonicalInput } from './hash';
export { sha256 } from './sha256';
export {
  POLICY_SETTINGS,
  LEGACY_ACCOUNT_SETTINGS,
  RATE_BASES,
  PARTIAL_TERMINATION_METHODS,
  REPORTING_PERIODS,
  type PolicySetting,
} from './policySettings';
export { parseMonthEnd, checkPolicyValue } from './policies';
export { findPolicySetting, sameSetting, settingKey } from './settingNames';
export {
  TABLE_NAMES,
  LEASES_COLUMNS,
  LEASE_PAYMENTS_COLUMNS,
  LEASE_MODIFICATIONS_COLUMNS,
  VARIABLE_PAYMENTS_COLUMNS,
  POLICIES_COLUMNS,
  FREQUENCIES,
  TIMINGS,
  YES_NO,
  CLASSIFICATIONS,
  MODIFICATION_TYPES,
  MAX_TERM_MONTHS,
} from './columns';
export * from './a1';
