/**
 * The input sheets as SheetPlans: the CONTRACT section 2 tables with their headers, number formats, dropdown
 * lists and notes, filled with whatever rows are given. The template (one example lease) and the sample portfolio
 * (many leases) are both built here, so what a user starts from is exactly what the reader expects.
 */
import { toExcelSerial } from '../engine/calendar/dates';
import { columnLetters, quoteSheetName } from '../input/a1';
import {
  CLASSIFICATIONS,
  FREQUENCIES,
  LEASE_MODIFICATIONS_COLUMNS,
  LEASE_PAYMENTS_COLUMNS,
  LEASES_COLUMNS,
  MODIFICATION_TYPES,
  VARIABLE_PAYMENTS_COLUMNS,
  POLICIES_COLUMNS,
  TABLE_NAMES,
  TIMINGS,
  YES_NO,
} from '../input/columns';
import { ACCOUNT_ROLES, DEFAULT_ACCOUNT_NAMES } from '../input/accountRoles';
import { POLICY_SETTINGS, type PolicySetting } from '../input/policySettings';
import type { PlanCell, PlanDataValidation, SheetPlan } from '../workpapers/plan';

/** A value as the user would type it: dates as ISO text ("2029-01-01") become Excel dates in date columns. */
export type InputValue = string | number | boolean | null;
/** One table row by header (the CONTRACT spelling); headers left out are blank. */
export type InputRow = Record<string, InputValue>;

export interface InputContent {
  leases: InputRow[];
  leasePayments?: InputRow[];
  leaseModifications?: InputRow[];
  variablePayments?: InputRow[];
  /** The chart of accounts; absent = one row per account role with the default name (GL_ACCOUNTS_DEFAULT_ROWS). */
  glAccounts?: InputRow[];
  /** Policy values by setting name; settings left out get their defaults. */
  policies?: Record<string, InputValue>;
}

export const FORMATS = {
  date: 'yyyy-mm-dd',
  percent: '0.00%',
  amount: '#,##0.00',
  whole: '0',
  text: '@',
} as const;

type Kind = keyof typeof FORMATS;

interface ColumnLayout {
  header: string;
  kind: Kind;
  width: number;
  list?: readonly string[];
}

const LEASE_LAYOUT: Record<string, Omit<ColumnLayout, 'header'>> = {
  'Lease ID': { kind: 'text', width: 14 },
  Description: { kind: 'text', width: 34 },
  Entity: { kind: 'text', width: 14 },
  'Asset Class': { kind: 'text', width: 16 },
  Currency: { kind: 'text', width: 10 },
  'Commencement Date': { kind: 'date', width: 14 },
  'Term (Months)': { kind: 'whole', width: 10 },
  Payment: { kind: 'amount', width: 14 },
  Frequency: { kind: 'text', width: 12, list: FREQUENCIES },
  Timing: { kind: 'text', width: 10, list: TIMINGS },
  'Annual Escalation': { kind: 'percent', width: 11 },
  'Free Rent (Months)': { kind: 'whole', width: 10 },
  'Discount Rate': { kind: 'percent', width: 10 },
  'Initial Direct Costs': { kind: 'amount', width: 14 },
  'Lease Incentives': { kind: 'amount', width: 14 },
  'Prepaid Rent': { kind: 'amount', width: 13 },
  'Residual Value Guarantee': { kind: 'amount', width: 14 },
  'Purchase Option Price': { kind: 'amount', width: 14 },
  'Purchase Option Certain': { kind: 'text', width: 10, list: YES_NO },
  'Ownership Transfers': { kind: 'text', width: 10, list: YES_NO },
  'Specialized Asset': { kind: 'text', width: 10, list: YES_NO },
  'Useful Life (Months)': { kind: 'whole', width: 10 },
  'Fair Value': { kind: 'amount', width: 15 },
  Classification: { kind: 'text', width: 13, list: CLASSIFICATIONS },
};

const PAYMENT_LAYOUT: Record<string, Omit<ColumnLayout, 'header'>> = {
  'Lease ID': { kind: 'text', width: 14 },
  Date: { kind: 'date', width: 14 },
  Amount: { kind: 'amount', width: 15 },
};

const VARIABLE_PAYMENT_LAYOUT: Record<string, Omit<ColumnLayout, 'header'>> = {
  'Lease ID': { kind: 'text', width: 14 },
  Date: { kind: 'date', width: 14 },
  Amount: { kind: 'amount', width: 15 },
  Description: { kind: 'text', width: 40 },
};

const MODIFICATION_LAYOUT: Record<string, Omit<ColumnLayout, 'header'>> = {
  'Lease ID': { kind: 'text', width: 14 },
  'Effective Date': { kind: 'date', width: 14 },
  Type: { kind: 'text', width: 20, list: MODIFICATION_TYPES },
  'New Term (Months)': { kind: 'whole', width: 11 },
  'New Payment': { kind: 'amount', width: 14 },
  'New Discount Rate': { kind: 'percent', width: 11 },
  'Scope Reduction %': { kind: 'percent', width: 11 },
  'Termination Payment': { kind: 'amount', width: 14 },
  'Impairment Amount': { kind: 'amount', width: 14 },
  'Purchase Option Certain': { kind: 'text', width: 10, list: YES_NO },
  'Residual Value Guarantee': { kind: 'amount', width: 14 },
  'Fair Value': { kind: 'amount', width: 15 },
  Classification: { kind: 'text', width: 13, list: CLASSIFICATIONS },
  'Incentive Received': { kind: 'amount', width: 14 },
};

function layout(
  headers: readonly { header: string }[],
  by: Record<string, Omit<ColumnLayout, 'header'>>,
): ColumnLayout[] {
  return headers.map(({ header }) => {
    const l = by[header];
    if (!l) throw new Error(`no layout for column ${header}`);
    return { header, ...l };
  });
}

/** Rows of a table get dropdowns down to this many rows below the header (or further when the data is longer). */
const VALIDATED_ROWS = 1000;
/** The header row: rows 1-2 hold the title and a note. */
const HEADER_ROW = 3;

/** Anything else is written as given (the reader, not the writer, judges values: bad-input examples need this). */
function cellFor(value: InputValue, kind: Kind): PlanCell {
  const numberFormat = FORMATS[kind];
  if (value === null || value === undefined) return { value: null, numberFormat };
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { value: toExcelSerial(value), numberFormat };
  }
  return { value, numberFormat };
}

function tableSheet(
  name: string,
  title: string,
  note: string,
  columns: ColumnLayout[],
  rows: InputRow[],
  tabColor: string,
): SheetPlan {
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!columns.some((c) => c.header === k)) throw new Error(`${name} has no column "${k}"`);
    }
  }
  const data = rows.length > 0 ? rows : [{}];
  const lastRow = HEADER_ROW + data.length;
  const lastValidated = Math.max(HEADER_ROW + VALIDATED_ROWS, lastRow);
  const dataValidations: PlanDataValidation[] = [];
  columns.forEach((c, i) => {
    if (!c.list) return;
    const col = columnLetters(i + 1);
    dataValidations.push({
      range: `${col}${HEADER_ROW + 1}:${col}${lastValidated}`,
      list: [...c.list],
      errorMessage: `${c.header}: choose one of ${c.list.join(', ')}`,
    });
  });
  return {
    name,
    rows: [
      [{ value: title, bold: true }],
      [{ value: note }],
      columns.map((c) => ({ value: c.header, bold: true })),
      ...data.map((r) => columns.map((c) => cellFor(r[c.header] ?? null, c.kind))),
    ],
    columnWidths: columns.map((c) => c.width),
    frozenRows: HEADER_ROW,
    tables: [{ name, range: `A${HEADER_ROW}:${columnLetters(columns.length)}${lastRow}`, style: 'TableStyleMedium2' }],
    dataValidations,
    tabColor,
  };
}

export const LEASES_NOTE =
  'One row per lease. Required: Lease ID, Commencement Date, Term (Months), Payment, Discount Rate. ' +
  'Percentages as 5% or 0.05; dates as Excel dates. A lease with rows in LeasePayments takes its payments from ' +
  'there: its Payment, Frequency, Timing, Annual Escalation and Free Rent (Months) are then ignored.';

export const LEASE_PAYMENTS_NOTE =
  "Optional irregular payment streams. Rows here REPLACE the lease's regular stream (Payment, Frequency, Timing, " +
  'Annual Escalation and Free Rent in Leases are ignored for that lease). A payment dated on a lease-month start is ' +
  "paid in advance for that month; any other date inside a lease month is paid at that month's end.";

export const LEASE_MODIFICATIONS_NOTE =
  'Optional. Effective Date = the start of a lease month after commencement (an Impairment: any day after it, booked ' +
  'on that day). New Term (Months) is the total from ' +
  'the original commencement; blank fields are unchanged. Scope Reduction % is for Partial termination rows, ' +
  'Termination Payment for Termination rows, Impairment Amount for Impairment rows. Incentive Received (Remeasurement ' +
  'or Partial termination) is cash the lessor pays at the effective date; it reduces the ROU asset.';

export const VARIABLE_PAYMENTS_NOTE =
  'Optional. Payments NOT in the lease liability: index or rate changes after commencement, usage, common area ' +
  'maintenance. Each is expensed as variable lease cost in the lease month holding its Date and paid in cash then ' +
  '(Variable lease cost account); a negative Amount is a credit. The Date must fall within the lease term.';

export const GL_ACCOUNTS_NOTE =
  'Optional. The chart of accounts the journal posts to: Account Key is an account role (list in H), with your Account ' +
  'Number and Account Name. Leave Entity blank for every entity, or add a row with an Entity to override a role for it. ' +
  'Every other column (Department, Class, Location, add your own) is a segment copied onto each journal line.';

/** The segment columns the template starts with (any other header works too). */
export const GL_ACCOUNTS_TEMPLATE_SEGMENTS = ['Department', 'Class', 'Location'] as const;

/** One row per account role with the product's default account name and no number. */
export const GL_ACCOUNTS_DEFAULT_ROWS: InputRow[] = ACCOUNT_ROLES.map((role) => ({
  'Account Key': role,
  'Account Name': DEFAULT_ACCOUNT_NAMES[role],
}));

function glAccountsSheet(rows: InputRow[]): SheetPlan {
  const columns: ColumnLayout[] = [
    { header: 'Account Key', kind: 'text', width: 38 },
    { header: 'Entity', kind: 'text', width: 16 },
    { header: 'Account Number', kind: 'text', width: 16 },
    { header: 'Account Name', kind: 'text', width: 54 },
    ...GL_ACCOUNTS_TEMPLATE_SEGMENTS.map((header) => ({ header, kind: 'text' as const, width: 14 })),
  ];
  const sheet = tableSheet(
    TABLE_NAMES.glAccounts,
    'GLAccounts (chart of accounts)',
    GL_ACCOUNTS_NOTE,
    columns,
    rows,
    '#7F7F7F',
  );
  // The roles, beside the table after a spacer column: the Account Key dropdown reads them (too long for an inline
  // list).
  const refCol = columns.length + 2;
  const ref = columnLetters(refCol);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + ACCOUNT_ROLES.length;
  const put = (r: number, cell: PlanCell) => {
    while (sheet.rows.length < r) sheet.rows.push([]);
    const row = sheet.rows[r - 1];
    while (row.length < refCol) row.push(null);
    row[refCol - 1] = cell;
  };
  put(HEADER_ROW, { value: 'Account roles (reference)', bold: true });
  ACCOUNT_ROLES.forEach((role, i) => put(first + i, { value: role, numberFormat: '@' }));
  const lastValidated = Math.max(HEADER_ROW + VALIDATED_ROWS, HEADER_ROW + rows.length);
  sheet.dataValidations = [
    {
      range: `A${first}:A${lastValidated}`,
      list: [...ACCOUNT_ROLES],
      source: `${quoteSheetName(TABLE_NAMES.glAccounts)}!$${ref}$${first}:$${ref}$${last}`,
      errorMessage: `Account Key: choose an account role from the list in ${ref}${first}:${ref}${last}`,
    },
  ];
  sheet.columnWidths = [...(sheet.columnWidths ?? []), 2, 38];
  return sheet;
}

export const POLICIES_NOTE =
  'Optional. Accounting policy settings; a blank Value uses the default. Setting names must match the list.';

/** What a setting's Value accepts, in words, for the reference table beside the Policies table. */
function allowedValues(s: PolicySetting): string {
  switch (s.kind) {
    case 'choice':
      return s.choices.join(' / ');
    case 'yesNo':
      return YES_NO.join(' / ');
    case 'threshold':
      // The setting's own default as the example: 90% beside Fair Value Threshold, not another setting's 75%.
      return typeof s.defaultValue === 'number'
        ? `A percentage above 0% and at most 100%, e.g. ${Math.round(s.defaultValue * 100)}%`
        : 'A percentage above 0% and at most 100%';
    case 'monthEnd':
      return 'A month-end date, or blank';
    case 'month':
      return 'A month number, 1 to 12';
    case 'account':
      return 'Any account name';
    case 'name':
      return 'A name, or blank';
  }
}

/** Columns of the reference table of allowed settings (beside the Policies table, after a spacer column). */
const REFERENCE_COLUMN = 4; // D

function policiesSheet(values: Record<string, InputValue>): SheetPlan {
  for (const k of Object.keys(values)) {
    if (!POLICY_SETTINGS.some((s) => s.setting === k)) throw new Error(`no policy setting "${k}"`);
  }
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + POLICY_SETTINGS.length;
  const names = columnLetters(REFERENCE_COLUMN);
  const dataValidations: PlanDataValidation[] = [
    {
      range: `A${first}:A${last}`,
      list: POLICY_SETTINGS.map((s) => s.setting),
      // The names are too many for an inline list: the dropdown reads the visible reference table.
      source: `${quoteSheetName(TABLE_NAMES.policies)}!$${names}$${first}:$${names}$${last}`,
      errorMessage: `Choose a setting from the list in ${names}${first}:${names}${last}`,
    },
  ];
  const rows: (PlanCell | null)[][] = [
    [{ value: 'Policies', bold: true }, null, null, { value: 'Allowed settings (reference)', bold: true }],
    [{ value: POLICIES_NOTE }],
    [
      { value: POLICIES_COLUMNS[0].header, bold: true },
      { value: POLICIES_COLUMNS[1].header, bold: true },
      null,
      { value: 'Setting', bold: true },
      { value: 'About', bold: true },
      { value: 'Allowed values', bold: true },
    ],
  ];
  POLICY_SETTINGS.forEach((s, i) => {
    const row = first + i;
    let v: InputValue = s.setting in values ? values[s.setting] : s.defaultValue;
    if (s.kind === 'monthEnd' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) v = toExcelSerial(v);
    const list =
      s.kind === 'choice'
        ? [...s.choices]
        : s.kind === 'yesNo'
          ? [...YES_NO]
          : s.kind === 'month'
            ? Array.from({ length: 12 }, (_, m) => String(m + 1))
            : null;
    if (list)
      dataValidations.push({ range: `B${row}`, list, errorMessage: `${s.setting}: choose one of ${list.join(', ')}` });
    rows.push([
      { value: s.setting, numberFormat: '@' },
      { value: v, numberFormat: s.numberFormat ?? '@' },
      null,
      { value: s.setting, numberFormat: '@' },
      { value: s.description },
      { value: allowedValues(s), numberFormat: '@' },
    ]);
  });
  return {
    name: TABLE_NAMES.policies,
    rows,
    columnWidths: [32, 26, 2, 32, 90, 44],
    frozenRows: HEADER_ROW,
    tables: [{ name: TABLE_NAMES.policies, range: `A${HEADER_ROW}:B${last}`, style: 'TableStyleMedium2' }],
    dataValidations,
    tabColor: '#7F7F7F',
  };
}

/**
 * The input sheets holding `content`, in the order Leases, LeasePayments, LeaseModifications, VariablePayments,
 * GLAccounts, Policies.
 */
export function inputSheets(content: InputContent): SheetPlan[] {
  return [
    tableSheet(
      TABLE_NAMES.leases,
      'Leases',
      LEASES_NOTE,
      layout(LEASES_COLUMNS, LEASE_LAYOUT),
      content.leases,
      '#2F5597',
    ),
    tableSheet(
      TABLE_NAMES.leasePayments,
      'LeasePayments (irregular payment streams)',
      LEASE_PAYMENTS_NOTE,
      layout(LEASE_PAYMENTS_COLUMNS, PAYMENT_LAYOUT),
      content.leasePayments ?? [],
      '#2F5597',
    ),
    tableSheet(
      TABLE_NAMES.leaseModifications,
      'LeaseModifications',
      LEASE_MODIFICATIONS_NOTE,
      layout(LEASE_MODIFICATIONS_COLUMNS, MODIFICATION_LAYOUT),
      content.leaseModifications ?? [],
      '#2F5597',
    ),
    tableSheet(
      TABLE_NAMES.variablePayments,
      'VariablePayments (variable lease cost)',
      VARIABLE_PAYMENTS_NOTE,
      layout(VARIABLE_PAYMENTS_COLUMNS, VARIABLE_PAYMENT_LAYOUT),
      content.variablePayments ?? [],
      '#2F5597',
    ),
    glAccountsSheet(content.glAccounts ?? GL_ACCOUNTS_DEFAULT_ROWS),
    policiesSheet(content.policies ?? {}),
  ];
}
