/**
 * Any workbook read: the sample portfolio as Excel, LibreOffice, openpyxl, Google Sheets, Numbers and the Open XML
 * SDK save it (test/fixtures/workbooks, see the README there for each file's quirks) measures exactly as the sample
 * does, and its output is a package every part of which is well-formed; files that are not .xlsx workbooks end in
 * exit 1 with one plain `Workbook:` sentence and nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isOwnedSheet } from '../../src/workpapers/names';
import { XlsxPackage } from '../../src/xlsx/package';
import { readWorkbookInfo } from '../../src/xlsx/workbookPart';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { ALLOWED_STDERR_LINE, leaksInternals, runCli } from '../support/cliInProcess';
import { readWorkbook, recalculate } from '../support/libreoffice';

const ROOT = resolve(__dirname, '../..');
/** The sample portfolio the fixtures were made from (a copy, so a later change to the sample does not move them). */
const SAMPLE = join(ROOT, 'test/fixtures/source-sample.xlsx');
const WRITERS = join(ROOT, 'test/fixtures/workbooks');
const NOT_WORKBOOKS = join(ROOT, 'test/fixtures/not-workbooks');

let dir: string;
let sampleLeases: unknown;
/** The sample's own standard error (its warnings): every writer's copy must say the same. */
let sampleStderr: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-any-'));
  const r = await runCli(['run', SAMPLE, '--out', join(dir, 'sample-out.xlsx'), '--json', join(dir, 'sample.json')]);
  expect(r.code).toBe(0);
  sampleStderr = r.stderr;
  sampleLeases = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8')).leases;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every part of a package read back: each XML part well-formed, every relationship target present. */
function checkPackage(path: string): XlsxPackage {
  const pkg = XlsxPackage.open(readFileSync(path));
  for (const name of pkg.names()) {
    if (/\.(xml|rels)$/i.test(name)) pkg.xml(name);
    else pkg.bytes(name);
    if (/\.rels$/i.test(name)) continue;
    for (const r of pkg.relationships(name))
      if (r.target !== null) expect([name, pkg.has(r.target)]).toEqual([name, true]);
  }
  return pkg;
}

const writers = readdirSync(WRITERS).filter((f) => f.endsWith('.xlsx'));
/** The outputs written from each writer's workbook. */
const outputs: string[] = [];

describe('workbooks saved by other programs', () => {
  it('has a fixture for each writer', () => {
    expect(writers.sort()).toEqual([
      'excel.xlsx',
      'google-sheets.xlsx',
      'libreoffice.xlsx',
      'numbers.xlsx',
      'openpyxl.xlsx',
      'sdk-prefixed.xlsx',
    ]);
  });

  it.each(writers)('%s: measured exactly as the sample, written, and read again from its own output', async (file) => {
    const out = join(dir, `${file}-out.xlsx`);
    const json = join(dir, `${file}.json`);
    const r = await runCli(['run', join(WRITERS, file), '--out', out, '--json', json]);
    expect(r.stderr).toBe(sampleStderr);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).leases).toEqual(sampleLeases);

    const pkg = checkPackage(out);
    const info = readWorkbookInfo(pkg);
    const owned = info.sheets.filter((s) => s.owned).map((s) => s.name);
    // Every output sheet is marked as the product's (and only those).
    expect(owned.length).toBeGreaterThanOrEqual(6);
    for (const name of ['Schedules', 'Journal Entries', 'Roll-Forward', 'Disclosures', 'Tie-Out', 'Run Log']) {
      expect(owned).toContain(name);
    }
    for (const name of owned) expect([name, isOwnedSheet(name)]).toEqual([name, true]);
    expect(info.sheets.filter((s) => !s.owned).map((s) => s.name)).toEqual([
      'Leases',
      'LeasePayments',
      'LeaseModifications',
      'Policies',
    ]);
    outputs.push(out);

    // Run again on the output: the previous outputs are replaced, not duplicated, and the figures do not move.
    const again = join(dir, `${file}-again.xlsx`);
    const json2 = join(dir, `${file}-again.json`);
    const r2 = await runCli(['run', out, '--out', again, '--json', json2]);
    expect(r2.code).toBe(0);
    expect(JSON.parse(readFileSync(json2, 'utf8')).leases).toEqual(sampleLeases);
    expect(readWorkbookInfo(checkPackage(again)).sheets.map((s) => s.name)).toEqual(info.sheets.map((s) => s.name));
  });

  it("a 1904 workbook (Numbers) gets its workpapers' dates in its own date system: they read as the sample's", async () => {
    const info = readWorkbookInfo(checkPackage(join(WRITERS, 'numbers.xlsx')));
    expect(info.date1904).toBe(true);
    // The reader converts a 1904 workbook's date cells to the 1900 serials the engine uses, so equal dates read equal.
    const schedules = async (path: string) => {
      const t = (await readTablesFromFile(path)).tables.find((x) => x.name === 'LeaseSchedule')!;
      const start = t.headers.indexOf('Start');
      return t.rows.slice(0, 40).map((r) => r[start]);
    };
    const numbers = await schedules(join(dir, 'numbers.xlsx-out.xlsx'));
    expect(numbers.length).toBe(40);
    expect(numbers).toEqual(await schedules(join(dir, 'sample-out.xlsx')));
  });

  it('each output opens in LibreOffice, which recalculates it from its formulas to a Tie-Out that passes', async () => {
    expect(outputs).toHaveLength(writers.length);
    const recalculated = await recalculate(outputs);
    for (const [k, path] of recalculated.entries()) {
      const tieOut = readWorkbook(path).get('Tie-Out');
      const results = [...(tieOut?.values() ?? [])].map((c) => c.value).filter((v) => v === 'PASS' || v === 'FAIL');
      expect([outputs[k], results.length > 20, results.filter((v) => v === 'FAIL')]).toEqual([outputs[k], true, []]);
    }
  });

  it("keeps the parts of the user's workbook it does not own, byte for byte, and drops only the stale calculation chain", async () => {
    const out = join(dir, 'excel-parts.xlsx');
    expect((await runCli(['run', join(WRITERS, 'excel.xlsx'), '--out', out])).code).toBe(0);
    const input = XlsxPackage.open(readFileSync(join(WRITERS, 'excel.xlsx')));
    const output = XlsxPackage.open(readFileSync(out));
    for (const name of [
      'xl/printerSettings/printerSettings1.bin',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect(output.bytes(name).equals(input.bytes(name))).toBe(true);
    }
    expect(output.has('docProps/app.xml')).toBe(true);
    expect(output.has('xl/calcChain.xml')).toBe(false);
    expect(output.text(output.workbookPart())).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('a workbook without a styles part (Google Sheets fixture) gets one, with the fonts and fills Excel requires', async () => {
    const out = join(dir, 'google-styles.xlsx');
    expect((await runCli(['run', join(WRITERS, 'google-sheets.xlsx'), '--out', out])).code).toBe(0);
    const pkg = XlsxPackage.open(readFileSync(out));
    const styles = pkg.text('xl/styles.xml');
    expect(styles).toMatch(/<fonts count="\d+"><font>/);
    expect(styles).toMatch(/<fills count="2">/);
    expect(styles).toMatch(/<dxfs count="2">/);
    expect(pkg.text('[Content_Types].xml')).toContain('PartName="/xl/styles.xml"');
  });
});

describe('files that are not workbooks this program reads', () => {
  const cases: [string, RegExp][] = [
    ['encrypted.xlsx', /^Workbook: the file is encrypted \(protected with a password to open\)\./],
    ['xls-renamed.xlsx', /^Workbook: the file is an Excel 97-2003 workbook \(\.xls\)/],
    ['ods-renamed.xlsx', /^Workbook: the file is an OpenDocument spreadsheet \(\.ods\)/],
    ['csv-renamed.xlsx', /^Workbook: the file is text \(for example CSV\)/],
    ['truncated.xlsx', /^Workbook: the file is damaged: its ZIP directory is missing/],
    ['corrupt-part.xlsx', /^Workbook: the file is damaged: its part xl\/worksheets\/sheet1\.xml/],
    // A part the reader never needs: still refused, never copied into the output.
    ['bad-xml-theme.xlsx', /^Workbook: the file is damaged: its part xl\/theme\/theme1\.xml is not valid XML/],
  ];

  it('has a fixture for each', () => {
    expect(readdirSync(NOT_WORKBOOKS).sort()).toEqual(cases.map(([f]) => f).sort());
  });

  it.each(cases)(
    '%s: exit 1, one plain Workbook: sentence, nothing written, the JSON with the error',
    async (file, message) => {
      const out = join(dir, `${file}-out.xlsx`);
      const json = join(dir, `${file}.json`);
      const r = await runCli(['run', join(NOT_WORKBOOKS, file), '--out', out, '--json', json]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(message);
      for (const l of lines) expect(l).toMatch(ALLOWED_STDERR_LINE);
      expect(leaksInternals(r.stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
      const exported = JSON.parse(readFileSync(json, 'utf8'));
      expect(exported.leases).toEqual([]);
      expect(exported.errors).toEqual([{ where: 'Workbook', message: lines[0].slice('Workbook: '.length) }]);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    },
  );
});
