/**
 * The input tables and their columns, exactly as CONTRACT section 2 names them. The reader matches headers
 * case-insensitively ignoring spaces; the template writes these spellings.
 */
import type { ColumnSpec } from './table';

export const TABLE_NAMES = {
  leases: 'Leases',
  leasePayments: 'LeasePayments',
  leaseModifications: 'LeaseModifications',
  variablePayments: 'VariablePayments',
  glAccounts: 'GLAccounts',
  policies: 'Policies',
} as const;

export type LeaseColumn =
  | 'id'
  | 'description'
  | 'entity'
  | 'assetClass'
  | 'currency'
  | 'commencement'
  | 'termMonths'
  | 'payment'
  | 'frequency'
  | 'timing'
  | 'annualEscalation'
  | 'freeRentMonths'
  | 'discountRate'
  | 'initialDirectCosts'
  | 'leaseIncentives'
  | 'prepaidRent'
  | 'residualValueGuarantee'
  | 'purchaseOptionPrice'
  | 'purchaseOptionCertain'
  | 'ownershipTransfers'
  | 'specializedAsset'
  | 'usefulLifeMonths'
  | 'fairValue'
  | 'classification';

export const LEASES_COLUMNS: readonly ColumnSpec<LeaseColumn>[] = [
  { key: 'id', header: 'Lease ID', required: true },
  { key: 'description', header: 'Description', required: false },
  { key: 'entity', header: 'Entity', required: false },
  { key: 'assetClass', header: 'Asset Class', required: false },
  { key: 'currency', header: 'Currency', required: false },
  { key: 'commencement', header: 'Commencement Date', required: true },
  { key: 'termMonths', header: 'Term (Months)', required: true },
  // Required, except for a lease whose payments are listed in LeasePayments (the reader checks that per row).
  { key: 'payment', header: 'Payment', required: true },
  { key: 'frequency', header: 'Frequency', required: false },
  { key: 'timing', header: 'Timing', required: false },
  { key: 'annualEscalation', header: 'Annual Escalation', required: false },
  { key: 'freeRentMonths', header: 'Free Rent (Months)', required: false },
  { key: 'discountRate', header: 'Discount Rate', required: true },
  { key: 'initialDirectCosts', header: 'Initial Direct Costs', required: false },
  { key: 'leaseIncentives', header: 'Lease Incentives', required: false },
  { key: 'prepaidRent', header: 'Prepaid Rent', required: false },
  { key: 'residualValueGuarantee', header: 'Residual Value Guarantee', required: false },
  { key: 'purchaseOptionPrice', header: 'Purchase Option Price', required: false },
  { key: 'purchaseOptionCertain', header: 'Purchase Option Certain', required: false },
  { key: 'ownershipTransfers', header: 'Ownership Transfers', required: false },
  { key: 'specializedAsset', header: 'Specialized Asset', required: false },
  { key: 'usefulLifeMonths', header: 'Useful Life (Months)', required: false },
  { key: 'fairValue', header: 'Fair Value', required: false },
  { key: 'classification', header: 'Classification', required: false },
];

export type LeasePaymentColumn = 'id' | 'date' | 'amount';

export const LEASE_PAYMENTS_COLUMNS: readonly ColumnSpec<LeasePaymentColumn>[] = [
  { key: 'id', header: 'Lease ID', required: true },
  { key: 'date', header: 'Date', required: true },
  { key: 'amount', header: 'Amount', required: true },
];

export type VariablePaymentColumn = 'id' | 'date' | 'amount' | 'description';

export const VARIABLE_PAYMENTS_COLUMNS: readonly ColumnSpec<VariablePaymentColumn>[] = [
  { key: 'id', header: 'Lease ID', required: true },
  { key: 'date', header: 'Date', required: true },
  { key: 'amount', header: 'Amount', required: true },
  { key: 'description', header: 'Description', required: false },
];

export type GlAccountColumn = 'role' | 'entity' | 'number' | 'name';

/** The `GLAccounts` table's own columns; any other header is a segment (Department, Class, Location, ...). */
export const GL_ACCOUNTS_COLUMNS: readonly ColumnSpec<GlAccountColumn>[] = [
  { key: 'role', header: 'Account Key', required: true },
  { key: 'entity', header: 'Entity', required: false },
  { key: 'number', header: 'Account Number', required: false },
  { key: 'name', header: 'Account Name', required: true },
];

export type ModificationColumn =
  | 'id'
  | 'effectiveDate'
  | 'type'
  | 'newTermMonths'
  | 'newPayment'
  | 'newDiscountRate'
  | 'scopeReduction'
  | 'terminationPayment'
  | 'impairmentAmount'
  | 'incentiveReceived'
  | 'purchaseOptionCertain'
  | 'residualValueGuarantee'
  | 'fairValue'
  | 'classification';

export const LEASE_MODIFICATIONS_COLUMNS: readonly ColumnSpec<ModificationColumn>[] = [
  { key: 'id', header: 'Lease ID', required: true },
  { key: 'effectiveDate', header: 'Effective Date', required: true },
  { key: 'type', header: 'Type', required: true },
  { key: 'newTermMonths', header: 'New Term (Months)', required: false },
  { key: 'newPayment', header: 'New Payment', required: false },
  { key: 'newDiscountRate', header: 'New Discount Rate', required: false },
  { key: 'scopeReduction', header: 'Scope Reduction %', required: false },
  { key: 'terminationPayment', header: 'Termination Payment', required: false },
  { key: 'impairmentAmount', header: 'Impairment Amount', required: false },
  { key: 'purchaseOptionCertain', header: 'Purchase Option Certain', required: false },
  { key: 'residualValueGuarantee', header: 'Residual Value Guarantee', required: false },
  { key: 'fairValue', header: 'Fair Value', required: false },
  { key: 'classification', header: 'Classification', required: false },
  { key: 'incentiveReceived', header: 'Incentive Received', required: false },
];

export type PolicyColumn = 'setting' | 'value';

export const POLICIES_COLUMNS: readonly ColumnSpec<PolicyColumn>[] = [
  { key: 'setting', header: 'Setting', required: true },
  { key: 'value', header: 'Value', required: true },
];

/** Value lists (the template's dropdowns; the reader accepts them case-insensitively). */
export const FREQUENCIES = ['Monthly', 'Quarterly', 'Semiannual', 'Annual'] as const;
export const TIMINGS = ['Advance', 'Arrears'] as const;
export const YES_NO = ['Yes', 'No'] as const;
export const CLASSIFICATIONS = ['Operating', 'Finance'] as const;
export const MODIFICATION_TYPES = ['Remeasurement', 'Partial termination', 'Termination', 'Impairment'] as const;

/** Longest lease term accepted: 100 years (a longer one is more likely a typing slip). */
export const MAX_TERM_MONTHS = 1200;
