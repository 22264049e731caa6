/**
 * Reading the PostedBalances table a close records (CONTRACT 1.11): every error at its cell, one month-end for
 * every row, agreeing with Closed Through in Policies; signed amounts; the table's place for live formulas.
 */
import type { GridValue } from '../../src/input/grid';
import { POSTED_BALANCES_COLUMNS, readPostedBalances } from '../../src/input/postedBalances';
import type { InputError } from '../../src/input/table';
import { readPortfolio } from '../../src/input/portfolio';
import { E3, grid, leases, workbook } from './tables';

const HEADERS = POSTED_BALANCES_COLUMNS.map((c) => c.header);
const amounts = (n: number): GridValue[] => Array.from({ length: HEADERS.length - 5 }, (_, i) => (i === 0 ? n : 0));
const row = (id: GridValue, through: GridValue, ...rest: GridValue[]): GridValue[] => [
  id,
  'Parent Co',
  'USD',
  through,
  'operating',
  ...(rest.length > 0 ? rest : amounts(1000)),
];

function read(rows: GridValue[][], closedThrough: string | null = '2025-06-30') {
  const errors: InputError[] = [];
  const posted = readPostedBalances(
    grid('PostedBalances', HEADERS, rows, 'Posted Balances', 'A4'),
    closedThrough,
    errors,
  );
  return { posted, errors };
}

describe('PostedBalances', () => {
  it('reads each lease with its figures in cents (signed), and where the table sits', () => {
    const gain = amounts(1234.56);
    gain[7] = -25.5; // Gain or Loss: a loss
    const { posted, errors } = read([row('L-1', '2025-06-30', ...gain), row(' l-2 ', 45838)]);
    expect(errors).toEqual([]);
    expect(posted?.through).toBe('2025-06-30');
    expect(posted?.leases.get('l-1')?.figures.leaseLiability).toBe(123456);
    expect(posted?.leases.get('l-1')?.figures.gainLoss).toBe(-2550);
    expect(posted?.leases.get('l-2')?.leaseId).toBe('l-2');
    expect(posted?.place).toMatchObject({ sheet: 'Posted Balances', firstRow: 5, lastRow: 6 });
    expect(posted?.place.columns).toMatchObject({ id: 'A', through: 'D', leaseLiability: 'F', rouAsset: 'G' });
  });

  it('names the cell of each error', () => {
    const bad = amounts(1);
    bad[2] = 'lots';
    const leased = row('L-4', '2025-06-30');
    leased[4] = 'leased';
    const { posted, errors } = read([
      row('L-1', '2025-06-30'),
      row('L-2', '2025-05-31'),
      row('L-1', '2025-06-30'),
      row('L-3', '2025-06-30', ...bad),
      leased,
      row('L-5', '2025-06-15'),
    ]);
    expect(posted).toBeNull();
    expect(errors).toEqual([
      {
        where: "'Posted Balances'!D6",
        message: 'Through 2025-05-31 differs from 2025-06-30 on the rows above: one close covers every lease',
      },
      { where: "'Posted Balances'!A7", message: 'Lease ID "L-1" appears twice in PostedBalances' },
      { where: "'Posted Balances'!H8", message: 'Operating Lease Cost "lots" is not a number' },
      { where: "'Posted Balances'!E9", message: 'Classification "leased" is not operating, finance or short-term' },
      { where: "'Posted Balances'!D10", message: 'Through 2025-06-15 is not a month-end (such as 2025-06-30)' },
    ]);
  });

  it('must agree with Closed Through in Policies', () => {
    expect(read([row('L-1', '2025-06-30')], null).errors).toEqual([
      {
        where: "'Posted Balances'!A4",
        message:
          'PostedBalances records a close through 2025-06-30 but Closed Through in Policies is blank; set it to 2025-06-30 or remove the table',
      },
    ]);
    expect(read([row('L-1', '2025-06-30')], '2025-07-31').errors[0].message).toBe(
      'PostedBalances runs through 2025-06-30 but Closed Through in Policies is 2025-07-31; close the period again rather than editing either',
    );
  });

  it('reports a missing column at the header row', () => {
    const errors: InputError[] = [];
    const headers = HEADERS.filter((h) => h !== 'ROU Asset');
    readPostedBalances(grid('PostedBalances', headers, [], 'Posted Balances', 'A4'), '2025-06-30', errors);
    expect(errors).toEqual([
      {
        where: "'Posted Balances'!A4",
        message: 'Table PostedBalances has no "ROU Asset" column; add it to the header row',
      },
    ]);
  });

  it('Closed Through without a PostedBalances table is an error at the Closed Through cell', () => {
    const policies = grid(
      'Policies',
      ['Setting', 'Value'],
      [
        ['Rate Basis', 'Monthly'],
        ['closed-through', '2025-06-30'],
      ],
    );
    const read = readPortfolio(workbook(leases(E3), policies));
    expect(read.errors).toEqual([
      {
        where: 'Policies!B3',
        message:
          "Closed Through is 2025-06-30 but the workbook has no PostedBalances table recording that close; close the period (Close period, or the command line's close) rather than typing the date",
      },
    ]);
  });
});
