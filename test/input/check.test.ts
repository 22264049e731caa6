/**
 * Validate (checkPortfolio): errors and warnings at their cells, each with its severity (CONTRACT 1.10: warnings
 * are listed like errors but do not stop the run). The leases are measured, so a row the engine cannot apply is an
 * error here too, not first at Generate.
 */
import { checkPortfolio } from '../../src/input';
import { WARNINGS } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import { E3, gridOf, JAN_2029, leases, MOD_HEADERS, workbook } from './tables';

/** Excel serial of 2030-01-01 (2029 has 365 days): the start of E3's month 13. */
const JAN_2030 = JAN_2029 + 365;

describe('checkPortfolio', () => {
  test('a clean workbook: no errors, no warnings, the lease count', () => {
    expect(checkPortfolio(workbook(leases(E3)))).toEqual({ errors: [], warnings: [], leaseCount: 1 });
  });

  test('a blank New Discount Rate on an extension: a warning at that cell, severity warning, no error', () => {
    const mods = gridOf('LeaseModifications', MOD_HEADERS, [
      { 'Lease ID': 'E3', 'Effective Date': JAN_2030, Type: 'Remeasurement', 'New Term (Months)': 48 },
    ]);
    const check = checkPortfolio(workbook(leases(E3), mods));
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        where: 'LeaseModifications!F2',
        message: WARNINGS.blankRate('E3', 'Remeasurement', 'term 36 to 48 months', new Decimal('0.06')),
        severity: 'warning',
      },
    ]);
  });

  test('an Operating lease with a Useful Life shorter than its term: a warning at its Useful Life cell', () => {
    const check = checkPortfolio(workbook(leases({ ...E3, 'Useful Life (Months)': 30, Classification: 'Operating' })));
    expect(check.warnings.map((w) => [w.where, w.severity])).toEqual([['Leases!V2', 'warning']]);
  });

  test('input errors come with severity error, and nothing is measured', () => {
    const check = checkPortfolio(workbook(leases({ ...E3, 'Discount Rate': 'abc' })));
    expect(check.errors).toEqual([
      { where: 'Leases!M2', message: 'Discount Rate "abc" is not a percentage', severity: 'error' },
    ]);
    expect(check.warnings).toEqual([]);
    expect(check.leaseCount).toBe(0);
  });

  test('a modification the engine cannot apply is an error at its row (an impairment larger than the ROU asset)', () => {
    const mods = gridOf('LeaseModifications', MOD_HEADERS, [
      { 'Lease ID': 'E3', 'Effective Date': JAN_2030, Type: 'Impairment', 'Impairment Amount': 1_000_000 },
    ]);
    const check = checkPortfolio(workbook(leases(E3), mods));
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ where: 'LeaseModifications!A2', severity: 'error' });
    expect(check.errors[0].message).toMatch(/impairment of 1000000\.00 exceeds the ROU asset/);
  });
});
