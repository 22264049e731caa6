/** CONTRACT 1.10 v4: an Impairment may be dated on any day after commencement; the other types need a month start. */
import { readPortfolio } from '../../src/input';
import { E3, gridOf, leases, MOD_HEADERS, workbook } from './tables';

const mods = (...records: Record<string, string | number>[]) => gridOf('LeaseModifications', MOD_HEADERS, records);

test('an Impairment dated mid-month or at a quarter-end is read as dated', () => {
  const r = readPortfolio(
    workbook(
      leases(E3),
      mods(
        { 'Lease ID': 'E3', 'Effective Date': '2029-06-30', Type: 'Impairment', 'Impairment Amount': 100 },
        { 'Lease ID': 'E3', 'Effective Date': '2029-08-17', Type: 'Impairment', 'Impairment Amount': 50 },
      ),
    ),
  );
  expect(r.errors).toEqual([]);
  expect(r.input!.modifications.map((m) => m.effectiveDate)).toEqual(['2029-06-30', '2029-08-17']);
});

test('an Impairment on the commencement date, or a Remeasurement mid-month, is still an error at its date', () => {
  const r = readPortfolio(
    workbook(
      leases(E3),
      mods(
        { 'Lease ID': 'E3', 'Effective Date': '2029-01-01', Type: 'Impairment', 'Impairment Amount': 100 },
        { 'Lease ID': 'E3', 'Effective Date': '2029-06-30', Type: 'Remeasurement', 'New Payment': 600 },
      ),
    ),
  );
  expect(r.errors.map((e) => e.where)).toEqual(['LeaseModifications!B2', 'LeaseModifications!B3']);
  expect(r.errors[1].message).toMatch(/is not the start of a lease month/);
});
