/**
 * The sample portfolio (examples/sample-portfolio.xlsx) and the deliberately broken input (examples/bad-input.xlsx),
 * built from the template's sheets so they are exactly what a user would fill in. Regenerate both with
 * `node examples/make-sample-portfolio.js` (after `npm run build:node`, which `npm install` runs).
 */
import { inputSheets, type InputContent } from '../template';
import type { WorkpaperPlan } from '../workpapers/plan';

/**
 * A technology company's leases at 2025-12-31: GPU servers, colocation, offices, vehicles, two finance leases (one
 * by ownership transfer, one by the 90% fair value test), a short-term lease, an irregular payment stream, an office
 * extension at a new rate and a partial termination of colocation space.
 */
export const SAMPLE_PORTFOLIO: InputContent = {
  leases: [
    {
      'Lease ID': 'GPU-001',
      Description: 'GPU servers, training cluster A (32 nodes)',
      Entity: 'Compute Co',
      'Asset Class': 'Compute hardware',
      Currency: 'USD',
      'Commencement Date': '2024-04-01',
      'Term (Months)': 36,
      Payment: 285000,
      Frequency: 'Quarterly',
      Timing: 'Advance',
      'Discount Rate': 0.0725,
      'Useful Life (Months)': 60,
      'Fair Value': 3900000,
    },
    {
      'Lease ID': 'GPU-002',
      Description: 'GPU servers, training cluster B (36 nodes)',
      Entity: 'Compute Co',
      'Asset Class': 'Compute hardware',
      Currency: 'USD',
      'Commencement Date': '2025-01-01',
      'Term (Months)': 36,
      Payment: 310000,
      Frequency: 'Quarterly',
      Timing: 'Advance',
      'Discount Rate': 0.075,
      'Initial Direct Costs': 12500,
      'Useful Life (Months)': 60,
      'Fair Value': 4200000,
    },
    {
      'Lease ID': 'GPU-003',
      Description: 'GPU inference servers, edge region',
      Entity: 'Compute Co',
      'Asset Class': 'Compute hardware',
      Currency: 'USD',
      'Commencement Date': '2025-07-01',
      'Term (Months)': 24,
      Payment: 150000,
      Frequency: 'Quarterly',
      Timing: 'Advance',
      'Discount Rate': 0.0775,
      'Useful Life (Months)': 60,
    },
    {
      'Lease ID': 'COLO-IAD',
      Description: 'Data-centre colocation, Ashburn VA (2 MW)',
      Entity: 'Compute Co',
      'Asset Class': 'Data centre',
      Currency: 'USD',
      'Commencement Date': '2023-04-01',
      'Term (Months)': 60,
      Payment: 42000,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Annual Escalation': 0.03,
      'Discount Rate': 0.0625,
    },
    {
      'Lease ID': 'COLO-DFW',
      Description: 'Data-centre colocation, Dallas TX (800 kW)',
      Entity: 'Compute Co',
      'Asset Class': 'Data centre',
      Currency: 'USD',
      'Commencement Date': '2024-10-01',
      'Term (Months)': 48,
      Payment: 18500,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Annual Escalation': 0.03,
      'Discount Rate': 0.065,
      'Prepaid Rent': 18500,
    },
    {
      'Lease ID': 'OFF-SF',
      Description: 'Office, San Francisco HQ (floors 3-4)',
      Entity: 'Parent Co',
      'Asset Class': 'Real estate',
      Currency: 'USD',
      'Commencement Date': '2021-07-01',
      'Term (Months)': 120,
      Payment: 85000,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Annual Escalation': 0.04,
      'Free Rent (Months)': 3,
      'Discount Rate': 0.0575,
      'Initial Direct Costs': 35000,
      'Lease Incentives': 250000,
    },
    {
      'Lease ID': 'OFF-AUS',
      Description: 'Office, Austin engineering hub',
      Entity: 'Parent Co',
      'Asset Class': 'Real estate',
      Currency: 'USD',
      'Commencement Date': '2024-02-01',
      'Term (Months)': 84,
      Payment: 22000,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Annual Escalation': 0.03,
      'Free Rent (Months)': 2,
      'Discount Rate': 0.06,
      'Initial Direct Costs': 8000,
    },
    ...[
      ['VEH-001', 'Delivery van', '2024-03-01', 720, 0.06],
      ['VEH-002', 'Delivery van', '2024-09-01', 745, 0.0625],
      ['VEH-003', 'Field service SUV', '2025-02-01', 890, 0.065],
      ['VEH-004', 'Executive sedan', '2025-06-01', 650, 0.065],
    ].map(([id, description, commencement, payment, rate]) => ({
      'Lease ID': id,
      Description: description,
      Entity: 'Parent Co',
      'Asset Class': 'Vehicles',
      Currency: 'USD',
      'Commencement Date': commencement,
      'Term (Months)': 36,
      Payment: payment,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Discount Rate': rate,
    })),
    {
      'Lease ID': 'GEN-001',
      Description: 'Backup generator, Ashburn (title transfers at end of lease)',
      Entity: 'Compute Co',
      'Asset Class': 'Power equipment',
      Currency: 'USD',
      'Commencement Date': '2024-06-01',
      'Term (Months)': 60,
      Payment: 12400,
      Frequency: 'Monthly',
      Timing: 'Arrears',
      'Discount Rate': 0.0675,
      'Ownership Transfers': 'Yes',
      'Useful Life (Months)': 180,
    },
    {
      'Lease ID': 'NET-001',
      Description: 'Network core switches (PV of payments >= 90% of fair value)',
      Entity: 'Compute Co',
      'Asset Class': 'Network equipment',
      Currency: 'USD',
      'Commencement Date': '2025-03-01',
      'Term (Months)': 36,
      Payment: 10000,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Discount Rate': 0.055,
      'Useful Life (Months)': 84,
      'Fair Value': 340000,
    },
    {
      'Lease ID': 'STOR-ST',
      Description: 'Temporary storage unit (12 months: short-term exemption)',
      Entity: 'Parent Co',
      'Asset Class': 'Real estate',
      Currency: 'USD',
      'Commencement Date': '2025-05-01',
      'Term (Months)': 12,
      Payment: 4200,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Discount Rate': 0.06,
    },
    {
      'Lease ID': 'EDGE-ROOF',
      Description: 'Rooftop edge site (irregular payments: see LeasePayments)',
      Entity: 'Compute Co',
      'Asset Class': 'Real estate',
      Currency: 'USD',
      'Commencement Date': '2025-01-01',
      'Term (Months)': 24,
      Frequency: 'Monthly',
      'Discount Rate': 0.06,
    },
  ],
  leasePayments: [
    { 'Lease ID': 'EDGE-ROOF', Date: '2025-01-01', Amount: 15000 },
    { 'Lease ID': 'EDGE-ROOF', Date: '2025-07-01', Amount: 15000 },
    { 'Lease ID': 'EDGE-ROOF', Date: '2025-10-15', Amount: 5000 },
    { 'Lease ID': 'EDGE-ROOF', Date: '2026-01-01', Amount: 16000 },
    { 'Lease ID': 'EDGE-ROOF', Date: '2026-07-01', Amount: 16000 },
  ],
  leaseModifications: [
    {
      // Month 49: the office is extended to 15 years in total at the incremental borrowing rate of the day.
      'Lease ID': 'OFF-SF',
      'Effective Date': '2025-07-01',
      Type: 'Remeasurement',
      'New Term (Months)': 180,
      'New Discount Rate': 0.065,
    },
    {
      // Month 25: a quarter of the colocation space is handed back; year-3 rent 44,557.80 x 75% = 33,418.35.
      'Lease ID': 'COLO-IAD',
      'Effective Date': '2025-04-01',
      Type: 'Partial termination',
      'Scope Reduction %': 0.25,
      'New Payment': 33418.35,
    },
  ],
  policies: { 'Reporting Date': '2025-12-31' },
};

/**
 * A small input with one of each kind of mistake the reader catches, for the command line's error test and for
 * users to see what the messages look like.
 */
export const BAD_INPUT: InputContent = {
  leases: [
    {
      'Lease ID': 'L-001',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 36,
      Payment: 500,
      'Discount Rate': 'abc',
    },
    { 'Lease ID': 'L-001', 'Commencement Date': '2029-01-01', 'Term (Months)': 0, Payment: 500, 'Discount Rate': 0.06 },
    {
      'Lease ID': 'L-002',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 24,
      Payment: -10,
      'Discount Rate': 0.06,
    },
    {
      'Lease ID': 'L-003',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 24,
      Payment: 100,
      Frequency: 'Weekly',
      'Discount Rate': 6,
    },
  ],
  leasePayments: [{ 'Lease ID': 'L-999', Date: '2029-02-01', Amount: 100 }],
  leaseModifications: [
    { 'Lease ID': 'L-003', 'Effective Date': '2029-03-15', Type: 'Remeasurement', 'New Payment': 120 },
  ],
  policies: { 'Fair Value Threshold': 90 },
};

export function samplePortfolioPlan(): WorkpaperPlan {
  return { sheets: inputSheets(SAMPLE_PORTFOLIO) };
}

export function badInputPlan(): WorkpaperPlan {
  return { sheets: inputSheets(BAD_INPUT) };
}
