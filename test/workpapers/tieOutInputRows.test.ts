/**
 * The Tie-Out's table of input rows under live check, as laid out (its formulas are evaluated in
 * test/libreoffice/inputRowsCheck.test.ts and test/addin/inputRowsCheck.test.ts): every row of LeasePayments,
 * LeaseModifications and VariablePayments is compared once, a long stream split in parts within Excel's formula
 * limit, and each input table gets its checks.
 */
import { measurePortfolio } from '../../src/engine';
import type { GridValue } from '../../src/input/grid';
import { readPortfolio } from '../../src/input';
import { buildWorkpapers } from '../../src/workpapers';
import type { PlanCell } from '../../src/workpapers/plan';
import { tableColumnRef } from '../../src/workpapers/sheets/tieOutInputRows';
import { E3, gridOf, leases, MOD_HEADERS, workbook } from '../input/tables';
import { META } from './support';

const PAYMENT_HEADERS = ['Lease ID', 'Date', 'Amount'];

/** Lease LONG: 30 years of monthly payments listed one by one, interleaved with E3's 36 (rows alternate). */
function tables() {
  const long = { ...E3, 'Lease ID': 'LONG', 'Term (Months)': 360, Payment: null };
  const e3 = { ...E3, Payment: null };
  const rows: Record<string, GridValue>[] = [];
  for (let k = 0; k < 360; k++) {
    const date = `${2029 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
    rows.push({ 'Lease ID': 'LONG', Date: date, Amount: 1000 + k });
    if (k < 36) rows.push({ 'Lease ID': 'E3', Date: date, Amount: 500 });
  }
  return workbook(
    leases(e3, long),
    gridOf('LeasePayments', PAYMENT_HEADERS, rows),
    gridOf('LeaseModifications', MOD_HEADERS, [
      { 'Lease ID': 'LONG', 'Effective Date': '2031-01-01', Type: 'Remeasurement', 'New Discount Rate': 0.07 },
    ]),
  );
}

function tieOut() {
  const read = readPortfolio(tables());
  expect(read.errors).toEqual([]);
  const input = read.input!;
  const result = measurePortfolio(input);
  expect(result.failures).toEqual([]);
  const plan = buildWorkpapers(result, input, META);
  return plan.sheets.find((s) => s.name === 'Tie-Out')!;
}

/** The table beside the checks: its rows by header. */
function inputRowsTable(rows: (PlanCell | null)[][]): Record<string, PlanCell | null>[] {
  const header = rows[4];
  const first = header.findIndex((c) => c?.value === 'Input table');
  expect(first).toBeGreaterThan(0);
  const keys = header.slice(first, first + 6).map((c) => String(c?.value));
  const out: Record<string, PlanCell | null>[] = [];
  for (const r of rows.slice(5)) {
    if (!r[first]) break;
    out.push(Object.fromEntries(keys.map((k, i) => [k, r[first + i] ?? null])));
  }
  return out;
}

describe('the input rows under live check', () => {
  const sheet = tieOut();
  const table = inputRowsTable(sheet.rows);

  it('compares every row once, a lease whose rows would pass the formula limit in parts', () => {
    const payments = table.filter((r) => r['Input table']?.value === 'LeasePayments');
    const long = payments.filter((r) => r['Lease ID']?.value === 'LONG');
    expect(long.length).toBeGreaterThan(1);
    expect(long.reduce((n, r) => n + Number(r['Rows checked']?.value), 0)).toBe(360);
    expect(payments.filter((r) => r['Lease ID']?.value === 'E3').map((r) => r['Rows checked']?.value)).toEqual([36]);
    // Each LeasePayments row's Amount cell is named in exactly one formula (E3's rows alternate with LONG's from
    // row 3 to row 73; LONG's run from row 2 to row 397).
    const formulas = payments.map((r) => r['Rows as used']!.formula!);
    for (let row = 2; row <= 397; row++) {
      const named = formulas.filter((f) => new RegExp(`LeasePayments!C${row}\\b`).test(f));
      expect([row, named.length]).toEqual([row, 1]);
    }
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
    expect(payments.find((r) => r['Lease ID']?.value === 'E3')!.Rows?.value).toBe(
      'LeasePayments rows 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, ... (24 more)',
    );
    expect(long[0].Rows?.value).toMatch(/^LeasePayments rows 2, 4, 6, /);
    expect(long[long.length - 1].Rows?.value).toMatch(/-397$/);
  });

  it('compares every column of a modification row, a blank one as blank', () => {
    const mods = table.filter((r) => r['Input table']?.value === 'LeaseModifications');
    expect(mods.map((r) => [r['Lease ID']?.value, r.Rows?.value, r['Rows checked']?.value])).toEqual([
      ['LONG', 'LeaseModifications row 2', 1],
    ]);
    const f = mods[0]['Rows as used']!.formula!;
    // New Payment (column E) is blank: the row holds what was measured while it stays blank.
    expect(f).toContain('(TRIM(LeaseModifications!E2)="")');
    expect(f).toContain('(ABS(IFERROR(--LeaseModifications!F2,-9E+99)-0.07)<1E-9)');
    for (const c of 'ABCDEFGHIJKLMN') expect(f).toContain(`LeaseModifications!${c}2`);
  });

  it('checks each table present: its rows as used, and its rows counted live (Leases too)', () => {
    const texts = sheet.rows
      .slice(5)
      .filter((r) => typeof r[0]?.value === 'number')
      .map((r) => String(r[1]?.value ?? r[1]?.formula));
    const inputs = texts.filter((t) => /Inputs/.test(t));
    expect(inputs).toHaveLength(6);
    expect(inputs.join('\n')).toContain('Inputs: every LeasePayments row used holds what was measured');
    expect(inputs.join('\n')).toContain('Inputs: LeasePayments holds the 396 rows the workpapers were generated from');
    expect(inputs.join('\n')).toContain('Inputs: Leases holds the 2 leases the workpapers were generated from');
    expect(inputs.join('\n')).not.toContain('VariablePayments');
    const counts = sheet.rows.slice(5).filter((r) => /holds the \d+/.test(String(r[1]?.formula)));
    expect(counts.map((r) => r[4]?.formula)).toEqual([
      '=COUNTA(Leases[[Lease ID]])',
      '=COUNTA(LeasePayments[[Lease ID]])',
      '=COUNTA(LeaseModifications[[Lease ID]])',
    ]);
    // What each count compares, in plain words (no "Leases leases", no "Leases's").
    expect(counts.map((r) => r[2]?.value)).toEqual([
      'Leases in the Leases table when generated | filled Lease ID cells in it now (COUNTA over its Lease ID column)',
      'Rows in the LeasePayments table when generated | filled Lease ID cells in it now (COUNTA over its Lease ID column)',
      'Rows in the LeaseModifications table when generated | filled Lease ID cells in it now (COUNTA over its Lease ID column)',
    ]);
  });
});

describe('a structured reference to a Lease ID column', () => {
  it("escapes the header's special characters", () => {
    expect(tableColumnRef({ name: 'Pay_2', idHeader: "Lease [ID] #'x", idCells: 0 })).toBe(
      "Pay_2[[Lease '[ID'] '#''x]]",
    );
  });
});

describe('a workbook without the optional tables', () => {
  it('adds only the count of Leases', () => {
    const read = readPortfolio(workbook(leases(E3)));
    const plan = buildWorkpapers(measurePortfolio(read.input!), read.input!, META);
    const tie = plan.sheets.find((s) => s.name === 'Tie-Out')!;
    const formulas = tie.rows.flat().map((c) => c?.formula ?? '');
    // (The Journal Import checks count the journal summary's lines, not an input table.)
    expect(formulas.filter((f) => f.includes('COUNTA(') && !f.includes('JournalSummary'))).toEqual([
      '=COUNTA(Leases[[Lease ID]])',
    ]);
    expect(tie.rows[4].some((c) => c?.value === 'Input table')).toBe(false);
  });
});
