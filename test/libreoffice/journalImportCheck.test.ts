/**
 * The Tie-Out's Journal Import checks recalculated by LibreOffice from the formulas alone, in each layout (QuickBooks
 * Online, where the sample portfolio's two companies get a table each; NetSuite; Generic): the written workbook passes
 * every Tie-Out row, and each table of journals beside the checks ties; a copy of it whose Journal Import sheet was
 * edited after generating (an amount 0.01 more, a line's amount moved from debit to credit, a line cleared) FAILs
 * the Journal Import checks with their message, and only those; a period without journal lines passes them with
 * 0 against 0. All copies are recalculated in one soffice run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { IMPORT_CHANGED_MESSAGE } from '../../src/workpapers/sheets/tieOutJournalImport';
import { writePlan } from '../../src/xlsx/writePlan';
import { quietIo } from '../support/cliInProcess';
import { readWorkbook, recalculate, type ReadSheet, tieOutChecks } from '../support/libreoffice';
import { cellAt, clearRow, editWorkbook, setCellAt } from '../support/tableEdit';

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'journal-import-check-'));
const io = quietIo();

const LAYOUTS = [
  { format: 'quickbooks', debit: 'Debits', credit: 'Credits', blank: null },
  { format: 'netsuite', debit: 'Debit', credit: 'Credit', blank: null },
  // Generic writes 0 on the other side of a line.
  { format: 'generic', debit: 'debit', credit: 'credit', blank: 0 },
] as const;
type Layout = (typeof LAYOUTS)[number];

/** The first data row (0-based) of JournalImport holding a debit. */
function firstDebit(wb: ExcelJS.Workbook, layout: Layout): { k: number; amount: number } {
  for (let k = 0; k < 100; k++) {
    const amount = cellAt(wb, 'JournalImport', k, layout.debit);
    if (typeof amount === 'number' && amount > 0) return { k, amount };
  }
  throw new Error('no debit in JournalImport');
}

interface EditSpec {
  name: string;
  edit: (layout: Layout) => (wb: ExcelJS.Workbook) => void;
  /** What the failing Journal Import checks say after the message, given the layout. */
  fails: (layout: Layout) => RegExp[];
}

const tableUnbalanced = (l: Layout) =>
  l.format === 'quickbooks'
    ? /^1 of 2 import tables does not balance$/
    : /^JournalImport's debits less its credits are/;
const journalDiffers = /^journal LW-202512-[0-9A-F]{6}: its debits, credits or lines differ from the journal summary$/;

const EDITS: EditSpec[] = [
  {
    name: 'an amount 0.01 more',
    edit: (l) => (wb) => {
      const { k, amount } = firstDebit(wb, l);
      setCellAt(wb, 'JournalImport', k, l.debit, Math.round(amount * 100 + 1) / 100);
    },
    fails: (l) => [tableUnbalanced(l), /^1 journal does not balance$/, journalDiffers],
  },
  {
    name: "a line's amount moved from debit to credit",
    edit: (l) => (wb) => {
      const { k, amount } = firstDebit(wb, l);
      setCellAt(wb, 'JournalImport', k, l.debit, l.blank);
      setCellAt(wb, 'JournalImport', k, l.credit, amount);
    },
    fails: (l) => [tableUnbalanced(l), /^1 journal does not balance$/, journalDiffers],
  },
  {
    name: 'a line cleared',
    edit: () => (wb) => clearRow(wb, 'JournalImport', 1),
    fails: (l) => [
      tableUnbalanced(l),
      /^1 journal does not balance$/,
      journalDiffers,
      /^the import tables hold \d+ lines, the journal summary \d+: a line was added, removed or cleared$/,
    ],
  },
];

/** Tie-Out check rows: [text, result, figure A, figure B]. */
function checks(wb: Map<string, ReadSheet>): [string, string, unknown, unknown][] {
  return tieOutChecks(wb.get('Tie-Out')!).map((c) => [c.check, c.result, c.a, c.b]);
}

/** The rows of the table of journals beside the checks: [Journal No., Result]. */
function journalRows(wb: Map<string, ReadSheet>): [string, string][] {
  const t = wb.get('Tie-Out')!;
  const header = (h: string) =>
    [...t.entries()].find(([a, c]) => /^[A-Z]+5$/.test(a) && c.value === h)?.[0].replace(/\d+$/, '');
  const table = header('Import table');
  if (!table) return [];
  const no = header('Journal No.')!;
  // The Result column of this table: the first "Result" header right of its Journal No.
  const result = [...t.entries()]
    .filter(([a, c]) => /^[A-Z]+5$/.test(a) && c.value === 'Result')
    .map(([a]) => a.replace(/\d+$/, ''))
    .filter((c) => c.length > no.length || (c.length === no.length && c > no))
    .sort((x, y) => x.length - y.length || (x < y ? -1 : 1))[0];
  const out: [string, string][] = [];
  for (let r = 6; typeof t.get(`${table}${r}`)?.value === 'string'; r++) {
    out.push([String(t.get(`${no}${r}`)?.value), String(t.get(`${result}${r}`)?.value)]);
  }
  return out;
}

const generated = new Map<string, Map<string, ReadSheet>>();
const edited = new Map<string, Map<string, ReadSheet>>();
let untouched: Map<string, ReadSheet>;
let noJournal: Map<string, ReadSheet>;

beforeAll(async () => {
  const input = join(dir, 'sample-portfolio.xlsx');
  await writePlan(null, samplePortfolioPlan(), input);
  const files: string[] = [];
  const keys: [Map<string, Map<string, ReadSheet>>, string][] = [];
  for (const l of LAYOUTS) {
    const out = join(dir, `workpapers-${l.format}.xlsx`);
    expect(await main(['run', input, '--out', out, '--journal-format', l.format], io)).toBe(0);
    files.push(out);
    keys.push([generated, l.format]);
    for (const [k, e] of EDITS.entries()) {
      const copy = join(dir, `edit-${l.format}-${k}.xlsx`);
      await editWorkbook(out, copy, e.edit(l));
      files.push(copy);
      keys.push([edited, `${l.format}: ${e.name}`]);
    }
  }
  // An unchanged copy through the same exceljs round trip as the edits.
  const same = join(dir, 'untouched.xlsx');
  await editWorkbook(files[0], same, () => undefined);
  // A period before any lease commences: no journal line.
  const early = join(dir, 'workpapers-no-journal.xlsx');
  expect(await main(['run', input, '--out', early, '--reporting-date', '2020-01-31'], io)).toBe(0);
  const outs = await recalculate([...files, same, early]);
  keys.forEach(([map, key], i) => map.set(key, readWorkbook(outs[i])));
  untouched = readWorkbook(outs[outs.length - 2]);
  noJournal = readWorkbook(outs[outs.length - 1]);
});

describe.each(LAYOUTS.map((l) => [l.format, l] as const))('%s layout', (format, layout) => {
  it('passes every Tie-Out row, the Journal Import checks among them, and every journal ties', () => {
    const wb = generated.get(format)!;
    const rows = checks(wb);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(wb.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
    const mine = rows.filter(([w]) => w.startsWith('Journal Import'));
    expect(mine.map(([w]) => w)).toEqual([
      format === 'quickbooks'
        ? 'Journal Import: each import table balances, total debits = total credits'
        : 'Journal Import: the import table JournalImport balances, total debits = total credits',
      expect.stringMatching(/^Journal Import: each journal \(lines of one .+\) balances, debits = credits/),
      expect.stringMatching(
        /^Journal Import = journal summary: each journal's debits, credits and lines \(column [A-Z]+\)$/,
      ),
      'Journal Import lines = journal summary lines: a line added, removed or cleared FAILs',
    ]);
    // The lines counted: the Journal Entries sheet's summary lines, counted here from its Entry No. column.
    const je = wb.get('Journal Entries')!;
    let summaryLines = 0;
    for (let r = 5; typeof je.get(`D${r}`)?.value === 'string' && String(je.get(`D${r}`)!.value).startsWith('LW-'); r++)
      summaryLines++;
    expect(summaryLines).toBeGreaterThan(4);
    expect(mine[3].slice(2)).toEqual([summaryLines, summaryLines]);
    // One journal per company (the sample's two), each PASS.
    const journals = journalRows(wb);
    expect(journals.length).toBe(2);
    expect(journals.every(([no, r]) => /^LW-202512-[0-9A-F]{6}$/.test(no) && r === 'PASS')).toBe(true);
  });

  describe.each(EDITS.map((e) => [e.name, e] as const))('edited after generating: %s', (name, spec) => {
    it('FAILs the Journal Import checks with their message, and only those', () => {
      const wb = edited.get(`${format}: ${name}`)!;
      const failing = checks(wb)
        .filter(([, r]) => r === 'FAIL')
        .map(([w]) => w);
      expect(failing.every((w) => w.startsWith(`${IMPORT_CHANGED_MESSAGE} (`) && w.endsWith(')'))).toBe(true);
      const details = failing.map((w) => w.slice(IMPORT_CHANGED_MESSAGE.length + 2, -1));
      const expected = spec.fails(layout);
      expect(details).toHaveLength(expected.length);
      expected.forEach((re, i) => expect(details[i]).toMatch(re));
      expect(wb.get('Tie-Out')!.get('D3')?.value).toBe('FAIL');
      expect(journalRows(wb).filter(([, r]) => r === 'FAIL')).toHaveLength(1);
    });
  });
});

it('an unchanged copy through the same round trip still passes every row', () => {
  expect(checks(untouched).filter(([, r]) => r !== 'PASS')).toEqual([]);
});

it('a period without journal lines: the Journal Import checks compare 0 with 0 and pass, with no table of journals', () => {
  const rows = checks(noJournal);
  expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
  const mine = rows.filter(([w]) => w.startsWith('Journal Import'));
  expect(mine.map(([, , a, b]) => [a, b])).toEqual([
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ]);
  expect(journalRows(noJournal)).toEqual([]);
});
