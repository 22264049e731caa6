/**
 * `--journal-csv` in the QuickBooks Online layout, spawned for real: `node bin/lease-workpapers.js` over the command
 * line compiled with tsc -p tsconfig.node.json, both into a folder of this test's own (under test-artifacts/, so the
 * packages resolve), so no other test file rebuilding dist/ at the same time can hand it a half-written file. A
 * QuickBooks company is one entity in one currency and its import file has no entity
 * or currency column, so a period spanning several companies is written as one file per company. Each file is
 * parsed back with csv-parse and compared with the JSON export's detail `journal` lines of its company (summed here
 * by account name), never with the same code's output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EXAMPLE_LEASE, inputSheets, templatePlan } from '../../src/template';

const ROOT = resolve(__dirname, '../..');
/** This test's own build: bin/ (the real launcher, copied) and dist/ (compiled here). */
const BUILD = join(ROOT, 'test-artifacts', `cli-journal-files-${process.pid}`);
const BIN = join(BUILD, 'bin/lease-workpapers.js');
const SAMPLE = join(ROOT, 'examples/sample-portfolio.xlsx');
const QUICKBOOKS_COLUMNS = [
  'Journal No.',
  'Journal Date',
  'Account Name',
  'Debits',
  'Credits',
  'Description',
  'Name',
  'Location',
  'Class',
];

let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  rmSync(BUILD, { recursive: true, force: true });
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.node.json', '--outDir', join(BUILD, 'dist')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0 || !existsSync(join(BUILD, 'dist/src/cli/main.js'))) {
    throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  mkdirSync(join(BUILD, 'bin'));
  copyFileSync(join(ROOT, 'bin/lease-workpapers.js'), BIN);
  dir = mkdtempSync(join(tmpdir(), 'lw-qbo-'));
  const { writePlan } = await import('../../src/xlsx/writePlan');
  await writePlan(null, { sheets: templatePlan() }, join(dir, 'one-company.xlsx'));
  // An entity in two currencies beside another entity; the layout comes from the Journal Import Format policy.
  const lease = (id: string, entity: string, currency: string, payment: number) => ({
    ...EXAMPLE_LEASE,
    'Lease ID': id,
    Description: `${entity} ${currency}`,
    Entity: entity,
    Currency: currency,
    'Commencement Date': '2025-01-01',
    Payment: payment,
  });
  await writePlan(
    null,
    {
      sheets: inputSheets({
        leases: [
          lease('UK-1', 'UK Ltd', 'GBP', 700),
          lease('UK-2', 'uk ltd', 'USD', 450.5),
          lease('US-1', 'US Retail', 'USD', 1200),
          lease('US-2', 'US Retail', 'USD', 333.33),
        ],
        policies: { 'Reporting Date': '2025-12-31', 'Journal Import Format': 'QuickBooks Online' },
      }),
    },
    join(dir, 'currencies.xlsx'),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(BUILD, { recursive: true, force: true });
});

interface JsonLine {
  entity: string;
  currency: string;
  accountKey: string;
  accountName: string;
  debit: string;
  credit: string;
}

const cents = (s: string) => {
  if (s === '') return 0;
  expect(s).toMatch(/^-?\d+\.\d{2}$/);
  return Math.round(Number(s) * 100);
};

/** Net per account name, zero nets left out. */
function byAccount(lines: { name: string; net: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.name, (m.get(l.name) ?? 0) + l.net);
  for (const [k, v] of m) if (v === 0) m.delete(k);
  return m;
}

/**
 * Checks the files against the JSON journal: `files` maps each file name to its company (entity as the JSON spells
 * it, compared trimmed and ignoring case, and currency); every company of the journal has exactly one file.
 */
function checkFiles(jsonPath: string, files: Record<string, { entity: string; currency: string }>): void {
  const journal = (JSON.parse(readFileSync(join(dir, jsonPath), 'utf8')) as { journal: JsonLine[] }).journal;
  const key = (entity: string, currency: string) => `${entity.trim().toLowerCase()}|${currency}`;
  const companies = new Set(journal.map((l) => key(l.entity, l.currency)));
  expect(new Set(Object.values(files).map((c) => key(c.entity, c.currency)))).toEqual(companies);
  expect(Object.keys(files).length).toBe(companies.size);
  let total = 0;
  for (const [file, c] of Object.entries(files)) {
    const rows: Record<string, string>[] = parse(readFileSync(join(dir, file), 'utf8'), { columns: true });
    expect(Object.keys(rows[0])).toEqual(QUICKBOOKS_COLUMNS);
    // One journal, balanced.
    expect(new Set(rows.map((r) => r['Journal No.'])).size).toBe(1);
    expect(rows.reduce((s, r) => s + cents(r.Debits) - cents(r.Credits), 0)).toBe(0);
    for (const r of rows) expect((r.Debits === '') !== (r.Credits === '')).toBe(true);
    // Exactly this company's lines: its accounts' nets, and one line per account role that moved.
    const mine = journal.filter((l) => key(l.entity, l.currency) === key(c.entity, c.currency));
    expect(byAccount(rows.map((r) => ({ name: r['Account Name'], net: cents(r.Debits) - cents(r.Credits) })))).toEqual(
      byAccount(mine.map((l) => ({ name: l.accountName, net: cents(l.debit) - cents(l.credit) }))),
    );
    const roles = new Map<string, number>();
    for (const l of mine) roles.set(l.accountKey, (roles.get(l.accountKey) ?? 0) + cents(l.debit) - cents(l.credit));
    expect(rows.length).toBe([...roles.values()].filter((v) => v !== 0).length);
    total += rows.length;
  }
  expect(total).toBeGreaterThan(0);
}

describe('--journal-csv with --journal-format quickbooks', () => {
  it('the sample (two entities): one file per company named from the file given, each listed on standard error', async () => {
    const r = cli(
      'run',
      SAMPLE,
      '--out',
      'q4.xlsx',
      '--json',
      'q4.json',
      '--period',
      'quarter',
      '--journal-csv',
      'je/q4.csv',
      '--journal-format',
      'quickbooks',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `lease-workpapers: wrote ${join('je', 'q4 - Compute Co.csv')}, the QuickBooks Online import file of Compute Co, USD (company 1 of 2)\n`,
    );
    expect(r.stderr).toContain(
      `lease-workpapers: wrote ${join('je', 'q4 - Parent Co.csv')}, the QuickBooks Online import file of Parent Co, USD (company 2 of 2)\n`,
    );
    // No mixed file at the name given; nothing else, no temporary file.
    expect(readdirSync(join(dir, 'je')).sort()).toEqual(['q4 - Compute Co.csv', 'q4 - Parent Co.csv']);
    checkFiles('q4.json', {
      'je/q4 - Compute Co.csv': { entity: 'Compute Co', currency: 'USD' },
      'je/q4 - Parent Co.csv': { entity: 'Parent Co', currency: 'USD' },
    });
    // The Journal Import sheet: one table per company, its entity and currency above it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'q4.xlsx'));
    const sheet = wb.getWorksheet('Journal Import')!;
    const tables = sheet.getTables().map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table);
    expect(tables.map((t) => t.name).sort()).toEqual(['JournalImport', 'JournalImport2']);
    for (const t of tables) {
      const first = Number(/^A(\d+):/.exec(t.tableRef)![1]);
      expect(sheet.getCell(`A${first}`).value).toBe('Journal No.');
      expect(String(sheet.getCell(`A${first - 1}`).value)).toMatch(/^Company [12] of 2: (Compute|Parent) Co, USD/);
    }
  });

  it('an entity in two currencies (layout from the Journal Import Format policy): its files name the currency', () => {
    const r = cli('run', 'currencies.xlsx', '--out', 'cur.xlsx', '--json', 'cur.json', '--journal-csv', 'je.csv');
    expect(r.code).toBe(0);
    expect(r.stderr.match(/^lease-workpapers: wrote .*$/gm)).toEqual([
      'lease-workpapers: wrote je - UK Ltd (GBP).csv, the QuickBooks Online import file of UK Ltd, GBP (company 1 of 3)',
      'lease-workpapers: wrote je - UK Ltd (USD).csv, the QuickBooks Online import file of UK Ltd, USD (company 2 of 3)',
      'lease-workpapers: wrote je - US Retail.csv, the QuickBooks Online import file of US Retail, USD (company 3 of 3)',
    ]);
    expect(existsSync(join(dir, 'je.csv'))).toBe(false);
    checkFiles('cur.json', {
      'je - UK Ltd (GBP).csv': { entity: 'UK Ltd', currency: 'GBP' },
      'je - UK Ltd (USD).csv': { entity: 'UK Ltd', currency: 'USD' },
      'je - US Retail.csv': { entity: 'US Retail', currency: 'USD' },
    });
  });

  it('one entity in one currency: one file at the name given, as before, and nothing more said', () => {
    const r = cli(
      'run',
      'one-company.xlsx',
      '--out',
      'one.xlsx',
      '--json',
      'one.json',
      '--reporting-date',
      '2029-03-31',
      '--journal-csv',
      'one.csv',
      '--journal-format',
      'quickbooks',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readdirSync(dir).filter((f) => f.startsWith('one'))).toEqual(
      expect.arrayContaining(['one.csv', 'one.json', 'one.xlsx']),
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('one -'))).toEqual([]);
    checkFiles('one.json', { 'one.csv': { entity: 'Parent Co', currency: 'USD' } });
  });

  it('--journal-csv - with several companies: exit 2, a sentence saying to give a file name, nothing written', () => {
    const r = cli(
      'run',
      SAMPLE,
      '--out',
      'std.xlsx',
      '--json',
      'std.json',
      '--journal-csv',
      '-',
      '--journal-format',
      'quickbooks',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'lease-workpapers: --journal-csv - cannot hold this QuickBooks Online journal: QuickBooks Online imports one ' +
        'company (one entity in one currency) per file and the period spans 2 companies (Compute Co, USD; Parent Co, ' +
        'USD). Give a file name (for example --journal-csv je.csv) and one file is written per company; nothing was written\n',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'std.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'std.json'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // NetSuite carries Subsidiary and Currency: standard output holds every company.
    const ns = cli('run', SAMPLE, '--out', 'std.xlsx', '--journal-csv', '-', '--journal-format', 'netsuite');
    expect(ns.code).toBe(0);
    expect(new Set((parse(ns.stdout, { columns: true }) as Record<string, string>[]).map((x) => x.Subsidiary))).toEqual(
      new Set(['Compute Co', 'Parent Co']),
    );
  });

  it('a name too long once the company is added: exit 2 in plain words, nothing written or left behind', () => {
    const stem = 'j'.repeat(230);
    const r = cli(
      'run',
      SAMPLE,
      '--out',
      'long.xlsx',
      '--journal-csv',
      `${stem}.csv`,
      '--journal-format',
      'quickbooks',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^lease-workpapers: cannot write .*${stem} - Compute Co\\.csv: its name is too long for the file system; nothing was written or replaced$`,
        'm',
      ),
    );
    expect(r.stderr).not.toMatch(/ENAMETOOLONG|\n\s+at /);
    expect(existsSync(join(dir, 'long.xlsx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.startsWith('jjj'))).toEqual([]);
  });

  it.each([['je'], ['je/'], ['new-folder/']])(
    '--journal-csv %s, a folder: exit 2 before anything is measured',
    (name) => {
      mkdirSync(join(dir, 'je'), { recursive: true });
      const r = cli('run', SAMPLE, '--out', 'folder.xlsx', '--journal-csv', name, '--journal-format', 'quickbooks');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `lease-workpapers: --journal-csv ${name} is a folder: give a file name, for example je.csv\n`,
      );
      expect(existsSync(join(dir, 'folder.xlsx'))).toBe(false);
    },
  );

  it('a company file that would overwrite the input or another output: exit 2, nothing written', () => {
    const r = cli(
      'run',
      SAMPLE,
      '--out',
      'x - Parent Co.csv',
      '--journal-csv',
      'x.csv',
      '--journal-format',
      'quickbooks',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'lease-workpapers: --journal-csv x.csv: x - Parent Co.csv would overwrite another output or the input; nothing was written\n',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('x'))).toEqual([]);
  });
});
