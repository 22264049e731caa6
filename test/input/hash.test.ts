import { canonicalInput, inputHash } from '../../src/input/hash';
import { sha256 } from '../../src/input/sha256';
import type { TableGrid } from '../../src/input/grid';
import { E3, LEASE_HEADERS, grid, gridOf, leases, workbook } from './tables';

const policies = (v: string) => grid('Policies', ['Setting', 'Value'], [['Rate Basis', v]]);

describe('inputHash', () => {
  it('counts what a close recorded (PostedBalances) once a period is closed; a workbook never closed hashes as before', () => {
    const wb = workbook(leases(E3), policies('Monthly'));
    const before = inputHash(wb);
    const posted = (amount: number) =>
      grid(
        'PostedBalances',
        ['Lease ID', 'Through', 'Lease Liability'],
        [['E3', '2029-06-30', amount]],
        'Posted Balances',
      );
    const closed = inputHash(workbook(leases(E3), policies('Monthly'), posted(1000)));
    expect(closed).not.toBe(before);
    expect(inputHash(workbook(leases(E3), policies('Monthly'), posted(1000.01)))).not.toBe(closed);
    expect(canonicalInput(wb)).not.toContain('PostedBalances');
  });

  it('is the SHA-256 hex of the canonical serialization', () => {
    const wb = workbook(leases(E3));
    expect(inputHash(wb)).toBe(sha256(canonicalInput(wb)));
    expect(inputHash(wb)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same wherever the tables sit, whatever their number formats, and ignores other tables', () => {
    const a = leases(E3);
    const b: TableGrid = {
      ...gridOf('leases', LEASE_HEADERS, [E3], 'Other sheet', 'D10'),
      rows: gridOf('Leases', LEASE_HEADERS, [E3]).rows.map((r) => r.map((c) => ({ ...c, numberFormat: '0.00%' }))),
    };
    const unrelated = grid('Budget', ['Year', 'Amount'], [[2029, 1]]);
    expect(inputHash(workbook(a))).toBe(inputHash(workbook(unrelated, b)));
  });

  it('treats Office.js blanks ("", spaces) and exceljs blanks (null) alike, and skips blank rows', () => {
    const withNull = leases(E3);
    const withEmpty: TableGrid = {
      ...withNull,
      rows: [
        ...withNull.rows.map((r) => r.map((c) => ({ value: c.value === null ? '' : c.value }))),
        LEASE_HEADERS.map(() => ({ value: ' ' })),
      ],
    };
    expect(inputHash(workbook(withEmpty))).toBe(inputHash(workbook(withNull)));
  });

  it('changes when any input changes', () => {
    const base = inputHash(workbook(leases(E3), policies('Monthly')));
    expect(inputHash(workbook(leases({ ...E3, Payment: 500.01 }), policies('Monthly')))).not.toBe(base);
    expect(inputHash(workbook(leases({ ...E3, Payment: '500' }), policies('Monthly')))).not.toBe(base); // text vs number
    expect(inputHash(workbook(leases(E3), policies('Effective annual')))).not.toBe(base);
    expect(inputHash(workbook(leases(E3)))).not.toBe(base);
    expect(inputHash(workbook(leases(E3, { ...E3, 'Lease ID': 'E4' }), policies('Monthly')))).not.toBe(base);
  });
});
