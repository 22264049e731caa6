import { measurePortfolio } from '../../src/engine';
import { readPortfolio } from '../../src/input/portfolio';
import { BAD_INPUT, SAMPLE_PORTFOLIO, badInputPlan, samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { inputSheets } from '../../src/template';
import { planTables } from '../template/planTables';
import { join } from 'node:path';
import { inputHash } from '../../src/input/hash';
import { readTablesFromFile } from '../../src/xlsx/readTables';

describe('the sample portfolio', () => {
  const read = readPortfolio(planTables(samplePortfolioPlan().sheets));

  it('reads without errors: 15 leases, 2 modifications, an irregular stream, a reporting date', () => {
    expect(read.errors).toEqual([]);
    const input = read.input!;
    expect(input.leases).toHaveLength(15);
    expect(input.modifications.map((m) => [m.leaseId, m.type, m.effectiveDate])).toEqual([
      ['COLO-IAD', 'Partial termination', '2025-04-01'],
      ['OFF-SF', 'Remeasurement', '2025-07-01'],
    ]);
    expect(input.leases.find((l) => l.id === 'EDGE-ROOF')?.irregularPayments).toHaveLength(5);
    expect(input.policies.reportingDate).toBe('2025-12-31');
  });

  it('has the classifications it was designed to show', () => {
    const result = measurePortfolio(read.input!);
    expect(result.failures).toEqual([]);
    const cls = Object.fromEntries(result.leases.map((l) => [l.id, l.classification]));
    // GEN-001: ownership transfers. NET-001: PV of 36 x 10,000 in advance at 5.5%/12 is about 332,700, 97.9% of
    // the 340,000 fair value. STOR-ST: 12 months. GPU-001/002: PV about 80% of fair value and 36/60 of useful life.
    expect(cls).toEqual({
      'GPU-001': 'operating',
      'GPU-002': 'operating',
      'GPU-003': 'operating',
      'COLO-IAD': 'operating',
      'COLO-DFW': 'operating',
      'OFF-SF': 'operating',
      'OFF-AUS': 'operating',
      'VEH-001': 'operating',
      'VEH-002': 'operating',
      'VEH-003': 'operating',
      'VEH-004': 'operating',
      'GEN-001': 'finance',
      'NET-001': 'finance',
      'STOR-ST': 'short-term',
      'EDGE-ROOF': 'operating',
    });
  });

  it('states the colocation partial termination rent as year-3 rent x 75%', () => {
    // 42,000 escalated 3% twice = 44,557.80; 75% of it = 33,418.35.
    const m = SAMPLE_PORTFOLIO.leaseModifications!.find((r) => r['Lease ID'] === 'COLO-IAD')!;
    expect(m['New Payment']).toBe(33418.35);
    expect(Math.round(42000 * 103 * 103 * 75) / 1000000).toBe(33418.35);
  });
});

describe('the bad input', () => {
  it('has one of each kind of mistake, every one reported at its cell', () => {
    const r = readPortfolio(planTables(badInputPlan().sheets));
    expect(r.input).toBeNull();
    expect(r.errors.map((e) => `${e.where}: ${e.message}`)).toEqual([
      'Leases!M4: Discount Rate "abc" is not a percentage',
      'Leases!A5: Lease ID "L-001" appears twice (first at Leases!A4)',
      'Leases!G5: Term (Months) 0 must be at least 1',
      'Leases!H6: Payment -10 is negative; enter an amount >= 0',
      'Leases!I7: Frequency "Weekly" is not one of Monthly, Quarterly, Semiannual, Annual',
      'Leases!M7: Discount Rate 600% must be from 0% to 100%; 6 reads as 600%: type 6% or 0.06',
      'LeasePayments!A4: Lease ID "L-999" is not in the Leases table',
      'LeaseModifications!B4: Effective Date 2029-03-15 is not the start of a lease month of lease L-003 (month 3 starts 2029-03-01, month 4 starts 2029-04-01)',
      'Policies!B7: Fair Value Threshold 9000% must be above 0% to 100%; 90 reads as 9000%: type 90% or 0.9',
    ]);
    expect(inputSheets(BAD_INPUT)).toHaveLength(6);
  });
});

describe('the committed example workbooks', () => {
  // When this fails, src/cli/samplePortfolio.ts changed: run `npm run build:node && node examples/make-sample-portfolio.js`.
  it.each([
    ['sample-portfolio.xlsx', samplePortfolioPlan],
    ['bad-input.xlsx', badInputPlan],
  ])('examples/%s holds exactly the inputs of src/cli/samplePortfolio.ts', async (file, plan) => {
    const tables = await readTablesFromFile(join(__dirname, '../../examples', file));
    expect(inputHash(tables)).toBe(inputHash(planTables(plan().sheets)));
  });
});
