/**
 * "Create template": the input tables of CONTRACT section 2 as sheets, with dropdown lists, number formats,
 * notes, the policy settings at their defaults and (unless asked not to) one example lease.
 */
import type { SheetPlan } from '../workpapers/plan';
import { inputSheets, type InputRow } from './inputSheets';

export { inputSheets, FORMATS, type InputContent, type InputRow, type InputValue } from './inputSheets';
export {
  LEASES_NOTE,
  LEASE_PAYMENTS_NOTE,
  LEASE_MODIFICATIONS_NOTE,
  VARIABLE_PAYMENTS_NOTE,
  POLICIES_NOTE,
} from './inputSheets';

/**
 * The example lease: PwC's automobile lease (Example 4-4 / 4-13, reference E3): 36 months from 2029-01-01,
 * 500 a month in advance, 6% discount rate. Operating; liability 16,017.69, ROU asset 16,517.69.
 */
export const EXAMPLE_LEASE: InputRow = {
  'Lease ID': 'EXAMPLE-1',
  Description: 'Example: automobile (PwC Example 4-4). Replace with your leases.',
  Entity: 'Parent Co',
  'Asset Class': 'Vehicles',
  Currency: 'USD',
  'Commencement Date': '2029-01-01',
  'Term (Months)': 36,
  Payment: 500,
  Frequency: 'Monthly',
  Timing: 'Advance',
  'Annual Escalation': 0,
  'Free Rent (Months)': 0,
  'Discount Rate': 0.06,
  'Purchase Option Certain': 'No',
  'Ownership Transfers': 'No',
  'Specialized Asset': 'No',
};

export function templatePlan(opts: { exampleLease?: boolean } = {}): SheetPlan[] {
  return inputSheets({ leases: opts.exampleLease === false ? [] : [EXAMPLE_LEASE] });
}
