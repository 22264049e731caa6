/**
 * The settings of the `Policies` table (Setting / Value), with their defaults and allowed values, for the
 * reader, the template and the add-in's policy panel.
 */
import {
  DEFAULT_ACCOUNTS,
  type GlAccounts,
  type PartialTerminationMethod,
  type RateBasis,
  type ReportingPeriodKind,
} from '../engine/terms';

export const RATE_BASES: readonly RateBasis[] = ['Payment frequency', 'Monthly', 'Effective annual'];
export const PARTIAL_TERMINATION_METHODS: readonly PartialTerminationMethod[] = [
  'Proportion of asset',
  'Proportion of liability',
];
export const REPORTING_PERIODS: readonly ReportingPeriodKind[] = ['Month', 'Quarter', 'Year'];

export type PolicySettingKind =
  | { kind: 'choice'; choices: readonly string[]; field: 'rateBasis' | 'partialTerminationMethod' | 'reportingPeriod' }
  | { kind: 'yesNo' }
  /** A percentage above 0% and at most 100%. */
  | { kind: 'threshold' }
  /** A calendar month-end date; blank = the default. */
  | { kind: 'monthEnd'; field: 'reportingDate' | 'closedThrough' }
  /** 1..12 (or a month name). */
  | { kind: 'month' }
  /** A general-ledger account name used in journal entries. */
  | { kind: 'account'; account: keyof GlAccounts }
  /** A person's name for the Run Log's audit trail. */
  | { kind: 'name'; field: 'preparedBy' | 'reviewedBy' };

export type PolicySetting = {
  /** The Setting cell's text, exactly as the template writes it. */
  setting: string;
  /** The Value the template pre-fills (and the reader assumes when the row or its value is blank). */
  defaultValue: string | number | null;
  /** Number format for the template's Value cell. */
  numberFormat?: string;
  description: string;
} & PolicySettingKind;

const ACCOUNT_SETTINGS: { account: keyof GlAccounts; setting: string; description: string }[] = [
  { account: 'rouAsset', setting: 'ROU Asset Account', description: 'Right-of-use assets' },
  { account: 'leaseLiability', setting: 'Lease Liability Account', description: 'Lease liabilities' },
  { account: 'cash', setting: 'Cash Account', description: 'Lease payments' },
  {
    account: 'operatingLeaseCost',
    setting: 'Operating Lease Cost Account',
    description: 'Straight-line operating lease cost',
  },
  { account: 'interestExpense', setting: 'Interest Expense Account', description: 'Finance lease interest' },
  {
    account: 'amortizationExpense',
    setting: 'ROU Amortization Account',
    description: 'Finance lease ROU amortization',
  },
  { account: 'shortTermLeaseCost', setting: 'Short-Term Lease Cost Account', description: 'Short-term lease cost' },
  { account: 'prepaidRent', setting: 'Prepaid Rent Account', description: 'Rent paid before commencement' },
  {
    account: 'initialDirectCosts',
    setting: 'Initial Direct Costs Account',
    description: 'Initial direct costs capitalized',
  },
  {
    account: 'leaseIncentives',
    setting: 'Lease Incentives Account',
    description: 'Lease incentives received or receivable',
  },
  {
    account: 'gainLoss',
    setting: 'Modification Gain/Loss Account',
    description: 'Gain or loss on partial termination or termination',
  },
  { account: 'impairmentLoss', setting: 'Impairment Loss Account', description: 'ROU asset impairment' },
  {
    account: 'ownedAssets',
    setting: 'Owned Assets Account',
    description: 'ROU asset transferred at the end of a lease whose ownership transfers',
  },
  {
    account: 'variableLeaseCost',
    setting: 'Variable Lease Cost Account',
    description: 'Variable lease payments (VariablePayments table), expensed as paid',
  },
];

export const POLICY_SETTINGS: readonly PolicySetting[] = [
  {
    setting: 'Rate Basis',
    kind: 'choice',
    choices: RATE_BASES,
    field: 'rateBasis',
    defaultValue: 'Payment frequency',
    description: 'How the annual discount rate becomes a monthly rate',
  },
  {
    setting: 'Short-Term Exemption',
    kind: 'yesNo',
    defaultValue: 'Yes',
    description: 'Leases of 12 months or less without a purchase option reasonably certain: no asset or liability',
  },
  {
    setting: 'Economic Life Threshold',
    kind: 'threshold',
    defaultValue: 0.75,
    numberFormat: '0.00%',
    description: 'Finance lease when the term is at least this share of the useful life',
  },
  {
    setting: 'Fair Value Threshold',
    kind: 'threshold',
    defaultValue: 0.9,
    numberFormat: '0.00%',
    description: 'Finance lease when the PV of the payments is at least this share of the fair value',
  },
  {
    setting: 'Partial Termination Method',
    kind: 'choice',
    choices: PARTIAL_TERMINATION_METHODS,
    field: 'partialTerminationMethod',
    defaultValue: 'Proportion of asset',
    description: 'How a partial termination removes the ROU asset',
  },
  {
    setting: 'Reporting Date',
    kind: 'monthEnd',
    field: 'reportingDate',
    defaultValue: null,
    numberFormat: 'yyyy-mm-dd',
    description:
      'Month-end the run reports: balances, the current/non-current split and disclosures (blank = the last month-end on or before today)',
  },
  {
    setting: 'Reporting Period',
    kind: 'choice',
    choices: REPORTING_PERIODS,
    field: 'reportingPeriod',
    defaultValue: 'Month',
    description: 'The period ending on the Reporting Date that the journal covers: Month, Quarter or Year (fiscal)',
  },
  {
    setting: 'Fiscal Year End Month',
    kind: 'month',
    defaultValue: 12,
    numberFormat: '0',
    description: 'Month number (1-12) in which the fiscal year ends',
  },
  {
    setting: 'Closed Through',
    kind: 'monthEnd',
    field: 'closedThrough',
    defaultValue: null,
    numberFormat: 'yyyy-mm-dd',
    description: 'The latest month-end closed: nothing booked up to it changes (blank = no period closed)',
  },
  {
    setting: 'Prepared By',
    kind: 'name',
    field: 'preparedBy',
    defaultValue: null,
    description: 'Who prepared the workpapers (shown in the Run Log)',
  },
  {
    setting: 'Reviewed By',
    kind: 'name',
    field: 'reviewedBy',
    defaultValue: null,
    description: 'Who reviewed the workpapers (shown in the Run Log)',
  },
  ...ACCOUNT_SETTINGS.map((a): PolicySetting => ({
    setting: a.setting,
    kind: 'account',
    account: a.account,
    defaultValue: DEFAULT_ACCOUNTS[a.account],
    description: `GL account: ${a.description}`,
  })),
];
