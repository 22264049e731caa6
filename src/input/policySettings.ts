/**
 * The settings of the `Policies` table (Setting / Value), with their defaults and allowed values, for the
 * reader, the template and the add-in's policy panel.
 */
import type { AccountRole } from './accountRoles';
import {
  type JournalImportFormat,
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
export const JOURNAL_IMPORT_FORMATS: readonly JournalImportFormat[] = ['QuickBooks Online', 'NetSuite', 'Generic'];

export type PolicySettingKind =
  | {
      kind: 'choice';
      choices: readonly string[];
      field: 'rateBasis' | 'partialTerminationMethod' | 'reportingPeriod' | 'journalImportFormat';
    }
  | { kind: 'yesNo' }
  /** A percentage above 0% and at most 100%. */
  | { kind: 'threshold' }
  /** A calendar month-end date; blank = the default. */
  | { kind: 'monthEnd'; field: 'reportingDate' | 'closedThrough' }
  /** 1..12 (or a month name). */
  | { kind: 'month' }
  /** A general-ledger account name for account roles (read for workbooks made before `GLAccounts`). */
  | { kind: 'account'; roles: readonly AccountRole[] }
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

/**
 * The account-name settings of earlier versions of the template, still read (a name for the roles listed) but no
 * longer written: the `GLAccounts` table holds the chart of accounts, with numbers and segments.
 */
export const LEGACY_ACCOUNT_SETTINGS: readonly PolicySetting[] = (
  [
    ['ROU Asset Account', ['Operating ROU asset', 'Finance ROU asset']],
    [
      'Lease Liability Account',
      [
        'Operating lease liability current',
        'Operating lease liability non-current',
        'Finance lease liability current',
        'Finance lease liability non-current',
      ],
    ],
    ['Cash Account', ['Cash']],
    ['Operating Lease Cost Account', ['Operating lease cost']],
    ['Interest Expense Account', ['Finance lease interest']],
    ['ROU Amortization Account', ['Finance lease amortization']],
    ['Short-Term Lease Cost Account', ['Short-term lease cost']],
    ['Prepaid Rent Account', ['Prepaid rent']],
    ['Initial Direct Costs Account', ['Initial direct costs']],
    ['Lease Incentives Account', ['Lease incentives']],
    ['Modification Gain/Loss Account', ['Gain or loss on lease modification']],
    ['Impairment Loss Account', ['Impairment loss']],
    ['Owned Assets Account', ['Owned assets']],
    ['Variable Lease Cost Account', ['Variable lease cost']],
  ] as const
).map(([setting, roles]): PolicySetting => ({
  setting,
  kind: 'account',
  roles,
  defaultValue: null,
  description: `GL account name for ${roles.join(', ')} (superseded by the GLAccounts table)`,
}));

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
  {
    setting: 'Journal Import Format',
    kind: 'choice',
    choices: JOURNAL_IMPORT_FORMATS,
    field: 'journalImportFormat',
    defaultValue: 'Generic',
    description: 'The layout of the Journal Import sheet: QuickBooks Online, NetSuite or Generic (every journal field)',
  },
];
