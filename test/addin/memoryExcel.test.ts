import { MemoryExcel, EXCEL_WEB_PAYLOAD_LIMIT } from '../../src/office/memoryExcel';
import type { ExcelError } from '../../src/office/memoryExcel';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as ExcelError).code ?? String(e);
  }
  return 'no error';
}

describe('in-memory Excel: load/sync semantics', () => {
  test('a property is readable only after load and sync, as in Office.js', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      expect(() => ws.name).toThrow(/call the load method/);
      ws.load('name,position');
      expect(() => ws.name).toThrow(/not available/);
      await context.sync();
      expect(ws.name).toBe('Data');
      expect(ws.position).toBe(0);
      expect(() => ws.tabColor).toThrow(/tabColor/);
    });
  });

  test('*OrNullObject reports isNullObject after a sync; getItem of a missing sheet fails the sync', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  test('commands run in order at sync; a failing command stops the rest but earlier ones stay done', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    const code = await codeOf(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Data');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A2:B2').values = [['only one']]; // wrong shape
        ws.getRange('A3').values = [['never']];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(excel.cell('Data', 'A1').value).toBe('first');
    expect(excel.cell('Data', 'A3').value).toBe(null);
  });
});

describe('in-memory Excel: worksheets', () => {
  test('add, rename, move and delete; names are unique case-insensitively and at most 31 characters', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('Leases');
      const b = sheets.add('B');
      await context.sync();
      b.name = 'Policies';
      b.position = 0;
      await context.sync();
    });
    expect(excel.sheetNames()).toEqual(['Policies', 'Sheet1', 'Leases']);
    expect(await codeOf(excel.run(async (c) => void c.workbook.worksheets.add('leases')))).toBe('ItemAlreadyExists');
    expect(await codeOf(excel.run(async (c) => void c.workbook.worksheets.add('x'.repeat(32))))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(excel.run(async (c) => void c.workbook.worksheets.add('a/b')))).toBe('InvalidArgument');
    await excel.run(async (context) => context.workbook.worksheets.getItem('Sheet1').delete());
    expect(excel.sheetNames()).toEqual(['Policies', 'Leases']);
  });

  test('renaming a sheet rewrites formulas that refer to it; deleting it leaves #REF!', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Summary');
    excel.addSheet('Stage 1');
    excel.type('Stage 1', 'B2', '40');
    excel.type('Summary', 'A1', "='Stage 1'!B2*2");
    expect(excel.cell('Summary', 'A1').value).toBe(80);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Stage 1').name = 'Schedules';
    });
    expect(excel.cell('Summary', 'A1').formula).toBe('=Schedules!B2*2');
    expect(excel.cell('Summary', 'A1').value).toBe(80);
    await excel.run(async (context) => context.workbook.worksheets.getItem('Schedules').delete());
    expect(excel.cell('Summary', 'A1').formula).toBe('=#REF!*2');
    expect(excel.cell('Summary', 'A1').value).toBe('#REF!');
  });

  test('renames within one request follow each other as in Excel: a swap, a chain, a formula written between', async () => {
    const excel = new MemoryExcel();
    for (const name of ['Summary', 'X', 'Y', 'A']) excel.addSheet(name);
    excel.type('X', 'A1', '1');
    excel.type('Y', 'A1', '2');
    excel.type('A', 'A1', '3');
    excel.type('Summary', 'A1', '=X!A1*100+Y!A1*10+A!A1');
    expect(excel.cell('Summary', 'A1').value).toBe(123);
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // X and Y trade names through a temporary one; A becomes B, then C, with a formula written while it is B.
      sheets.getItem('X').name = 'T';
      sheets.getItem('Y').name = 'X';
      sheets.getItem('T').name = 'Y';
      sheets.getItem('A').name = 'B';
      sheets.getItem('Summary').getRange('A2').formulas = [['=B!A1+1']];
      sheets.getItem('B').name = 'C';
      sheets.getItem('Summary').getRange('A3').formulas = [['=C!A1+2']];
      await context.sync();
    });
    expect(excel.cell('Summary', 'A1').formula).toBe('=Y!A1*100+X!A1*10+C!A1');
    expect(excel.cell('Summary', 'A1').value).toBe(123);
    expect(excel.cell('Summary', 'A2')).toMatchObject({ formula: '=C!A1+1', value: 4 });
    expect(excel.cell('Summary', 'A3')).toMatchObject({ formula: '=C!A1+2', value: 5 });
  });

  test('table renames within one request follow each other; a failed request still applies those before it', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    excel.addSheet('Summary');
    excel.type('Data', 'A1', 'Amount');
    excel.type('Data', 'A2', '7');
    await excel.run(async (context) => {
      context.workbook.tables.add('Data!A1:A2', true).name = 'Stage';
    });
    excel.type('Summary', 'A1', '=SUM(Stage[Amount])');
    const failed = excel.run(async (context) => {
      context.workbook.tables.getItem('Stage').name = 'Amounts';
      context.workbook.worksheets.getItem('Data').name = 'Figures';
      context.workbook.worksheets.getItem('No such sheet').name = 'Other';
    });
    await expect(failed).rejects.toMatchObject({ code: 'ItemNotFound' });
    // Excel has applied what ran before the failing command.
    expect(excel.cell('Summary', 'A1')).toMatchObject({ formula: '=SUM(Amounts[Amount])', value: 7 });
    expect(excel.sheetNames()).toEqual(['Figures', 'Summary']);
  });
});

describe('in-memory Excel: ranges', () => {
  test('values are entered as if typed: formulas, numbers, dates; an apostrophe or the Text format keeps text', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('E1').numberFormat = [['@']];
      ws.getRange('A1:E1').values = [['=1+2', "'=1+2", '0123', '2029-01-01', '=1+2']];
      ws.getRange('A2:C2').values = [['-abc', "'-abc", '5%']];
    });
    expect(excel.cell('S', 'A1')).toMatchObject({ value: 3, formula: '=1+2' });
    expect(excel.cell('S', 'B1')).toEqual({ value: '=1+2', numberFormat: 'General', bold: false });
    expect(excel.cell('S', 'C1').value).toBe(123);
    // 2029-01-01 is day 47119 counted from 1899-12-30 (46,023 days to 2026-01-01 + 365 + 365 + 366).
    expect(excel.cell('S', 'D1').value).toBe(46023 + 365 + 365 + 366);
    expect(excel.cell('S', 'E1').value).toBe('=1+2');
    expect(excel.cell('S', 'A2').formula).toBe('=-abc');
    expect(excel.cell('S', 'B2').value).toBe('-abc');
    expect(excel.cell('S', 'C2')).toMatchObject({ value: 0.05, numberFormat: '0%' });
  });

  test('null in an input array leaves the cell unchanged, "" clears it', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    excel.type('S', 'A1', 'keep');
    excel.type('S', 'B1', 'drop');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, '']];
    });
    expect(excel.cell('S', 'A1').value).toBe('keep');
    expect(excel.cell('S', 'B1').value).toBe(null);
  });

  test('values, formulas, number formats and the address load back; formulas are evaluated', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Roll forward');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Roll forward');
      const r = ws.getRange('A1:C2');
      r.formulas = [
        [1.25, 2, '=ROUND(A1*1000,0)/1000+B1'],
        ['=ROUND(2.675,2)', '=EDATE(DATE(2029,1,31),1)', '=SUM(A1:B1,10)'],
      ];
      r.numberFormat = [
        ['0.000', null, null],
        [null, 'yyyy-mm-dd', null],
      ];
      await context.sync();
      r.load('address, values, formulas, numberFormat, rowCount, columnCount');
      await context.sync();
      expect(r.address).toBe("'Roll forward'!A1:C2");
      expect(r.rowCount).toBe(2);
      expect(r.columnCount).toBe(3);
      // Excel rounds the 15-digit decimal value half away from zero: ROUND(2.675, 2) = 2.68.
      // EDATE(2029-01-31, 1) = 2029-02-28, serial 47119 + 30 + 28 = 47177.
      expect(r.values).toEqual([
        [1.25, 2, 3.25],
        [2.68, 47177, 13.25],
      ]);
      expect(r.formulas[0][2]).toBe('=ROUND(A1*1000,0)/1000+B1');
      expect(r.numberFormat).toEqual([
        ['0.000', 'General', 'General'],
        ['General', 'yyyy-mm-dd', 'General'],
      ]);
    });
  });

  test('SUMIFS over whole columns and structured references to a table', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('T');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('T');
      ws.getRange('A1:B4').values = [
        ['Lease', 'Payment'],
        ['L-1', 100],
        ['L-2', 250],
        ['L-1', 50],
      ];
      const t = ws.tables.add('A1:B4', true);
      t.name = 'Pay';
      ws.getRange('D1:D3').formulas = [
        ['=SUMIFS(B:B,A:A,"L-1")'],
        ['=SUM(Pay[Payment])'],
        ['=COUNTIF(Pay[Lease],"L-*")'],
      ];
    });
    expect(excel.cell('T', 'D1').value).toBe(150);
    expect(excel.cell('T', 'D2').value).toBe(400);
    expect(excel.cell('T', 'D3').value).toBe(3);
    expect(excel.cell('T', 'D1').formula).toBe('=SUMIFS(B:B,A:A,"L-1")');
    // SUMPRODUCT over array expressions, as the Tie-Out uses it; ROWS of a table column.
    excel.type('T', 'E1', '=SUMPRODUCT((A2:A4="L-1")*B2:B4)');
    excel.type('T', 'E2', '=SUMPRODUCT(--(ROUND(B2:B4-100,2)=0))');
    excel.type('T', 'E3', '=ROWS(Pay[Lease])');
    excel.type('T', 'E4', '=N(B2)+N(A2)');
    expect(excel.cell('T', 'E1').value).toBe(150);
    expect(excel.cell('T', 'E2').value).toBe(1);
    expect(excel.cell('T', 'E3').value).toBe(3);
    expect(excel.cell('T', 'E4').value).toBe(100);
  });
});

describe('in-memory Excel: tables, validation, names', () => {
  test('tables are found by name anywhere; their body, header and sheet load back', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Input');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Input');
      ws.getRange('B3:C3').values = [['Setting', 'Value']];
      const t = ws.tables.add('B3:C3', true);
      t.name = 'Policies';
      await context.sync();
      t.rows.add(undefined, [['Rate Basis', 'Monthly']]);
    });
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem('policies');
      t.load('name');
      t.worksheet.load('name');
      const body = t.getDataBodyRange().load('values,address');
      const header = t.getHeaderRowRange().load('values');
      await context.sync();
      expect(t.name).toBe('Policies');
      expect(t.worksheet.name).toBe('Input');
      expect(header.values).toEqual([['Setting', 'Value']]);
      // A header-only table gets one empty row; rows.add appends below it.
      expect(body.address).toBe('Input!B4:C5');
      expect(body.values).toEqual([
        ['', ''],
        ['Rate Basis', 'Monthly'],
      ]);
    });
    expect(
      await codeOf(excel.run(async (c) => void c.workbook.worksheets.getItem('Input').tables.add('C3:D9', true))),
    ).toBe('InvalidArgument');
  });

  test('data validation lists are stored and read back; a second rule needs clear() first', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    await excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('H2:H200').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: 'Monthly,Quarterly' } };
      dv.errorAlert = { message: 'Pick one', showAlert: true, style: 'Stop', title: 'Frequency' };
    });
    await excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('H5').dataValidation.load('rule');
      await context.sync();
      expect(dv.rule.list?.source).toBe('Monthly,Quarterly');
    });
    const again = excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('H3').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'A' },
      };
    });
    expect(await codeOf(again)).toBe('InvalidOperation');
  });

  test('a list source is inline text of at most 255 characters, or a one-column range of a sheet', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    excel.addSheet('Lists here');
    const rule = (address: string, source: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange(address).dataValidation.rule = {
          list: { inCellDropDown: true, source },
        };
      });
    expect(await codeOf(rule('A1', 'x'.repeat(256)))).toBe('InvalidArgument');
    await rule('A2', 'x'.repeat(255));
    await rule('A3', "='Lists here'!$B$1:$B$30");
    await rule('A4', '=$C$1:$C$5');
    expect(await codeOf(rule('A5', '=Nowhere!$B$1:$B$3'))).toBe('InvalidArgument');
    expect(await codeOf(rule('A6', '=S!B1:C3'))).toBe('InvalidArgument');
    await excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('A3').dataValidation.load('rule');
      await context.sync();
      expect(dv.rule.list?.source).toBe("='Lists here'!$B$1:$B$30");
    });
  });

  test('sheet-scoped names: add, find, list, delete', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Out');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Out');
      ws.names.add('LeaseWorkpapers_Owned', ws.getRange('A1'));
    });
    await excel.run(async (context) => {
      const names = context.workbook.worksheets.getItem('Out').names;
      const item = names.getItemOrNullObject('leaseworkpapers_owned');
      names.load('items/name');
      await context.sync();
      expect(item.isNullObject).toBe(false);
      expect(names.items.map((n) => n.name)).toEqual(['LeaseWorkpapers_Owned']);
      item.delete();
    });
    expect(JSON.parse(excel.snapshot('Out')).names).toEqual([]);
  });
});

describe('in-memory Excel: Excel on the web limits and requirement sets', () => {
  test('a request over 5 MB fails whole, before any of it runs', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    const big = Array.from({ length: 60000 }, (_, i) => [`row ${i} ${'x'.repeat(80)}`]);
    const code = await codeOf(
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.getRange('B1').values = [['small']];
        ws.getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.cell('S', 'B1').value).toBe(null);
    const last = excel.requests[excel.requests.length - 1];
    expect(last.bytes).toBeGreaterThan(EXCEL_WEB_PAYLOAD_LIMIT);
    expect(last.error).toMatch(/payload size/);
  });

  test('an API above the host requirement set fails with ApiNotFound; isSetSupported says so first', async () => {
    const excel = new MemoryExcel({ apiVersion: '1.8' });
    excel.addSheet('S');
    expect(excel.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const code = await codeOf(
      excel.run(async (context) => {
        context.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
    await excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
    });
    const last = excel.requests[excel.requests.length - 1];
    expect(last.calculationSuspended).toBe(true);
    expect(last.screenUpdatingSuspended).toBe(false);
  });
});

describe('in-memory Excel: events, conditional formats, recalculation', () => {
  test('TableCollection.onChanged (ExcelApi 1.7) is raised for an edit typed into a table, not outside it', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('A1:B2').values = [
        ['Lease ID', 'Payment'],
        ['L-1', 100],
      ];
      ws.tables.add('A1:B2', true).name = 'Leases';
    });
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.tables.onChanged.add(async (args) => {
        seen.push(`${args.changeType} ${args.address} ${args.source}`);
      });
      await context.sync();
    });
    excel.type('Data', 'B2', '200');
    excel.type('Data', 'D9', 'outside');
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['RangeEdited B2 Local']);
    expect(excel.apisUsed.has('TableCollection.onChanged')).toBe(true);
    const old = new MemoryExcel({ apiVersion: '1.6' });
    old.addSheet('Data');
    await expect(
      codeOf(
        old.run(async (context) => {
          context.workbook.tables.onChanged.add(async () => undefined);
          await context.sync();
        }),
      ),
    ).resolves.toBe('ApiNotFound');
  });

  test('a conditional format has an id, is found by it and deleted, leaving the others', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Data');
    const ids = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('C3');
      const a = range.conditionalFormats.add('CellValue');
      a.cellValue.rule = { formula1: '="PASS"', operator: 'EqualTo' };
      const b = range.conditionalFormats.add('CellValue');
      b.cellValue.rule = { formula1: '="FAIL"', operator: 'EqualTo' };
      a.load('id');
      b.load('id');
      await context.sync();
      return [a.id, b.id];
    });
    expect(new Set(ids).size).toBe(2);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('C3').conditionalFormats.getItem(ids[0]).delete();
      await context.sync();
    });
    const left = excel.model.sheetByName('Data')!.conditionalFormats;
    expect(left.map((cf) => cf.id)).toEqual([ids[1]]);
    await expect(
      codeOf(
        excel.run(async (context) => {
          context.workbook.worksheets.getItem('Data').getRange('C3').conditionalFormats.getItem(ids[0]).delete();
          await context.sync();
        }),
      ),
    ).resolves.toBe('ItemNotFound');
  });

  test('recalculation in slices gives the values evaluation on demand gives, whatever the order of the cells', async () => {
    const build = async (roundTrip: 'task' | 'microtask'): Promise<MemoryExcel> => {
      const excel = new MemoryExcel({ roundTrip });
      excel.addSheet('Data');
      excel.addSheet('Sum');
      await excel.run(async (context) => {
        const data = context.workbook.worksheets.getItem('Data');
        // A total above the rows it adds up, a running balance on each row, a count from another sheet.
        data.getRange('A1:B1').formulas = [['=SUM(B3:B400)', '=COUNTIF(B3:B400,">100")']];
        data.getRange('B2').values = [[0]];
        data.getRange('B3:B400').formulas = Array.from({ length: 398 }, (_, i) => [`=B${i + 2}+${i % 7}.5`]);
        context.workbook.worksheets.getItem('Sum').getRange('A1').formulas = [['=Data!A1*2+SUM(Data!B2:B400)']];
      });
      return excel;
    };
    const read = (excel: MemoryExcel) =>
      excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Sum').getRange('A1').load('values');
        const d = context.workbook.worksheets.getItem('Data').getRange('A1:B1').load('values');
        await context.sync();
        return [r.values, d.values];
      });
    const sliced = await build('task');
    const onDemand = await build('microtask');
    expect(await read(sliced)).toEqual(await read(onDemand));
    // Independently: B(k) = sum of (i mod 7) + 0.5 for i < k - 1; A1 adds up B3..B400.
    let b = 0;
    let total = 0;
    for (let i = 1; i <= 398; i++) {
      b += ((i - 1) % 7) + 0.5;
      total += b;
    }
    const [, d] = await read(sliced);
    expect(d[0][0]).toBeCloseTo(total, 6);
  });

  test('recalculation computes each formula after what it reads, one formula a step, however deep the chain', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Checks');
    excel.addSheet('Data');
    const rows = 3000;
    await excel.run(async (context) => {
      const data = context.workbook.worksheets.getItem('Data');
      data.getRange(`A1:A${rows}`).values = Array.from({ length: rows }, (_, i) => [(i % 5) + 1]);
      // A running balance: row k reads row k - 1, a chain 3,000 formulas deep.
      data.getRange(`B1:B${rows}`).formulas = Array.from({ length: rows }, (_, i) =>
        i === 0 ? ['=A1'] : [`=B${i}+A${i + 1}`],
      );
      // On the first sheet, checks over the other sheet and over its own rows (named with its sheet or not).
      context.workbook.worksheets.getItem('Checks').getRange('A1:A4').formulas = [
        ['=COUNTIF(Checks!A2:A4,">0")'],
        [`=Data!B${rows}`],
        [`=SUMIFS(Data!B1:B${rows},Data!A1:A${rows},5)`],
        ['=SUM(A2:A3)'],
      ];
    });
    let steps = 0;
    await excel.formulas.calculateAll(async () => {
      steps++;
    }, 0);
    // Each formula was its own step: none computed another's precedents inside it.
    expect(steps).toBeGreaterThanOrEqual(rows + 4);
    // Independently: the balance adds 1+2+3+4+5 per five rows; the SUMIFS adds the balance at every fifth row.
    const balance = (k: number): number => 15 * Math.floor(k / 5) + [0, 1, 3, 6, 10][k % 5];
    let fifths = 0;
    for (let k = 5; k <= rows; k += 5) fifths += balance(k);
    expect(excel.cell('Checks', 'A2').value).toBe(balance(rows));
    expect(excel.cell('Checks', 'A3').value).toBe(fifths);
    expect(excel.cell('Checks', 'A4').value).toBe(balance(rows) + fifths);
    expect(excel.cell('Checks', 'A1').value).toBe(3);
  });

  test('array constants: {1;2;3} in SUMPRODUCT and powers, a one-cell constant shows its first element', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('S');
    excel.type('S', 'A1', '0.005');
    excel.type('S', 'B1', '=SUMPRODUCT({1;2;3},{4;5;6})');
    // A present value as the Tie-Out re-performs it: payments discounted from their own months.
    excel.type('S', 'B2', '=SUMPRODUCT({100;100;250},(1+A1)^-{1;4;7})');
    excel.type('S', 'B3', '={7,8;9,10}');
    excel.type('S', 'B4', '=SUMPRODUCT(--({1,-2,"x",TRUE}>0))');
    excel.type('S', 'B5', '={1,2;3}');
    expect(excel.cell('S', 'B1').value).toBe(32);
    const pv = 100 / 1.005 + 100 / 1.005 ** 4 + 250 / 1.005 ** 7;
    expect(excel.cell('S', 'B2').value).toBeCloseTo(pv, 9);
    expect(excel.cell('S', 'B3').value).toBe(7);
    // Excel compares across types: text and TRUE rank above every number.
    expect(excel.cell('S', 'B4').value).toBe(3);
    expect(excel.cell('S', 'B5').value).toBe('#NAME?');
  });
});
