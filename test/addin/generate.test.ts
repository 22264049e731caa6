import * as fs from 'fs';
import * as path from 'path';
import { MemoryExcel } from '../../src/office/memoryExcel';
import { createTemplate } from '../../src/office/templateWriter';
import { readWorkbookTables } from '../../src/office/readTables';
import { writeWorkpapers } from '../../src/office/workpaperWriter';
import { readPortfolio } from '../../src/input';
import { inputSheets, type InputRow } from '../../src/template';
import { measurePortfolio } from '../../src/engine';
import { FULL_SCHEDULE_MONTHS, buildWorkpapers } from '../../src/workpapers';
import { SAMPLE_PORTFOLIO } from '../../src/cli/samplePortfolio';
import { scalePortfolio } from '../../src/playground/sampleWorkbook';
import { generateWorkpapers } from '../../src/taskpane/workflow';
import { hostOf } from '../support/host';

const FOUR_MB = 4_000_000;

/** `n` leases with terms from 12 to 120 months, monthly and quarterly, in advance and in arrears (the playground's). */
const portfolio = (n: number): InputRow[] => scalePortfolio(n).leases;

describe('generating workpapers through the Office.js adapter', () => {
  test('2,000 leases: every request stays under 4 MB, with calculation and screen updating suspended', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    await createTemplate(excel.run, inputSheets({ leases: portfolio(2000) }));
    const tables = await readWorkbookTables(excel.run);
    const { input, errors } = readPortfolio(tables);
    expect(errors).toEqual([]);
    const result = measurePortfolio(input!);
    expect(result.failures).toEqual([]);
    const plan = buildWorkpapers(result, input!, {
      productVersion: 'test',
      generatedAt: '2026-01-01T00:00:00Z',
      source: 'test',
      inputHash: 'x',
    });
    const months = result.leases.reduce((n, l) => n + l.months.length, 0);

    const start = excel.requests.length;
    const written = await writeWorkpapers(excel.run, plan, { canSuspendScreenUpdating: true });
    const requests = excel.requests.slice(start);
    const largest = Math.max(...requests.map((r) => r.bytes));
    const cells = requests.reduce((n, r) => n + r.cellsWritten, 0);
    const line = `2,000 leases (${months} lease-months): ${requests.length} requests, largest ${largest} bytes, ${cells} cells written`;
    console.log(line);
    fs.mkdirSync(path.join(__dirname, '../../test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '../../test-artifacts/addin-2000-leases.txt'), `${line}\n`);

    expect(requests.every((r) => r.error === undefined)).toBe(true);
    expect(largest).toBeLessThan(FOUR_MB);
    for (const r of requests.filter((q) => q.cellsWritten > 0)) {
      expect(r.calculationSuspended).toBe(true);
      expect(r.screenUpdatingSuspended).toBe(true);
    }
    // 132,790 lease-months are more than the Schedules hold in full: they hold the window (FY2025 and the twelve
    // months after the Reporting Date 2025-12-31), one row per lease-month in it, all of it written.
    expect(months).toBeGreaterThan(FULL_SCHEDULE_MONTHS);
    expect(written.sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    const windowRows = result.leases.reduce(
      (n, l) => n + l.months.filter((m) => m.end >= '2025-01-01' && m.start <= '2026-12-31').length,
      0,
    );
    const sched = plan.sheets.find((x) => x.name === 'Schedules')!;
    expect(sched.blocks![0].rowCount).toBe(windowRows);
    expect(excel.cell('Schedules', `A${windowRows + 1}`).value).not.toBe(null);
    expect(excel.cell('Schedules', `A${windowRows + 2}`).value).toBe(null);
  });

  test('2,000 leases x 120 months: at least 5 times fewer cells than the 21.5 million of whole-life schedules and journals', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    const rows = portfolio(2000).map((r) => ({ ...r, 'Term (Months)': 120 }));
    await createTemplate(excel.run, inputSheets({ leases: rows }));
    const { input } = readPortfolio(await readWorkbookTables(excel.run));
    const result = measurePortfolio(input!);
    const plan = buildWorkpapers(result, input!, {
      productVersion: 'test',
      generatedAt: '2026-01-01T00:00:00Z',
      source: 'test',
      inputHash: 'x',
    });
    const start = excel.requests.length;
    await writeWorkpapers(excel.run, plan, { canSuspendScreenUpdating: true });
    const requests = excel.requests.slice(start);
    const cells = requests.reduce((n, r) => n + r.cellsWritten, 0);
    const largest = Math.max(...requests.map((r) => r.bytes));
    const line = `2,000 leases x 120 months: ${requests.length} requests, largest ${largest} bytes, ${cells} cells written`;
    fs.writeFileSync(path.join(__dirname, '../../test-artifacts/addin-2000-leases-120-months.txt'), `${line}\n`);
    expect(cells).toBeLessThanOrEqual(21_500_000 / 5);
    expect(largest).toBeLessThan(FOUR_MB);
    expect(requests.every((r) => r.error === undefined)).toBe(true);
  });

  test('the sample portfolio on an ExcelApi 1.8 host: generates, every check passes, nothing above 1.8 is needed', async () => {
    const excel = new MemoryExcel({ apiVersion: '1.8' });
    excel.addSheet('Sheet1');
    await createTemplate(excel.run, inputSheets(SAMPLE_PORTFOLIO));
    const phases: string[] = [];
    const outcome = await generateWorkpapers(hostOf(excel), {
      build: buildWorkpapers,
      isCancelled: () => false,
      onProgress: (p) => {
        if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
      },
    });
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(phases).toEqual([
      'Reading your tables',
      'Checking inputs',
      'Measuring leases',
      'Building workpapers',
      'Writing sheets',
    ]);
    expect(outcome.summary.leases).toBe(SAMPLE_PORTFOLIO.leases.length);
    expect(outcome.summary.checksTotal).toBeGreaterThan(5);
    expect(outcome.summary.checksPassed).toBe(outcome.summary.checksTotal);
    expect(excel.requests.every((r) => !r.screenUpdatingSuspended)).toBe(true);
    // The manifest's requirement set is the highest one the code needed here.
    const manifest = fs.readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');
    const min = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(manifest)?.[1];
    expect(excel.highestRequirementUsed()).toBe(min);
  });

  test('input errors stop the run before anything is written, each naming its cell', async () => {
    const excel = new MemoryExcel();
    excel.addSheet('Sheet1');
    await createTemplate(excel.run, inputSheets({ leases: [{ ...portfolio(1)[0], 'Discount Rate': 'abc' }] }));
    const sheets = excel.sheetNames();
    const outcome = await generateWorkpapers(hostOf(excel), {
      build: buildWorkpapers,
      isCancelled: () => false,
      onProgress: () => undefined,
    });
    expect(outcome.kind).toBe('inputErrors');
    if (outcome.kind !== 'inputErrors') return;
    expect(outcome.errors.length).toBe(1);
    expect(outcome.errors[0].where).toMatch(/^Leases![A-Z]+\d+$/);
    expect(outcome.errors[0].message).toMatch(/Discount Rate/);
    expect(excel.sheetNames()).toEqual(sheets);
  });
});
