import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readPortfolio } from '../../src/input/portfolio';
import { readTablesFromBuffer, readTablesFromFile } from '../../src/xlsx/readTables';
import type { WorkbookTables } from '../../src/input/grid';

let dir: string;
let exceljsFile: string;
let libreFile: string;

/** A workbook with the quirks a real input has: a table off A1 on a sheet with a space, dates, percents as
 *  numbers and text, a formula, rich text, a hyperlink, an error value, a blank row, and a second table with a
 *  totals row on another sheet. */
async function makeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lease data');
  ws.getCell('A1').value = 'My leases';
  ws.addTable({
    name: 'Leases',
    ref: 'B3',
    headerRow: true,
    columns: ['Lease ID', 'Commencement Date', 'Term (Months)', 'Payment', 'Discount Rate', 'Description'].map(
      (name) => ({
        name,
      }),
    ),
    rows: [
      ['E3', new Date(Date.UTC(2029, 0, 1)), 36, 500, 0.06, { richText: [{ text: 'Auto' }, { text: 'mobile' }] }],
      [null, null, null, null, null, null],
      [
        'E4',
        47119,
        { formula: 'D4', result: 36 } as ExcelJS.CellFormulaValue,
        1234.565,
        '6.5%',
        { text: 'link', hyperlink: 'https://example.com' },
      ],
    ],
  });
  ws.getCell('C4').numFmt = 'yyyy-mm-dd';
  ws.getCell('C6').numFmt = 'yyyy-mm-dd';
  ws.getCell('F4').numFmt = '0.00%';
  const ws2 = wb.addWorksheet('Payments');
  ws2.addTable({
    name: 'LeasePayments',
    ref: 'A1',
    totalsRow: true,
    columns: [
      { name: 'Lease ID', totalsRowLabel: 'Total' },
      { name: 'Date' },
      { name: 'Amount', totalsRowFunction: 'sum' },
    ],
    rows: [
      ['E3', '2029-02-01', 100],
      ['E3', new Date(Date.UTC(2029, 2, 1)), { error: '#N/A' } as ExcelJS.CellErrorValue],
    ],
  });
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-readtables-'));
  exceljsFile = join(dir, 'exceljs.xlsx');
  await makeWorkbook(exceljsFile);
  // The same workbook opened and saved by LibreOffice (which rewrites every part of the file its own way).
  const loDir = join(dir, 'lo');
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      loDir,
      exceljsFile,
    ],
    {
      stdio: 'ignore',
    },
  );
  libreFile = join(loDir, 'exceljs.xlsx');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(t: WorkbookTables): void {
  expect(t.tables.map((x) => [x.name, x.sheet, x.topLeft])).toEqual([
    ['Leases', 'Lease data', 'B3'],
    ['LeasePayments', 'Payments', 'A1'],
  ]);
  const leases = t.tables[0];
  expect(leases.headers).toEqual([
    'Lease ID',
    'Commencement Date',
    'Term (Months)',
    'Payment',
    'Discount Rate',
    'Description',
  ]);
  expect(leases.rows.map((r) => r.map((c) => c.value))).toEqual([
    ['E3', 47119, 36, 500, 0.06, 'Automobile'],
    [null, null, null, null, null, null],
    ['E4', 47119, 36, 1234.565, '6.5%', 'link'],
  ]);
  expect(leases.rows[0][1].numberFormat).toMatch(/^yyyy\\?-mm\\?-dd$/); // LibreOffice escapes the hyphens
  expect(leases.rows[0][4].numberFormat).toBe('0.00%');
  const payments = t.tables[1];
  // The totals row is not data.
  expect(payments.rows.map((r) => r.map((c) => c.value))).toEqual([
    ['E3', '2029-02-01', 100],
    ['E3', 47178, '#N/A'],
  ]);

  const r = readPortfolio(t);
  expect(r.errors.map((e) => `${e.where}: ${e.message}`)).toEqual(['Payments!C3: Amount "#N/A" is not a number']);
}

describe('readTables', () => {
  it('reads a file written by exceljs', async () => {
    const t = await readTablesFromFile(exceljsFile);
    expect(t.source).toBe('exceljs.xlsx');
    check(t);
  });

  it('reads the same workbook after LibreOffice saved it', async () => {
    check(await readTablesFromFile(libreFile));
  });

  it('reads from memory', async () => {
    check(await readTablesFromBuffer(readFileSync(exceljsFile), 'in-memory'));
  });
});
