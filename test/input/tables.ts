/** Test helpers: TableGrids built the way an adapter hands them over. */
import type { GridValue, TableGrid, WorkbookTables } from '../../src/input/grid';

export function grid(name: string, headers: string[], rows: GridValue[][], sheet = name, topLeft = 'A1'): TableGrid {
  return {
    name,
    sheet,
    topLeft,
    headers,
    rows: rows.map((r) => headers.map((_, i) => ({ value: i < r.length ? r[i] : null }))),
  };
}

/** A table from records keyed by header; missing keys are blank. */
export function gridOf(
  name: string,
  headers: string[],
  records: Record<string, GridValue>[],
  sheet = name,
  topLeft = 'A1',
): TableGrid {
  return grid(
    name,
    headers,
    records.map((rec) => headers.map((h) => (h in rec ? rec[h] : null))),
    sheet,
    topLeft,
  );
}

export const LEASE_HEADERS = [
  'Lease ID',
  'Description',
  'Entity',
  'Asset Class',
  'Currency',
  'Commencement Date',
  'Term (Months)',
  'Payment',
  'Frequency',
  'Timing',
  'Annual Escalation',
  'Free Rent (Months)',
  'Discount Rate',
  'Initial Direct Costs',
  'Lease Incentives',
  'Prepaid Rent',
  'Residual Value Guarantee',
  'Purchase Option Price',
  'Purchase Option Certain',
  'Ownership Transfers',
  'Specialized Asset',
  'Useful Life (Months)',
  'Fair Value',
  'Classification',
];

export const MOD_HEADERS = [
  'Lease ID',
  'Effective Date',
  'Type',
  'New Term (Months)',
  'New Payment',
  'New Discount Rate',
  'Scope Reduction %',
  'Termination Payment',
  'Impairment Amount',
  'Purchase Option Certain',
  'Residual Value Guarantee',
  'Fair Value',
  'Classification',
  'Incentive Received',
];

/** Excel serial of 2029-01-01: 45292 (2024-01-01) + 1827 days (two leap years among the five). */
export const JAN_2029 = 47119;

/** The PwC automobile lease (E3): 2029-01-01, 36 months, 500 monthly in advance, 6%. */
export const E3: Record<string, GridValue> = {
  'Lease ID': 'E3',
  Description: 'Automobile',
  'Commencement Date': JAN_2029,
  'Term (Months)': 36,
  Payment: 500,
  Frequency: 'Monthly',
  Timing: 'Advance',
  'Discount Rate': 0.06,
};

export function workbook(...tables: TableGrid[]): WorkbookTables {
  return { tables };
}

export function leases(...records: Record<string, GridValue>[]): TableGrid {
  return gridOf('Leases', LEASE_HEADERS, records);
}
