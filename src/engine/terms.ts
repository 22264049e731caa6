import type { Cents } from './money/cents';
import type { Decimal } from './money/decimal';
import type { IsoDate } from './calendar/dates';

/** What the lessee concluded; `short-term` means the ASC 842-20-25-2 exemption applies (no asset, no liability). */
export type Classification = 'operating' | 'finance' | 'short-term';

export type Frequency = 'Monthly' | 'Quarterly' | 'Semiannual' | 'Annual';
export type Timing = 'Advance' | 'Arrears';

/** Payments per year for each frequency. */
export const PAYMENTS_PER_YEAR: Record<Frequency, number> = { Monthly: 12, Quarterly: 4, Semiannual: 2, Annual: 1 };

export type RateBasis = 'Payment frequency' | 'Monthly' | 'Effective annual';
export type PartialTerminationMethod = 'Proportion of asset' | 'Proportion of liability';
/** The length of the period a run reports (CONTRACT 1.11); quarters and years follow the fiscal year. */
export type ReportingPeriodKind = 'Month' | 'Quarter' | 'Year';
/** The layout of the Journal Import sheet (and the default of --journal-format). */
export type JournalImportFormat = 'QuickBooks Online' | 'NetSuite' | 'Generic';

/** One row of the `LeasePayments` table: an irregular stream replaces the regular one. */
export interface IrregularPayment {
  date: IsoDate;
  amount: Cents;
  /**
   * Where the row's values were read from, by column key ("amount" -> "LeasePayments!C5"), when it came from a
   * workbook: the workpapers compare these cells live with the values measured. The engine does not read it.
   */
  inputCells?: Readonly<Record<string, string>>;
}

/**
 * One row of the `VariablePayments` table: a payment not in the lease liability (an index uplift after
 * commencement, usage, common area maintenance), expensed in the lease month holding its Date (CONTRACT 2).
 */
export interface VariablePayment {
  date: IsoDate;
  /** Cents; negative for a credit (a refund on a reconciliation). */
  amount: Cents;
  description: string;
  /** Where the row came from, for messages: its Date cell ("VariablePayments!B4"). */
  source?: string;
  /** Where each value was read from, by column key, when it came from a workbook (compared live; see LeaseTerms). */
  inputCells?: Readonly<Record<string, string>>;
}

/** One row of the `Leases` table, validated. Money in cents, rates as decimal fractions (5% = 0.05). */
export interface LeaseTerms {
  id: string;
  description: string;
  entity: string;
  assetClass: string;
  currency: string;
  commencement: IsoDate;
  termMonths: number;
  /** Each regular payment in year 1. */
  payment: Cents;
  frequency: Frequency;
  timing: Timing;
  annualEscalation: Decimal;
  freeRentMonths: number;
  /** Annual discount rate (IBR or the rate implicit in the lease). */
  discountRate: Decimal;
  initialDirectCosts: Cents;
  leaseIncentives: Cents;
  prepaidRent: Cents;
  residualValueGuarantee: Cents;
  purchaseOptionPrice: Cents;
  purchaseOptionCertain: boolean;
  ownershipTransfers: boolean;
  specializedAsset: boolean;
  /** Remaining economic life at commencement; null skips the 75% test. */
  usefulLifeMonths: number | null;
  /** Null skips the 90% test. */
  fairValue: Cents | null;
  /** An override of the classification tests (the short-term test too); null = the tests decide. */
  classificationOverride: 'operating' | 'finance' | null;
  /** When non-empty, replaces the regular stream (Payment, Frequency, Timing, Escalation, Free Rent ignored). */
  irregularPayments: IrregularPayment[];
  /**
   * Where each value was read from, by input column key ("payment" -> "Leases!H5"), when the lease came from a
   * workbook: the workpapers compare these cells live with the values measured. The engine does not read it.
   */
  inputCells?: Readonly<Record<string, string>>;
  /** Variable lease payments (not in the liability), in date order; absent = none. */
  variablePayments?: VariablePayment[];
  /** Where the row came from, for warnings: its first cell ("Leases!A4") and its Useful Life cell. */
  source?: string;
  usefulLifeSource?: string;
}

export type ModificationType = 'Remeasurement' | 'Partial termination' | 'Termination' | 'Impairment';

/** One row of the `LeaseModifications` table, validated. Null = blank = unchanged. */
export interface ModificationTerms {
  leaseId: string;
  effectiveDate: IsoDate;
  type: ModificationType;
  newTermMonths: number | null;
  newPayment: Cents | null;
  newDiscountRate: Decimal | null;
  /** Fraction 0..1 (50% = 0.5). */
  scopeReduction: Decimal | null;
  terminationPayment: Cents | null;
  impairmentAmount: Cents | null;
  purchaseOptionCertain: boolean | null;
  residualValueGuarantee: Cents | null;
  fairValue: Cents | null;
  classificationOverride: 'operating' | 'finance' | null;
  /**
   * Remeasurement or partial termination: an incentive the lessor pays at the effective date as part of the
   * modification; it reduces the ROU asset (CONTRACT 2). Absent or null = none.
   */
  incentiveReceived?: Cents | null;
  /** Where the row came from, for messages ("LeaseModifications!A5"), and its New Discount Rate cell. */
  source?: string;
  newDiscountRateSource?: string;
  /** Where each value was read from, by column key, when it came from a workbook (compared live; see LeaseTerms). */
  inputCells?: Readonly<Record<string, string>>;
}

/** One row of the `GLAccounts` table: the account an account role posts to, for one entity or every entity. */
export interface GlAccountRow {
  /** One of the account roles of CONTRACT section 2 ("Operating ROU asset", "Cash", ...), as the product spells it. */
  role: string;
  /** Null = every entity without a row of its own for the role. */
  entity: string | null;
  /** Blank = no number. */
  number: string;
  name: string;
  /** Segment values by segment header (Department, Class, Location, ...), carried onto every journal line. */
  segments: Record<string, string>;
}

/** The `GLAccounts` table: its rows and its segment headers in table order. */
export interface GlAccountChart {
  rows: GlAccountRow[];
  segmentNames: string[];
}

export interface Policies {
  rateBasis: RateBasis;
  shortTermExemption: boolean;
  /** 0.75 */
  economicLifeThreshold: Decimal;
  /** 0.90 */
  fairValueThreshold: Decimal;
  partialTerminationMethod: PartialTerminationMethod;
  /** Null = the last month-end on or before the day of the run. */
  reportingDate: IsoDate | null;
  /** The period ending on the Reporting Date (CONTRACT 1.11). */
  reportingPeriod: ReportingPeriodKind;
  fiscalYearEndMonth: number;
  /** Every month up to this month-end is closed (CONTRACT 1.11); null = nothing closed. */
  closedThrough: IsoDate | null;
  /** Who prepared and who reviewed the workpapers (the Run Log's audit trail); null = not given. */
  preparedBy?: string | null;
  reviewedBy?: string | null;
  journalImportFormat: JournalImportFormat;
  /** GL account names set in the Policies table, by account role (where `GLAccounts` does not map the role). */
  accountNames: Readonly<Record<string, string>>;
}

/** Everything the engine needs for one run. */
export interface PortfolioInput {
  leases: LeaseTerms[];
  modifications: ModificationTerms[];
  policies: Policies;
  /** The chart of accounts the journal posts to (the `GLAccounts` table); absent = the default account names. */
  glAccounts?: GlAccountChart;
  /**
   * The tables the leases and their rows were read from (absent = not in the workbook, or not from a workbook): the
   * workpapers count their rows live, so a row added after generating shows. The engine does not read it.
   */
  inputTables?: Partial<Record<CheckedTable, InputTableSource>>;
}

/** The input tables whose rows are under the workpapers' live count. */
export type CheckedTable = 'leases' | 'leasePayments' | 'leaseModifications' | 'variablePayments';

/** An input table as found in the workbook, for a live count of its rows. */
export interface InputTableSource {
  /** Its name as the workbook spells it ("LeasePayments"). */
  name: string;
  /** Its Lease ID column's header as the workbook spells it. */
  idHeader: string;
  /** How many of its Lease ID cells held anything when read (as COUNTA counts them): the rows used. */
  idCells: number;
}
