/**
 * A workbook in the 1904 date system (Excel for Mac's old default, Numbers) counts its serial numbers 1,462 days
 * later than the 1900 system. The add-in asks Excel which system the workbook uses and converts dates at its edge:
 * the same leases give the same workpapers, dated the same days, in either system.
 */
import { isDateFormat, DAYS_1904 } from '../../src/input/dateSystem';
import { fromExcelSerial, toExcelSerial } from '../../src/engine/calendar/dates';
import { MemoryExcel } from '../../src/office/memoryExcel';
import { usesDate1904 } from '../../src/office/dateSystem';
import { readPolicies, writePolicies } from '../../src/office/policiesTable';
import { loadSampleWorkbook } from '../../src/playground/sampleWorkbook';
import { generateWorkpapers, type GenerateSummary } from '../../src/taskpane/workflow';
import { hostOf } from '../support/host';
import { buildWorkpapers } from '../../src/workpapers';

async function generate(excel: MemoryExcel): Promise<GenerateSummary> {
  const outcome = await generateWorkpapers(hostOf(excel), {
    build: buildWorkpapers,
    onProgress: () => undefined,
    isCancelled: () => false,
    now: () => Date.UTC(2026, 0, 15),
  });
  if (outcome.kind !== 'done') throw new Error(`generate: ${outcome.kind}`);
  return outcome.summary;
}

/** A sheet's cells as a person reads them: a date as its calendar day, whatever the date system. */
function readable(excel: MemoryExcel, sheet: string, date1904: boolean): (string | number | boolean | null)[][] {
  const values = excel.usedValues(sheet);
  return values.map((row, r) =>
    row.map((v, c) => {
      const format = excel.cell(sheet, `${letters(c)}${r + 1}`).numberFormat;
      if (typeof v === 'number' && isDateFormat(format)) return fromExcelSerial(v + (date1904 ? DAYS_1904 : 0));
      return v;
    }),
  );
}

/** The A1 address of a cell on `sheet`: in `column`, `below` rows under the header cell holding `header`. */
function cellUnder(excel: MemoryExcel, sheet: string, header: string, below = 1): string {
  const values = excel.usedValues(sheet);
  const row = values.findIndex((r) => r.includes(header));
  return `${letters(values[row].indexOf(header))}${row + 1 + below}`;
}

function letters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

describe('the 1904 date system', () => {
  test('Excel says which system a workbook counts in (DATE(2000,1,1) is 36526 or 35064)', async () => {
    for (const date1904 of [false, true]) {
      const excel = new MemoryExcel({ date1904 });
      excel.addSheet('Sheet1');
      expect(await excel.run((context) => usesDate1904(context))).toBe(date1904);
    }
  });

  test('the sample leases give the same workpapers, dated the same days, in a 1900 and a 1904 workbook', async () => {
    const books = await Promise.all(
      [false, true].map(async (date1904) => {
        const excel = new MemoryExcel({ date1904 });
        await loadSampleWorkbook(excel);
        return { excel, date1904, summary: await generate(excel) };
      }),
    );
    const [in1900, in1904] = books;
    // The template's example dates are the same days: Excel for Mac shows 2024-01-01, not 2028-01-02.
    expect(readable(in1904.excel, 'Leases', true)).toEqual(readable(in1900.excel, 'Leases', false));
    // Stored four years and a day apart, as each system counts.
    const first = cellUnder(in1900.excel, 'Leases', 'Commencement Date');
    const commencement = in1900.excel.cell('Leases', first).value as number;
    expect(isDateFormat(in1900.excel.cell('Leases', first).numberFormat)).toBe(true);
    expect(in1904.excel.cell('Leases', first).value).toBe(commencement - DAYS_1904);

    // Same leases measured, same figures, every Tie-Out check passing in both.
    expect(in1904.summary.keyFigures).toEqual(in1900.summary.keyFigures);
    expect(in1904.summary.period).toEqual(in1900.summary.period);
    for (const { summary } of books) {
      expect(summary.failures).toEqual([]);
      expect(summary.checksTotal).toBeGreaterThan(10);
      expect(summary.failingChecks).toEqual([]);
      expect(summary.checksPassed).toBe(summary.checksTotal);
    }
    for (const sheet of ['Schedules', 'Journal Entries', 'Journal Import', 'Disclosures', 'Tie-Out']) {
      expect([sheet, readable(in1904.excel, sheet, true)]).toEqual([sheet, readable(in1900.excel, sheet, false)]);
    }
  });

  test('a Policies date is read and written as the day it names', async () => {
    const excel = new MemoryExcel({ date1904: true });
    await loadSampleWorkbook(excel);
    await writePolicies(excel.run, [
      { setting: 'Reporting Date', value: toExcelSerial('2026-03-31'), numberFormat: 'yyyy-mm-dd' },
      { setting: 'Closed Through', value: toExcelSerial('2026-02-28'), numberFormat: 'yyyy-mm-dd' },
    ]);
    const { rows } = await readPolicies(excel.run);
    const value = (setting: string) => rows.find((r) => r.setting === setting)?.value;
    expect(fromExcelSerial(value('Reporting Date') as number)).toBe('2026-03-31');
    expect(fromExcelSerial(value('Closed Through') as number)).toBe('2026-02-28');
    // In the cell: the 1904 serial, shown as a date (a setting the table lacked gets its row and its format).
    const policies = excel.usedValues('Policies');
    const row = policies.findIndex((r) => r.includes('Closed Through'));
    const header = policies.findIndex((r) => r.includes('Setting') && r.includes('Value'));
    const address = `${letters(policies[header].indexOf('Value'))}${row + 1}`;
    expect(excel.cell('Policies', address)).toMatchObject({
      value: toExcelSerial('2026-02-28') - DAYS_1904,
      numberFormat: 'yyyy-mm-dd',
    });
  });
});
