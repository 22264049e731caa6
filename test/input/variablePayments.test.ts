/** The VariablePayments table (CONTRACT 2): read into each lease, every bad row named at its cell. */
import { readPortfolio } from '../../src/input';
import { E3, gridOf, JAN_2029, leases, MOD_HEADERS, workbook } from './tables';

const HEADERS = ['Lease ID', 'Date', 'Amount', 'Description'];
/** The cells of a row of the table (at A1), by column key. */
const cells = (r: number) => ({
  id: `VariablePayments!A${r}`,
  date: `VariablePayments!B${r}`,
  amount: `VariablePayments!C${r}`,
  description: `VariablePayments!D${r}`,
});
const variable = (...records: Record<string, string | number | null>[]) => gridOf('VariablePayments', HEADERS, records);

describe('VariablePayments', () => {
  test('rows go to their lease in date order, with description and Date cell; negatives are credits', () => {
    const r = readPortfolio(
      workbook(
        leases(E3),
        variable(
          { 'Lease ID': 'e3', Date: '2029-03-10', Amount: 120.456, Description: 'CAM' },
          { 'Lease ID': 'E3', Date: JAN_2029 + 20, Amount: -15 },
        ),
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.input!.leases[0].variablePayments).toEqual([
      { date: '2029-01-21', amount: -1500, description: '', source: 'VariablePayments!B3', inputCells: cells(3) },
      { date: '2029-03-10', amount: 12046, description: 'CAM', source: 'VariablePayments!B2', inputCells: cells(2) },
    ]);
    expect(r.input!.inputTables?.variablePayments).toEqual({
      name: 'VariablePayments',
      idHeader: 'Lease ID',
      idCells: 2,
    });
  });

  test('a lease without rows has none', () => {
    expect(readPortfolio(workbook(leases(E3))).input!.leases[0].variablePayments).toBeUndefined();
  });

  test('unknown lease, bad date, bad amount, before commencement, after the term: each at its cell', () => {
    const r = readPortfolio(
      workbook(
        leases(E3),
        variable(
          { 'Lease ID': 'NOPE', Date: '2029-03-10', Amount: 10 },
          { 'Lease ID': 'E3', Date: 'soon', Amount: 10 },
          { 'Lease ID': 'E3', Date: '2029-03-10', Amount: 'ten' },
          { 'Lease ID': 'E3', Date: '2028-12-31', Amount: 10 },
          { 'Lease ID': 'E3', Date: '2032-01-01', Amount: 10 },
          { 'Lease ID': 'E3', Date: '2029-03-10' },
        ),
      ),
    );
    expect(r.input).toBeNull();
    expect(r.errors.map((e) => e.where)).toEqual([
      'VariablePayments!A2',
      'VariablePayments!B3',
      'VariablePayments!C4',
      'VariablePayments!B5',
      'VariablePayments!B6',
      'VariablePayments!C7',
    ]);
    expect(r.errors[0].message).toBe('Lease ID "NOPE" is not in the Leases table');
    expect(r.errors[3].message).toMatch(/^Date 2028-12-31 is before lease E3 commences on 2029-01-01/);
    expect(r.errors[4].message).toMatch(/^Date 2032-01-01 is after lease E3's term ends on 2031-12-31/);
    expect(r.errors[5].message).toBe('Amount is required');
  });

  test('a New Term in LeaseModifications extends the dates allowed', () => {
    const mods = gridOf('LeaseModifications', MOD_HEADERS, [
      {
        'Lease ID': 'E3',
        'Effective Date': '2030-01-01',
        Type: 'Remeasurement',
        'New Term (Months)': 48,
        'New Discount Rate': 0.06,
      },
    ]);
    const r = readPortfolio(workbook(leases(E3), mods, variable({ 'Lease ID': 'E3', Date: '2032-06-30', Amount: 5 })));
    expect(r.errors).toEqual([]);
    expect(r.input!.leases[0].variablePayments).toHaveLength(1);
  });
});
