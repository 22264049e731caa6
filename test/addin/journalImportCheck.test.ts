/**
 * The add-in's path of the Tie-Out's Journal Import checks (the in-memory Excel evaluates the formulas as the
 * workbook changes): after Generate every check passes in each layout (QuickBooks Online with a table per company,
 * NetSuite, Generic); typing over an import amount, moving a line's amount to the other side, clearing a line or
 * adding one FAILs the matching Journal Import check with its message, and putting the line back passes again;
 * generating again over an edit passes; 80 QuickBooks companies split the checks over every table within Excel's
 * formula limit; a period without journal lines passes with 0 against 0.
 */
import { MemoryExcel } from '../../src/office/memoryExcel';
import { loadSampleWorkbook } from '../../src/playground/sampleWorkbook';
import { SAMPLE_PORTFOLIO } from '../../src/cli/samplePortfolio';
import { generateWorkpapers } from '../../src/taskpane/workflow';
import { buildWorkpapers } from '../../src/workpapers';
import { IMPORT_CHANGED_MESSAGE } from '../../src/workpapers/sheets/tieOutJournalImport';
import { columnLetters } from '../../src/input/a1';
import { readWorkbookTables } from '../../src/office/readTables';
import type { InputContent } from '../../src/template';
import { hostOf } from '../support/host';

jest.setTimeout(120_000);

type Layout = 'QuickBooks Online' | 'NetSuite' | 'Generic';

async function generated(format: Layout, over: Partial<InputContent> = {}): Promise<MemoryExcel> {
  const excel = new MemoryExcel();
  await loadSampleWorkbook(excel, {
    ...SAMPLE_PORTFOLIO,
    ...over,
    policies: { ...SAMPLE_PORTFOLIO.policies, ...over.policies, 'Journal Import Format': format },
  });
  const outcome = await generateWorkpapers(hostOf(excel), {
    build: buildWorkpapers,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
  expect(outcome.kind).toBe('done');
  return excel;
}

/** The Tie-Out's checks as the workbook computes them now: [text, result, figure A, figure B]. */
function checks(excel: MemoryExcel): [string, string, unknown, unknown][] {
  const out: [string, string, unknown, unknown][] = [];
  for (let r = 6; typeof excel.cell('Tie-Out', `A${r}`).value === 'number'; r++) {
    const v = (c: string) => excel.cell('Tie-Out', `${c}${r}`).value;
    out.push([String(v('B')), String(v('G')), v('D'), v('E')]);
  }
  return out;
}
const failing = (excel: MemoryExcel) => checks(excel).filter(([, r]) => r !== 'PASS');
const importChecks = (excel: MemoryExcel) => checks(excel).filter(([w]) => /^Journal Import\b/.test(w));

/** A table's cell by header and data row (0-based), as an address on its sheet. */
async function tableCell(excel: MemoryExcel, table: string, header: string, row: number): Promise<string> {
  return excel.run(async (context) => {
    const t = context.workbook.tables.getItem(table);
    const head = t.getHeaderRowRange().load('values, address');
    await context.sync();
    const k = (head.values[0] as unknown[]).indexOf(header);
    if (k < 0) throw new Error(`${table} has no column ${header}`);
    const m = /!\$?([A-Z]+)\$?(\d+)/.exec(head.address as string)!;
    const c0 = m[1].split('').reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
    return `${columnLetters(c0 + k)}${Number(m[2]) + 1 + row}`;
  });
}

const SHEET = 'Journal Import';

describe.each([
  ['QuickBooks Online', 'JournalImport2', 'Journal No.', 'Debits', 'Credits'],
  ['NetSuite', 'JournalImport', 'External ID', 'Debit', 'Credit'],
  ['Generic', 'JournalImport', 'entry', 'debit', 'credit'],
] as const)('%s layout', (format, table, journalNo, debit, credit) => {
  let excel: MemoryExcel;
  beforeAll(async () => {
    excel = await generated(format);
  });

  it('every check passes, the Journal Import checks among them, with the summary lines counted', async () => {
    expect(failing(excel)).toEqual([]);
    const mine = importChecks(excel);
    // Tables balance, journals balance, journals = the summary, lines = the summary's lines.
    expect(mine.length).toBe(4);
    const lines = mine.find(([w]) => w.startsWith('Journal Import lines = journal summary lines'))!;
    // The lines counted are the JournalSummary table's rows, as the add-in reads the table back.
    const { tables } = await readWorkbookTables(excel.run);
    const summaryRows = tables.find((t) => t.name === 'JournalSummary')!.rows.length;
    expect(summaryRows).toBeGreaterThan(4);
    expect([lines[2], lines[3]]).toEqual([summaryRows, summaryRows]);
    // The table of journals names every company and each passes.
    const journals = mine.find(([w]) => w.startsWith('Journal Import = journal summary'))!;
    expect(Number(journals[2])).toBeGreaterThan(1);
    if (format === 'QuickBooks Online') {
      // A table per company: each balances, counted.
      const tables = mine.find(([w]) => w.startsWith('Journal Import: each import table balances'))!;
      expect(tables[2]).toBe(journals[2]);
    }
  });

  it('an amount typed over (0.01 more) FAILs its journal and its table, typed back passes', async () => {
    const at = await tableCell(excel, table, debit, 0);
    const old = excel.cell(SHEET, at).value;
    const was = typeof old === 'number' ? old : 0;
    excel.type(SHEET, at, String(Math.round(was * 100 + 1) / 100));
    try {
      const no = excel.cell(SHEET, await tableCell(excel, table, journalNo, 0)).value;
      expect(failing(excel).map(([w]) => w)).toEqual([
        `${IMPORT_CHANGED_MESSAGE} (${
          format === 'QuickBooks Online'
            ? '1 of 2 import tables does not balance'
            : "JournalImport's debits less its credits are 0.01"
        })`,
        `${IMPORT_CHANGED_MESSAGE} (1 journal does not balance)`,
        `${IMPORT_CHANGED_MESSAGE} (journal ${no}: its debits, credits or lines differ from the journal summary)`,
      ]);
    } finally {
      excel.type(SHEET, at, old === null ? '' : String(old));
    }
    expect(failing(excel)).toEqual([]);
  });

  it("a line's amount moved from debit to credit FAILs, moved back passes", async () => {
    // Find a line with a debit.
    let k = 0;
    let at = await tableCell(excel, table, debit, k);
    while (!(Number(excel.cell(SHEET, at).value) > 0)) at = await tableCell(excel, table, debit, ++k);
    const other = await tableCell(excel, table, credit, k);
    const amount = excel.cell(SHEET, at).value;
    const otherWas = excel.cell(SHEET, other).value;
    excel.type(SHEET, at, format === 'Generic' ? '0' : '');
    excel.type(SHEET, other, String(amount));
    try {
      const f = failing(excel).map(([w]) => w);
      expect(f.length).toBeGreaterThanOrEqual(2);
      expect(f.every((w) => w.startsWith(IMPORT_CHANGED_MESSAGE))).toBe(true);
    } finally {
      excel.type(SHEET, at, String(amount));
      excel.type(SHEET, other, otherWas === null ? '' : String(otherWas));
    }
    expect(failing(excel)).toEqual([]);
  });

  it('a line cleared FAILs the lines check, naming the counts; a line added FAILs it too', async () => {
    const at = checks(excel).findIndex(([w]) => w.startsWith('Journal Import lines = journal summary lines'));
    expect(at).toBeGreaterThan(0);
    const lines = () => checks(excel)[at];
    const headers = await excel.run(async (context) => {
      const h = context.workbook.tables.getItem(table).getHeaderRowRange().load('values');
      await context.sync();
      return (h.values[0] as unknown[]).map(String);
    });
    const cells = await Promise.all(headers.map((h) => tableCell(excel, table, h, 1)));
    const old = cells.map((a) => excel.cell(SHEET, a).value);
    cells.forEach((a) => excel.type(SHEET, a, ''));
    try {
      expect(lines()[1]).toBe('FAIL');
      expect(lines()[0]).toBe(
        `${IMPORT_CHANGED_MESSAGE} (the import tables hold ${Number(lines()[2]) - 1} lines, the journal summary ${lines()[2]}: a line was added, removed or cleared)`,
      );
    } finally {
      cells.forEach((a, i) => excel.type(SHEET, a, old[i] === null ? '' : String(old[i])));
    }
    expect(failing(excel)).toEqual([]);
    // A balanced pair of lines added under no journal number: only the count sees them.
    await excel.run(async (context) => {
      const t = context.workbook.tables.getItem(table);
      const row = (d: number | string, c: number | string) =>
        headers.map((h) => (h === debit ? d : h === credit ? c : ''));
      t.rows.add(undefined, [row(100, format === 'Generic' ? 0 : ''), row(format === 'Generic' ? 0 : '', 100)]);
      await context.sync();
    });
    expect(failing(excel).map(([w, , a, b]) => [w, a, b])).toEqual([
      [
        `${IMPORT_CHANGED_MESSAGE} (the import tables hold ${Number(lines()[2]) + 2} lines, the journal summary ${lines()[2]}: a line was added, removed or cleared)`,
        lines()[2],
        Number(lines()[2]) + 2,
      ],
    ]);
  });
});

test('generating again over edited workpapers replaces the Journal Import sheet, and every check passes again', async () => {
  const excel = await generated('QuickBooks Online');
  const at = await tableCell(excel, 'JournalImport2', 'Debits', 0);
  excel.type(SHEET, at, '1');
  expect(failing(excel).length).toBeGreaterThan(0);
  const again = await generateWorkpapers(hostOf(excel), {
    build: buildWorkpapers,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
  expect(again.kind).toBe('done');
  expect(failing(excel)).toEqual([]);
  expect(importChecks(excel)).toHaveLength(4);
});

describe('QuickBooks Online with more companies than one formula over every table holds', () => {
  const COMPANIES = 80;
  let excel: MemoryExcel;
  beforeAll(async () => {
    excel = await generated('QuickBooks Online', {
      leases: Array.from({ length: COMPANIES }, (_, k) => ({
        'Lease ID': `L-${k + 1}`,
        Entity: `Company ${k + 1}`,
        Currency: 'USD',
        'Commencement Date': '2025-01-01',
        'Term (Months)': 36,
        Payment: 1000 + k,
        'Discount Rate': 0.05,
      })),
      leasePayments: [],
      leaseModifications: [],
      variablePayments: [],
    });
  });

  it("splits the checks over every table in rows within Excel's formula limit, every one passing", () => {
    expect(failing(excel)).toEqual([]);
    const mine = importChecks(excel);
    const tables = mine.filter(([w]) => w.startsWith('Journal Import: each import table balances'));
    const lines = mine.filter(([w]) => w.startsWith('Journal Import lines = journal summary lines'));
    expect(tables.length).toBeGreaterThan(1);
    expect(lines.length).toBeGreaterThan(1);
    // Together the rows count every table once, and every summary line once.
    expect(tables.reduce((s, [, , a]) => s + Number(a), 0)).toBe(COMPANIES);
    const summaryLines = lines.reduce((s, [, , a]) => s + Number(a), 0);
    expect(lines.reduce((s, [, , , b]) => s + Number(b), 0)).toBe(summaryLines);
    expect(summaryLines).toBeGreaterThanOrEqual(COMPANIES * 2);
    for (let r = 6; typeof excel.cell('Tie-Out', `A${r}`).value === 'number'; r++) {
      for (const c of ['B', 'D', 'E'])
        expect((excel.cell('Tie-Out', `${c}${r}`).formula ?? '').length).toBeLessThan(8192);
    }
  });

  it('an amount typed over in the last company FAILs the row of its tables and its journal', async () => {
    const table = `JournalImport${COMPANIES}`;
    // The tables the last balance row counts (the last company's among them).
    const inLastRow = importChecks(excel)
      .filter(([w]) => w.startsWith('Journal Import: each import table balances'))
      .pop()![2];
    const at = await tableCell(excel, table, 'Debits', 0);
    const old = excel.cell(SHEET, at).value;
    excel.type(SHEET, at, String(Number(old) + 1));
    try {
      const f = failing(excel).map(([w]) => w);
      expect(f).toEqual([
        `${IMPORT_CHANGED_MESSAGE} (1 of ${inLastRow} import tables does not balance)`,
        `${IMPORT_CHANGED_MESSAGE} (1 journal does not balance)`,
        expect.stringMatching(/\(journal LW-202512-[0-9A-F]{6}: its debits, credits or lines differ/),
      ]);
    } finally {
      excel.type(SHEET, at, String(old));
    }
    expect(failing(excel)).toEqual([]);
  });
});

describe('a period without journal lines', () => {
  it.each(['QuickBooks Online', 'NetSuite'] as const)(
    '%s: the Journal Import checks compare 0 with 0 and pass',
    async (format) => {
      const excel = await generated(format, { policies: { 'Reporting Date': '2020-01-31' } });
      expect(failing(excel)).toEqual([]);
      const mine = importChecks(excel);
      expect(mine).toHaveLength(4);
      expect(mine.map(([, , a, b]) => [a, b])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
    },
  );
});
