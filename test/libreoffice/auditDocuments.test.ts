/**
 * The auditor's documents, recalculated and printed by LibreOffice: the Classification sheet shows an override beside
 * the tests' own opposite result; the Run Log's audit trail; the lease memos as a Word document (parsed back and
 * converted to PDF); the sample portfolio's workpapers printed to PDF with their page setup (pages rendered to
 * test-artifacts/print for a look).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { measurePortfolio, type LeaseResult } from '../../src/engine';
import { readPortfolio } from '../../src/input/portfolio';
import { inputSheets, type InputContent } from '../../src/template';
import { amountText } from '../../src/workpapers/cells';
import { disclosureFigures } from '../../src/workpapers/disclosureFigures';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { writePlan } from '../../src/xlsx/writePlan';
import { readZip } from '../../src/xlsx/zip';
import { convert, readWorkbook, recalculate, type ReadSheet } from '../support/libreoffice';
import { quietIo } from '../support/cliInProcess';

jest.setTimeout(600_000);

/**
 * Overrides both ways: OWN transfers ownership (the tests say finance) but is entered as operating; PLAIN meets no
 * test (operating) but is entered as finance; VAR carries variable payments in the period.
 */
const OVERRIDES: InputContent = {
  leases: [
    {
      'Lease ID': 'OWN',
      Description: 'Forklift, title passes at the end',
      'Commencement Date': '2025-01-01',
      'Term (Months)': 36,
      Payment: 1000,
      'Discount Rate': 0.06,
      'Ownership Transfers': 'Yes',
      Classification: 'Operating',
    },
    {
      'Lease ID': 'PLAIN',
      Description: 'Office suite',
      'Commencement Date': '2025-03-01',
      'Term (Months)': 60,
      Payment: 2500,
      'Discount Rate': 0.05,
      'Useful Life (Months)': 240,
      'Fair Value': 900000,
      Classification: 'Finance',
    },
    {
      'Lease ID': 'VAR',
      Description: 'Retail unit with turnover rent',
      'Commencement Date': '2025-01-01',
      'Term (Months)': 48,
      Payment: 3000,
      'Discount Rate': 0.055,
    },
  ],
  variablePayments: [
    { 'Lease ID': 'VAR', Date: '2025-06-30', Amount: 420.5, Description: 'Turnover rent Q2' },
    { 'Lease ID': 'VAR', Date: '2025-12-31', Amount: 610, Description: 'Turnover rent Q4' },
  ],
  policies: { 'Reporting Date': '2025-12-31', 'Prepared By': 'A. Preparer', 'Reviewed By': 'R. Reviewer' },
};

const dir = mkdtempSync(join(tmpdir(), 'audit-docs-'));
const io = quietIo();
let overrides: Map<string, ReadSheet>;
let overrideLeases: LeaseResult[];
let sampleLeases: LeaseResult[];
let memosXml: string;
let memosPdfText: string;
let pdfPages: number;
const printDir = resolve(__dirname, '../../test-artifacts/print');

function rowOf(sheet: ReadSheet, col: string, value: string): number {
  for (let r = 1; r < 10_000; r++) if (sheet.get(`${col}${r}`)?.value === value) return r;
  throw new Error(`no ${value} in column ${col}`);
}

function headerColumns(sheet: ReadSheet, headerRow: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [a, c] of sheet) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    if (Number(m[2]) === headerRow && typeof c.value === 'string') out.set(c.value, m[1]);
  }
  return out;
}

beforeAll(async () => {
  const input = join(dir, 'overrides.xlsx');
  await writePlan(null, { sheets: inputSheets(OVERRIDES) }, input);
  const out = join(dir, 'overrides-workpapers.xlsx');
  expect(await main(['run', input, '--out', out], io)).toBe(0);
  overrideLeases = measurePortfolio(readPortfolio(await readTablesFromFile(input)).input!).leases;

  const sample = join(dir, 'sample-portfolio.xlsx');
  await writePlan(null, samplePortfolioPlan(), sample);
  const sampleOut = join(dir, 'sample-workpapers.xlsx');
  const memos = join(dir, 'lease-memos.docx');
  expect(await main(['run', sample, '--out', sampleOut, '--memos', memos], io)).toBe(0);
  sampleLeases = measurePortfolio(readPortfolio(await readTablesFromFile(sample)).input!).leases;

  const [recalculated] = await recalculate([out]);
  overrides = readWorkbook(recalculated);
  memosXml = readZip(readFileSync(memos)).get('word/document.xml')!.toString('utf8');

  // One soffice run prints the sample's workpapers and the memos.
  const [workpapersPdf, memosPdf] = await convert([sampleOut, memos], 'pdf', join(dir, 'pdf'));
  pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [workpapersPdf], { encoding: 'utf8' }))![1]);
  memosPdfText = execFileSync('pdftotext', ['-layout', memosPdf, '-'], { encoding: 'utf8' });
  mkdirSync(printDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', memosPdf, join(printDir, 'memos')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', workpapersPdf, join(printDir, 'workpapers')]);
});

describe('the Classification sheet', () => {
  it("shows each override beside the tests' own opposite result, and the Tie-Out agrees", () => {
    const c = overrides.get('Classification')!;
    const h = headerColumns(c, 5);
    const own = rowOf(c, 'A', 'OWN');
    const plain = rowOf(c, 'A', 'PLAIN');
    const at = (r: number, header: string) => c.get(`${h.get(header)}${r}`)?.value;
    expect([at(own, 'Ownership transfers'), at(own, "Tests' result"), at(own, 'Override')]).toEqual([
      'Yes',
      'Finance',
      'Operating',
    ]);
    expect(at(own, 'Classification in force')).toBe('Operating');
    // PLAIN: 60 of 240 months = 25% < 75%; the PV of its payments against 900,000 of fair value below 90%.
    expect(at(plain, 'Term / useful life')).toBeCloseTo(0.25, 12);
    expect(at(plain, 'Term test met')).toBe('No');
    expect(Number(at(plain, 'PV / fair value'))).toBeLessThan(0.9);
    expect([at(plain, "Tests' result"), at(plain, 'Override'), at(plain, 'Classification in force')]).toEqual([
      'Operating',
      'Finance',
      'Finance',
    ]);
    expect(c.get(`${h.get("Tests' result")}${own}`)?.formula).toBeDefined();
    expect(overrideLeases.find((l) => l.id === 'PLAIN')!.classificationTests.byTests).toBe('operating');
    const t = overrides.get('Tie-Out')!;
    const rows: [string, string][] = [];
    for (let r = 6; typeof t.get(`A${r}`)?.value === 'number'; r++) {
      rows.push([String(t.get(`B${r}`)?.value), String(t.get(`G${r}`)?.value)]);
    }
    expect(rows.find(([w]) => w.startsWith('Classification:'))?.[1]).toBe('PASS');
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
  });

  it('discloses the variable lease cost from the journal, as the engine computes it', () => {
    const d = overrides.get('Disclosures')!;
    const r = rowOf(d, 'A', 'Variable lease cost');
    const f = disclosureFigures(overrideLeases, '2025-12-31', 12, {
      start: '2025-12-01',
      end: '2025-12-31',
      kind: 'month',
    });
    f.columns.forEach((col, k) => {
      const cell = d.get(`${String.fromCharCode(66 + k)}${r}`)!;
      expect(cell.formula).toBeDefined();
      expect(Math.round(Number(cell.value) * 100)).toBe(col.figures.get('USD')!.variableCost);
    });
    expect(f.columns[1].figures.get('USD')!.variableCost).toBe(42050 + 61000); // the year to date
  });
});

describe('the Run Log audit trail', () => {
  it('names the preparer, the reviewer, the period, the host and the checks passed as computed', () => {
    const log = overrides.get('Run Log')!;
    const value = (label: string) => log.get(`B${rowOf(log, 'A', label)}`)?.value;
    expect(value('Prepared by')).toBe('A. Preparer');
    expect(value('Reviewed by')).toBe('R. Reviewer');
    expect(value('Period')).toMatch(/2025-12-01 to 2025-12-31/);
    expect(value('Host')).toBe('command line');
    expect(value('Input hash (SHA-256 of the input tables)')).toMatch(/^[0-9a-f]{64}$/);
    const passed = value('Checks passed (as the spreadsheet computes them)');
    expect(passed).toBe(value('Checks'));
    expect(Number(passed)).toBeGreaterThan(30);
  });
});

describe('the lease memos', () => {
  const paragraphs = () =>
    [...memosXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );

  it('names each lease with its classification and its figures at commencement', () => {
    const text = paragraphs();
    for (const l of sampleLeases) {
      const heading = text.findIndex((p) => p.startsWith(`Lease ${l.id}`));
      expect(heading).toBeGreaterThanOrEqual(0);
      const cls =
        l.classification === 'short-term' ? 'Short-term' : l.classification === 'finance' ? 'Finance' : 'Operating';
      expect(text[heading]).toContain(`(${cls})`);
      const next = text.findIndex(
        (p, i) => i > heading && p.startsWith('Lease ') && /\((Operating|Finance|Short-term)\)$/.test(p),
      );
      const body = text.slice(heading, next < 0 ? undefined : next).join('\n');
      expect(body).toContain('ASC 842-10-25-2');
      if (l.classification !== 'short-term') {
        expect(body).toContain(`USD ${amountText(l.liabilityAtCommencement)}`);
        expect(body).toContain(`USD ${amountText(l.rouAtCommencement)}`);
      }
    }
  });

  it('opens in LibreOffice: the PDF reads the same memos', () => {
    for (const l of sampleLeases) expect(memosPdfText).toContain(`Lease ${l.id}`);
    expect(memosPdfText).toContain('Classification');
  });
});

describe('printing the sample portfolio', () => {
  it(`prints to a bounded number of pages (${'the count is in the test name of the report'})`, () => {
    // Reported in the README; every sheet fitted across, header rows repeated.
    expect(pdfPages).toBeGreaterThan(10);
    expect(pdfPages).toBeLessThan(604);
    process.stdout.write(`sample portfolio workpapers print to ${pdfPages} pages\n`);
  });
});
