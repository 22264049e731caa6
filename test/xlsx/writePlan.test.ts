import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writePlan } from '../../src/xlsx/writePlan';
import { readZip, ZipWriter } from '../../src/xlsx/zip';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { templatePlan } from '../../src/template';
import type { PlanCell, SheetPlan } from '../../src/workpapers/plan';
import { isOwnedSheet, OWNED_SHEET_NAMES } from '../../src/workpapers/names';

const dir = mkdtempSync(join(tmpdir(), 'write-plan-'));
let n = 0;
const out = () => join(dir, `out-${++n}.xlsx`);

function part(path: string, name: string): string {
  const p = readZip(readFileSync(path)).get(name);
  if (!p) throw new Error(`no ${name}`);
  return p.toString('utf8');
}

/** The XML part of a sheet, by sheet name. */
function sheetXml(path: string, sheet: string): string {
  const wb = part(path, 'xl/workbook.xml');
  const rid = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="([^"]+)"`).exec(wb)![1];
  const rels = part(path, 'xl/_rels/workbook.xml.rels');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return part(path, `xl/${target.replace(/^\/?xl\//, '')}`);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const sheet = (name: string, rows: (PlanCell | null)[][], more: Partial<SheetPlan> = {}): SheetPlan => ({
  name,
  rows,
  ...more,
});

describe('isOwnedSheet', () => {
  it('owns the seven output sheets and their numbered continuations, whatever the case', () => {
    for (const s of OWNED_SHEET_NAMES) expect(isOwnedSheet(s)).toBe(true);
    expect(OWNED_SHEET_NAMES).toEqual([
      'Schedules',
      'Journal Entries',
      'Journal Import',
      'Classification',
      'Roll-Forward',
      'Disclosures',
      'Tie-Out',
      'Catch-Ups',
      'Run Log',
      'Lease Memos',
    ]);
    expect(isOwnedSheet('Schedules 2')).toBe(true);
    expect(isOwnedSheet('journal entries 12')).toBe(true);
    expect(isOwnedSheet('TIE-OUT')).toBe(true);
  });

  it('does not own anything else', () => {
    for (const s of [
      'Leases',
      'Policies',
      'Schedules (old)',
      'Schedules 0',
      'Schedules 2a',
      'My Schedules',
      'Run Log copy',
      'Journal',
    ]) {
      expect(isOwnedSheet(s)).toBe(false);
    }
  });
});

describe('writePlan', () => {
  it('writes the input template as real Excel tables that the input reader finds, with dropdown lists', async () => {
    const path = out();
    await writePlan(null, { sheets: templatePlan({ exampleLease: true }) }, path);
    const tables = await readTablesFromFile(path);
    const names = tables.tables.map((t) => t.name).sort();
    expect(names).toEqual([
      'GLAccounts',
      'LeaseModifications',
      'LeasePayments',
      'Leases',
      'Policies',
      'VariablePayments',
    ]);
    const leases = tables.tables.find((t) => t.name === 'Leases')!;
    expect(leases.headers[0]).toBe('Lease ID');
    expect(leases.rows.length).toBeGreaterThanOrEqual(1);
    const xml = sheetXml(path, 'Leases');
    expect(xml).toMatch(
      /<dataValidation type="list"[^>]*><formula1>&quot;Monthly,Quarterly,Semiannual,Annual&quot;<\/formula1>/,
    );
    // A list longer than Excel's 255 characters refers to the visible reference table beside the Policies table;
    // nothing on the sheet is hidden.
    const policies = sheetXml(path, 'Policies');
    expect(policies).toMatch(
      /<dataValidation type="list"[^>]*sqref="A4:A\d+"><formula1>Policies!\$D\$4:\$D\$\d+<\/formula1>/,
    );
    expect(policies).not.toMatch(/hidden="1"/);
  });

  it("keeps the user's sheets (values, formulas, tables), replaces only the product's, and adds the plan's after them", async () => {
    const input = out();
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Notes');
    notes.getCell('A1').value = 'keep me';
    notes.getCell('B1').value = 21;
    notes.getCell('B2').value = { formula: 'B1*2' } as ExcelJS.CellFormulaValue;
    const data = wb.addWorksheet('Data');
    data.addTable({ name: 'LeaseSchedule', ref: 'A1', columns: [{ name: 'X' }], rows: [[1]] });
    // The user's own sheets that happen to have output names: never the product's (they carry no mark).
    wb.addWorksheet('Schedules').getCell('A1').value = 'mine';
    wb.addWorksheet('Run Log').getCell('A1').value = 'mine too';
    await wb.xlsx.writeFile(input);

    const plan = {
      sheets: [
        sheet('Schedules', [[{ value: 'Lease ID', bold: true }], [{ value: 'L-1' }]], {
          tables: [{ name: 'LeaseSchedule', range: 'A1:A2' }],
        }),
        sheet('Run Log', [[{ value: 'fresh' }], [{ formula: '=COUNTA(Schedules!A:A)+ROWS(LeaseSchedule[Lease ID])' }]]),
      ],
    };
    const path = out();
    await writePlan(input, plan, path);
    const back = await load(path);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      'Notes',
      'Data',
      'Schedules',
      'Run Log',
      'Schedules (add-in)',
      'Run Log (add-in)',
    ]);
    expect(back.getWorksheet('Notes')!.getCell('A1').value).toBe('keep me');
    expect(back.getWorksheet('Notes')!.getCell('B2').value).toMatchObject({ formula: 'B1*2' });
    expect(back.getWorksheet('Schedules')!.getCell('A1').value).toBe('mine');
    expect(back.getWorksheet('Run Log')!.getCell('A1').value).toBe('mine too');
    expect(back.getWorksheet('Schedules (add-in)')!.getCell('A2').value).toBe('L-1');
    // Our formulas point at the names our sheets and tables were given, not at the user's.
    expect(back.getWorksheet('Run Log (add-in)')!.getCell('A2').value).toMatchObject({
      formula: "COUNTA('Schedules (add-in)'!A:A)+ROWS(LeaseSchedule_2[Lease ID])",
    });
    // The user's table keeps its name; ours, colliding, gets a suffix.
    const tables = (await readTablesFromFile(path)).tables.map((t) => `${t.sheet}:${t.name}`).sort();
    expect(tables).toEqual(['Data:LeaseSchedule', 'Schedules (add-in):LeaseSchedule_2']);
    // The command line reads only input: the product's own sheets are not read.
    const inputs = (await readTablesFromFile(path, undefined, { outputs: false })).tables.map((t) => t.name);
    expect(inputs).toEqual(['LeaseSchedule']);

    // A second run replaces the marked outputs and leaves the user's sheets alone again.
    const again = out();
    await writePlan(path, plan, again);
    expect((await load(again)).worksheets.map((w) => w.name)).toEqual([
      'Notes',
      'Data',
      'Schedules',
      'Run Log',
      'Schedules (add-in)',
      'Run Log (add-in)',
    ]);
  });

  it("writes into its own output again: the previous run's sheets and tables are replaced, not duplicated", async () => {
    const plan = {
      sheets: [
        ...templatePlan({ exampleLease: true }),
        sheet('Schedules', [[{ value: 'Lease ID', bold: true }], [{ value: 'L-1' }]], {
          tables: [{ name: 'LeaseSchedule', range: 'A1:A2' }],
        }),
      ],
    };
    const first = out();
    await writePlan(null, plan, first);
    const second = out();
    await writePlan(first, { sheets: [plan.sheets[plan.sheets.length - 1]] }, second);
    const wb = await load(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Leases',
      'LeasePayments',
      'LeaseModifications',
      'VariablePayments',
      'GLAccounts',
      'Policies',
      'Schedules',
    ]);
    // Input tables are read; the product's own sheets are not input.
    const names = (await readTablesFromFile(second, undefined, { outputs: false })).tables.map((t) => t.name).sort();
    expect(names).toEqual([
      'GLAccounts',
      'LeaseModifications',
      'LeasePayments',
      'Leases',
      'Policies',
      'VariablePayments',
    ]);
    // One LeaseSchedule table in the package: the previous one went with its sheet.
    const tableParts = [...readZip(readFileSync(second))].filter(([n]) => /tables\/table\d+\.xml$/.test(n));
    expect(tableParts.map(([, b]) => /name="([^"]+)"/.exec(b.toString())![1]).sort()).toEqual([
      'GLAccounts',
      'LeaseModifications',
      'LeasePayments',
      'LeaseSchedule',
      'Leases',
      'Policies',
      'VariablePayments',
    ]);
  });

  it('writes text that looks like a formula as text, and formulas without cached values', async () => {
    const path = out();
    await writePlan(
      null,
      {
        sheets: [
          sheet('S', [
            [{ value: '=1+1' }, { value: '+44' }, { value: '-x' }, { value: '@SUM(A1)' }, { value: ' padded ' }],
            [
              { formula: '=1+1' },
              { value: 3.5, numberFormat: '#,##0.00;-#,##0.00' },
              { value: true },
              { value: 'a<b&"c"' },
            ],
          ]),
        ],
      },
      path,
    );
    const ws = (await load(path)).getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe('=1+1');
    expect(ws.getCell('B1').value).toBe('+44');
    expect(ws.getCell('C1').value).toBe('-x');
    expect(ws.getCell('D1').value).toBe('@SUM(A1)');
    expect(ws.getCell('E1').value).toBe(' padded ');
    expect(ws.getCell('A2').value).toMatchObject({ formula: '1+1' });
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00;-#,##0.00');
    expect(ws.getCell('C2').value).toBe(true);
    expect(ws.getCell('D2').value).toBe('a<b&"c"');
    const xml = sheetXml(path, 'S');
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(xml).toContain('<c r="A2"><f>1+1</f></c>');
    expect(part(path, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes widths, frozen panes, bold, tab colours and PASS/FAIL conditional formats', async () => {
    const path = out();
    await writePlan(
      null,
      {
        sheets: [
          sheet(
            'T',
            [
              [
                { value: 'Head', bold: true },
                { value: 'Result', bold: true },
              ],
              [{ value: 'x' }, { value: 'PASS' }],
            ],
            {
              columnWidths: [30, 12],
              frozenRows: 1,
              frozenColumns: 1,
              tabColor: '#C00000',
              conditionalFormats: [{ range: 'B2:B9', kind: 'passFail' }],
            },
          ),
        ],
      },
      path,
    );
    const ws = (await load(path)).getWorksheet('T')!;
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const xml = sheetXml(path, 'T');
    expect(xml).toContain('<tabColor rgb="FFC00000"/>');
    expect(xml).toMatch(
      /<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="(\d+)"[^>]*operator="equal"><formula>"PASS"<\/formula><\/cfRule><cfRule type="cellIs" dxfId="(\d+)"[^>]*><formula>"FAIL"<\/formula>/,
    );
    const styles = part(path, 'xl/styles.xml');
    expect(styles).toMatch(/<dxfs count="2"><dxf><font><b\/><color rgb="FF006100"\/><\/font>/);
  });

  it('streams row blocks: every row of a long block is written in order, with the column formats', async () => {
    const path = out();
    const rows = 12000;
    await writePlan(
      null,
      {
        sheets: [
          {
            name: 'Big',
            rows: [
              [
                { value: 'n', bold: true },
                { value: 'amount', bold: true },
                { value: 'twice', bold: true },
              ],
            ],
            blocks: [
              {
                firstRow: 2,
                rowCount: rows,
                columnFormats: ['0', '#,##0.00;-#,##0.00', undefined],
                row: (i) => [{ value: i + 1 }, { value: (i * 7) / 100 }, { formula: `=A${i + 2}*2` }],
              },
            ],
            tables: [{ name: 'Big', range: `A1:C${rows + 1}` }],
          },
        ],
      },
      path,
    );
    const ws = (await load(path)).getWorksheet('Big')!;
    expect(ws.rowCount).toBe(rows + 1);
    expect(ws.getCell('A6001').value).toBe(6000);
    expect(ws.getCell('B6001').value).toBe(419.93);
    expect(ws.getCell('B6001').numFmt).toBe('#,##0.00;-#,##0.00');
    expect(ws.getCell(`C${rows + 1}`).value).toMatchObject({ formula: `A${rows + 1}*2` });
    const tables = (await readTablesFromFile(path)).tables;
    expect(tables[0].rows).toHaveLength(rows);
  });
});

describe('zip', () => {
  it('reads back what it writes, including parts larger than the deflate window', async () => {
    const path = out();
    const big = Array.from({ length: 200000 }, (_, i) => `row ${i} ${(i * 7919) % 1000}\n`);
    const z = new ZipWriter(path);
    await z.add('a.txt', ['hello ', 'world']);
    await z.add('dir/big.txt', big);
    await z.add('empty.txt', []);
    await z.finish();
    const parts = readZip(readFileSync(path));
    expect(parts.get('a.txt')!.toString()).toBe('hello world');
    expect(parts.get('dir/big.txt')!.toString()).toBe(big.join(''));
    expect(parts.get('empty.txt')!.length).toBe(0);
  });
});
