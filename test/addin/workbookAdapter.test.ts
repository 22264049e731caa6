import { MemoryExcel, ExcelError } from '../../src/office/memoryExcel';
import { createTemplate } from '../../src/office/templateWriter';
import { readWorkbookTables } from '../../src/office/readTables';
import { writeWorkpapers, CancelledError, OUTPUT_MARK } from '../../src/office/workpaperWriter';
import { readPolicies, writePolicies } from '../../src/office/policiesTable';
import { selectWhere } from '../../src/office/selectCell';
import { readPortfolio, type InputError } from '../../src/input';
import { readPolicies as readPolicyTable } from '../../src/input/policies';
import { templatePlan } from '../../src/template';
import type { SheetPlan, WorkpaperPlan } from '../../src/workpapers/plan';

/** A small two-sheet output: a schedule table and a summary whose formulas point at it. */
function outputs(label: string, rows = 3): WorkpaperPlan {
  const schedule: SheetPlan = {
    name: 'Schedules',
    rows: [
      [
        { value: 'Lease', bold: true },
        { value: 'Month', bold: true },
        { value: 'Payment', bold: true },
      ],
      ...Array.from({ length: rows }, (_, i) => [
        { value: label },
        { value: i + 1 },
        { value: 100 * (i + 1), numberFormat: '#,##0.00' },
      ]),
    ],
    tables: [{ name: 'ScheduleTable', range: `A1:C${rows + 1}`, style: 'TableStyleLight9' }],
    frozenRows: 1,
    columnWidths: [12, 8, 14],
  };
  const tieOut: SheetPlan = {
    name: 'Tie-Out',
    rows: [
      [{ value: 'Check' }, { value: 'Figure' }, { value: 'Result' }],
      [
        { value: 'Total payments' },
        { formula: '=SUM(Schedules!C:C)' },
        { formula: '=IF(SUM(ScheduleTable[Payment])=B2,"PASS","FAIL")' },
      ],
    ],
    conditionalFormats: [{ range: 'C2:C2', kind: 'passFail' }],
    tabColor: '#107C41',
  };
  return { sheets: [schedule, tieOut] };
}

const options = { canSuspendScreenUpdating: true };

describe('Office.js adapter against the in-memory Excel', () => {
  test('Create template writes the input tables; reading them back gives the example lease with its date', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    const created = await createTemplate(excel.run, templatePlan());
    expect(created.created.map((c) => c.table).sort()).toEqual([
      'GLAccounts',
      'LeaseModifications',
      'LeasePayments',
      'Leases',
      'Policies',
      'VariablePayments',
    ]);
    const tables = await readWorkbookTables(excel.run);
    expect(tables.source).toBe('Book1.xlsx');
    const { input, errors } = readPortfolio(tables);
    expect(errors).toEqual([]);
    expect(input?.leases).toHaveLength(1);
    const lease = input!.leases[0];
    // The template's example lease (src/template): PwC Example 4-4, 36 x 500.00 monthly in advance at 6% from 2029-01-01.
    expect(lease.id).toBe('EXAMPLE-1');
    expect(lease.commencement).toBe('2029-01-01');
    expect(lease.termMonths).toBe(36);
    expect(lease.payment).toBe(50000);
    expect(lease.discountRate.toString()).toBe('0.06');
    const leasesSheet = created.created.find((c) => c.table === 'Leases')!.sheet;
    const dateCell = tables.tables.find((t) => t.name === 'Leases')!.rows[0][
      tables.tables.find((t) => t.name === 'Leases')!.headers.indexOf('Commencement Date')
    ];
    expect(dateCell).toEqual({ value: 47119, numberFormat: 'yyyy-mm-dd' });
    expect(excel.sheetNames()).toContain(leasesSheet);
  });

  test('Create template: the setting dropdown refers to the visible reference table; no inline list is over 255', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    await createTemplate(excel.run, templatePlan());
    const sources = excel.model.sheets.flatMap((s) => s.validations.map((v) => String(v.rule.list?.source)));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources.filter((x) => !x.startsWith('='))) expect(source.length).toBeLessThanOrEqual(255);
    const ranged = sources.filter((x) => x.startsWith('='));
    // The account roles (GLAccounts) and the setting names (Policies) each read a visible reference column.
    expect(ranged).toEqual(['=GLAccounts!$I$4:$I$22', expect.stringMatching(/^=Policies!/)]);
    const m = /^=Policies!\$D\$4:\$D\$(\d+)$/.exec(ranged[1]);
    expect(m).not.toBeNull();
    const held = excel
      .usedValues('Policies')
      .slice(3, Number(m![1]))
      .map((r) => r[3]);
    const policies = (await readWorkbookTables(excel.run)).tables.find((t) => t.name === 'Policies')!;
    expect(held).toEqual(policies.rows.map((r) => r[0].value));
  });

  test('a dropdown list over 255 characters without a source range is refused before anything is sent', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    const long = Array.from({ length: 40 }, (_, i) => `Choice number ${i + 1}`);
    const plan: SheetPlan = {
      name: 'Lists',
      rows: [[{ value: 'Pick' }]],
      dataValidations: [{ range: 'A2:A9', list: long }],
    };
    await expect(createTemplate(excel.run, [plan])).rejects.toThrow(/Lists!A2:A9: the dropdown list is too long/);
    expect(excel.requests.every((r) => r.error === undefined)).toBe(true);
  });

  test('Create template never writes over existing data', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Leases');
    excel.type('Leases', 'A1', 'my own notes');
    await createTemplate(excel.run, templatePlan());
    const before = excel.sheetNames().map((s) => excel.snapshot(s));
    // The user's "Leases" sheet had content: the template went to "Leases (2)".
    expect(excel.cell('Leases', 'A1').value).toBe('my own notes');
    expect(excel.sheetNames()).toContain('Leases (2)');
    const again = await createTemplate(excel.run, templatePlan());
    expect(again.created).toEqual([]);
    expect(again.existing.map((e) => e.table).sort()).toEqual([
      'GLAccounts',
      'LeaseModifications',
      'LeasePayments',
      'Leases',
      'Policies',
      'VariablePayments',
    ]);
    expect(excel.sheetNames().map((s) => excel.snapshot(s))).toEqual(before);
  });

  test('writes outputs under staging names, then replaces the previous ones; cross-sheet formulas follow', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Inputs');
    const first = await writeWorkpapers(excel.run, outputs('L-1'), options);
    expect(first.sheets).toEqual([
      { role: 'Schedules', name: 'Schedules' },
      { role: 'Tie-Out', name: 'Tie-Out' },
    ]);
    expect(excel.cell('Tie-Out', 'B2')).toMatchObject({ value: 600, formula: '=SUM(Schedules!C:C)' });
    expect(excel.cell('Tie-Out', 'C2')).toMatchObject({
      value: 'PASS',
      formula: '=IF(SUM(ScheduleTable[Payment])=B2,"PASS","FAIL")',
    });
    const second = await writeWorkpapers(excel.run, outputs('L-2', 4), options);
    expect(second.replaced).toEqual(['Schedules', 'Tie-Out']);
    expect(excel.sheetNames()).toEqual(['Inputs', 'Schedules', 'Tie-Out']);
    expect(excel.cell('Schedules', 'A5').value).toBe('L-2');
    expect(excel.cell('Tie-Out', 'B2').value).toBe(1000);
    expect(JSON.parse(excel.snapshot('Schedules')).names.map((n: { name: string }) => n.name)).toEqual([OUTPUT_MARK]);
    expect(JSON.parse(excel.snapshot('Schedules')).tables).toEqual([
      { name: 'ScheduleTable', rect: { r0: 0, c0: 0, r1: 4, c1: 2 }, style: 'TableStyleLight9' },
    ]);
  });

  test("a user's own sheet named Schedules is left alone; the add-in writes beside it", async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Schedules');
    excel.type('Schedules', 'B2', 'my rent notes');
    const mine = excel.snapshot('Schedules');
    const result = await writeWorkpapers(excel.run, outputs('L-1'), options);
    expect(result.userSheetsLeftAlone).toEqual(['Schedules']);
    expect(result.sheets[0]).toEqual({ role: 'Schedules', name: 'Schedules (add-in)' });
    expect(excel.snapshot('Schedules')).toBe(mine);
    // The summary's formulas point at the add-in's sheet, not the user's.
    expect(excel.cell('Tie-Out', 'B2')).toMatchObject({ value: 600, formula: "=SUM('Schedules (add-in)'!C:C)" });
    // A second run replaces its own sheet and still leaves the user's alone.
    await writeWorkpapers(excel.run, outputs('L-9'), options);
    expect(excel.snapshot('Schedules')).toBe(mine);
    expect(excel.sheetNames()).toEqual(['Schedules', 'Schedules (add-in)', 'Tie-Out']);
    expect(excel.cell('Schedules (add-in)', 'A2').value).toBe('L-9');
  });

  test('a write that fails half-way leaves the previous workpapers untouched and no staging sheets', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Inputs');
    await writeWorkpapers(excel.run, outputs('OLD', 50), options);
    const names = excel.sheetNames();
    const before = names.map((s) => excel.snapshot(s));
    const start = excel.requests.length;
    excel.failRequest = (r) =>
      r.index === start + 4 ? new ExcelError('GeneralException', 'The network connection was lost.') : null;
    const small = { bytes: 2000, cells: 40 }; // many small requests, so the failure lands mid-write
    await expect(writeWorkpapers(excel.run, outputs('NEW', 50), { ...options, budget: small })).rejects.toThrow(
      /network connection/,
    );
    excel.failRequest = null;
    expect(excel.requests.length).toBeGreaterThan(start + 4);
    expect(excel.sheetNames()).toEqual(names);
    expect(names.map((s) => excel.snapshot(s))).toEqual(before);
  });

  test('Cancel stops before anything is replaced', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Inputs');
    await writeWorkpapers(excel.run, outputs('OLD', 50), options);
    const before = excel.sheetNames().map((s) => excel.snapshot(s));
    let syncs = 0;
    const run = writeWorkpapers(excel.run, outputs('NEW', 50), {
      ...options,
      budget: { bytes: 2000, cells: 40 },
      onProgress: () => syncs++,
      isCancelled: () => syncs >= 2,
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(excel.sheetNames().map((s) => excel.snapshot(s))).toEqual(before);
  });

  test('staging sheets left by an interrupted run are removed by the next run', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Inputs');
    const failAll = (): ExcelError => new ExcelError('GeneralException', 'Excel closed.');
    let n = 0;
    excel.failRequest = (): ExcelError | null => (++n > 8 ? failAll() : null); // also fails the clean-up
    await expect(
      writeWorkpapers(excel.run, outputs('X', 50), { ...options, budget: { bytes: 2000, cells: 40 } }),
    ).rejects.toThrow();
    excel.failRequest = null;
    expect(excel.sheetNames().some((s) => s.startsWith('LW staging'))).toBe(true);
    await writeWorkpapers(excel.run, outputs('Y'), options);
    expect(excel.sheetNames()).toEqual(['Inputs', 'Schedules', 'Tie-Out']);
  });

  test('text that looks like a formula, a number or a date stays text', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Inputs');
    const texts = [
      '=SUM(A1)',
      '+1',
      '-5 rent',
      '@risk',
      '00123',
      '2029-01',
      'Jan-29',
      'TRUE',
      "'quoted",
      'Plain words',
    ];
    const plan: WorkpaperPlan = { sheets: [{ name: 'Run Log', rows: texts.map((t) => [{ value: t }]) }] };
    await writeWorkpapers(excel.run, plan, options);
    expect(texts.map((_, i) => excel.cell('Run Log', `A${i + 1}`).value)).toEqual(texts);
    expect(texts.map((_, i) => excel.cell('Run Log', `A${i + 1}`).formula)).toEqual(texts.map(() => undefined));
  });

  test('Policies: read the template table and change values in place; text stays text', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    await createTemplate(excel.run, templatePlan());
    const read = await readPolicies(excel.run);
    expect(read.table).not.toBeNull();
    expect(read.rows.find((r) => r.setting === 'Rate Basis')?.value).toBe('Payment frequency');
    await writePolicies(excel.run, [
      { setting: 'Rate Basis', value: 'Monthly' },
      { setting: 'Fair Value Threshold', value: 0.85 },
      { setting: 'Cash Account', value: '-1000 Cash' },
    ]);
    const again = await readPolicies(excel.run);
    // Cash Account (an account-name setting of earlier templates, still read) is not in the template: added as a row.
    expect(again.rows.length).toBe(read.rows.length + 1);
    expect(again.rows.find((r) => r.setting === 'Rate Basis')?.value).toBe('Monthly');
    expect(again.rows.find((r) => r.setting === 'Fair Value Threshold')?.value).toBe(0.85);
    expect(again.rows.find((r) => r.setting === 'Cash Account')?.value).toBe('-1000 Cash');
    const { input, errors } = readPortfolio(await readWorkbookTables(excel.run));
    expect(errors).toEqual([]);
    expect(input?.policies.rateBasis).toBe('Monthly');
    expect(input?.policies.fairValueThreshold.toString()).toBe('0.85');
    expect(input?.policies.accountNames.Cash).toBe('-1000 Cash');
  });

  test('Policies: a setting the table lacks is added as a row', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Setup');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Setup');
      ws.getRange('A1:B2').values = [
        ['Setting', 'Value'],
        ['Rate Basis', 'Monthly'],
      ];
      ws.tables.add('A1:B2', true).name = 'Policies';
    });
    await writePolicies(excel.run, [{ setting: 'Fiscal Year End Month', value: 6 }]);
    const read = await readPolicies(excel.run);
    expect(read.rows).toEqual([
      { setting: 'Rate Basis', value: 'Monthly', numberFormat: 'General' },
      { setting: 'Fiscal Year End Month', value: 6, numberFormat: 'General' },
    ]);
  });

  test('Policies: a setting typed in other words ("Short Term Exemption") is saved into its own row, not a second one', async () => {
    // The bug: the table writer ignored only spaces, the reader also hyphens, so saving "Short-Term Exemption"
    // added a second row and the next run said the setting "appears twice".
    const excel = new MemoryExcel();
    excel.addSheet('Setup');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Setup');
      ws.getRange('A1:B3').values = [
        ['Setting', 'Value'],
        ['Short Term Exemption', 'Yes'],
        ['rate_basis', 'Monthly'],
      ];
      ws.tables.add('A1:B3', true).name = 'Policies';
    });
    await writePolicies(excel.run, [
      { setting: 'Short-Term Exemption', value: 'No' },
      { setting: 'Rate Basis', value: 'Effective annual' },
    ]);
    const read = await readPolicies(excel.run);
    expect(read.rows.map((r) => [r.setting, r.value])).toEqual([
      ['Short Term Exemption', 'No'],
      ['rate_basis', 'Effective annual'],
    ]);
    const { tables } = await readWorkbookTables(excel.run);
    const errors: InputError[] = [];
    const policies = readPolicyTable(
      tables.find((t) => t.name === 'Policies'),
      errors,
    );
    expect(errors).toEqual([]);
    expect(policies.shortTermExemption).toBe(false);
    expect(policies.rateBasis).toBe('Effective annual');
  });

  test('clicking an error selects its cell', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Lease data');
    excel.addSheet('Other');
    expect(await selectWhere(excel.run, "'Lease data'!F7")).toBe(true);
    expect(excel.model.selection?.sheet.name).toBe('Lease data');
    expect(excel.model.selection?.rect).toEqual({ r0: 6, c0: 5, r1: 6, c1: 5 });
    expect(excel.model.activeSheet?.name).toBe('Lease data');
    expect(await selectWhere(excel.run, 'Workbook')).toBe(false);
    expect(await selectWhere(excel.run, 'Gone!A1')).toBe(false);
  });
});
