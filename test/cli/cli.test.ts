/**
 * The real command: compiled with tsc -p tsconfig.node.json, run as `node bin/lease-workpapers.js` on real .xlsx
 * files in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { templatePlan } from '../../src/template';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/lease-workpapers.js');
const SAMPLE = join(ROOT, 'examples/sample-portfolio.xlsx');
const BAD = join(ROOT, 'examples/bad-input.xlsx');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

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
  // Build the command exactly as `npm install` (prepare) does.
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.node.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'lw-cli-'));
  // The template with its example lease (PwC E3), written by the product's own writer.
  const { writePlan } = await import('../../src/xlsx/writePlan');
  await writePlan(null, { sheets: templatePlan() }, join(dir, 'template.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TWO_DECIMALS = /^-?\d+\.\d{2}$/;
const cents = (s: string) => {
  expect(s).toMatch(TWO_DECIMALS);
  return Math.round(Number(s) * 100);
};

describe('lease-workpapers', () => {
  it('--help and --version exit 0', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lease-workpapers run <input.xlsx> --out <output.xlsx>');
    const v = cli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${VERSION}\n`);
  });

  it.each([
    [[], 'no command given'],
    [['run', 'x.xlsx'], '--out <output.xlsx> is required'],
    [['run', 'x.xlsx', '--out', 'o.xlsx', '--bogus'], 'unknown option --bogus'],
    [['run', 'x.xlsx', '--out', 'o.xlsx', '--reporting-date', '2029-13-01'], '--reporting-date'],
    [['run', 'missing.xlsx', '--out', 'o.xlsx'], 'no input workbook at missing.xlsx'],
    [['run', SAMPLE, '--out', 'template.xlsx/o.xlsx'], 'the folder for --out template.xlsx/o.xlsx is a file'],
    [
      ['run', SAMPLE, '--out', 'o.xlsx', '--json', 'template.xlsx/o.json'],
      'the folder for --json template.xlsx/o.json is a file',
    ],
  ])('usage error %j exits 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'o.xlsx'))).toBe(false);
  });

  it('measures the template example (PwC E3) to the published figures, --json - on stdout, into a new folder', () => {
    const r = cli('run', 'template.xlsx', '--out', 'new-folder/template-out.xlsx', '--json', '-');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(VERSION);
    expect(json.errors).toEqual([]);
    expect(json.leases).toHaveLength(1);
    const l = json.leases[0];
    // CONTRACT section 5 / PwC Example 4-4: 500 x 35-month annuity at 0.5% = 16,017.69; ROU = + 500 paid day one.
    expect(l).toMatchObject({
      id: 'EXAMPLE-1',
      classification: 'operating',
      monthlyRate: '0.005',
      liabilityAtCommencement: '16017.69',
      paidAtCommencement: '500.00',
      rouAtCommencement: '16517.69',
    });
    expect(l.months).toHaveLength(36);
    // Every CONTRACT section 5 field (the export may carry more, e.g. impairment).
    expect(l.months[0]).toMatchObject({
      month: 1,
      start: '2029-01-01',
      end: '2029-01-31',
      classification: 'operating',
      payment: '0.00',
      interest: '80.09',
      liabilityAdjustment: '0.00',
      liabilityEnd: '16097.78',
      rouAdjustment: '0.00',
      rouEnd: '16097.78',
      leaseCost: '500.00',
      amortization: '419.91',
      gainLoss: '0.00',
    });
    expect(l.months[1]).toMatchObject({ payment: '500.00', interest: '77.99', liabilityEnd: '15675.77' });
    expect(statSync(join(dir, 'new-folder', 'template-out.xlsx')).size).toBeGreaterThan(0);
  });

  it('writes the sample portfolio workbook and a JSON file whose months all tie', async () => {
    const r = cli('run', SAMPLE, '--out', 'sample-out.xlsx', '--json', 'sample.json', '--progress');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Reading sample-portfolio\.xlsx\n/);
    expect(r.stderr).toContain('Checked inputs: 15 leases, 2 modifications');
    expect(r.stderr).toContain('Measuring leases: 15/15');
    expect(r.stderr).toMatch(/Done in \d+\.\d s\n$/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);

    const json = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8'));
    expect(json.errors).toEqual([]);
    expect(json.leases.map((l: { id: string }) => l.id)).toHaveLength(15);
    for (const l of json.leases) {
      expect(['operating', 'finance', 'short-term']).toContain(l.classification);
      // A short-term lease has no liability or asset: its cash is in `payment` and the ties do not apply.
      if (l.classification === 'short-term') {
        expect(l.months.every((m: Record<string, string>) => m.liabilityEnd === '0.00' && m.rouEnd === '0.00')).toBe(
          true,
        );
        continue;
      }
      let liability = cents(l.liabilityAtCommencement);
      let rou = cents(l.rouAtCommencement);
      for (const m of l.months) {
        liability += cents(m.liabilityAdjustment) + cents(m.interest) - cents(m.payment);
        rou += cents(m.rouAdjustment) - cents(m.amortization);
        expect([l.id, m.month, cents(m.liabilityEnd), cents(m.rouEnd)]).toEqual([l.id, m.month, liability, rou]);
        for (const k of ['leaseCost', 'gainLoss']) expect(m[k]).toMatch(TWO_DECIMALS);
      }
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'sample-out.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    for (const s of ['Leases', 'LeasePayments', 'LeaseModifications', 'Policies']) expect(names).toContain(s);
    for (const s of ['Schedules', 'Journal Entries', 'Roll-Forward', 'Disclosures', 'Tie-Out', 'Run Log']) {
      expect(names).toContain(s);
    }
  });

  it('lists warnings on standard error as `warning: Sheet!Cell: message`, in the JSON and the Run Log, and exits 0', async () => {
    // The sample's partial termination of COLO-IAD leaves New Discount Rate blank (CONTRACT 1.10), and GPU-002's
    // quarterly payments in advance leave its liability at -0.01 after the last payment until the final true-up.
    const r = cli('run', SAMPLE, '--out', 'warn-out.xlsx', '--json', 'warn.json');
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.map((l) => l.split(': ')[1])).toEqual(['Leases!A5', 'LeaseModifications!F5']);
    expect(warnings[1]).toMatch(/New Discount Rate is blank: this partial termination of lease COLO-IAD/);
    const json = JSON.parse(readFileSync(join(dir, 'warn.json'), 'utf8'));
    expect(json.errors).toEqual([]);
    expect(json.warnings.map((w: { where: string; message: string }) => `warning: ${w.where}: ${w.message}`)).toEqual(
      warnings,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'warn-out.xlsx'));
    const log: string[][] = [];
    wb.getWorksheet('Run Log')?.eachRow((row) =>
      log.push([String(row.getCell(1).value), String(row.getCell(2).value)]),
    );
    const at = log.findIndex(([k]) => k === 'Warnings');
    expect(log[at][1]).toBe('2');
    expect(log.slice(at + 1, at + 3).map(([where, message]) => `warning: ${where}: ${message}`)).toEqual(warnings);
  });

  it('takes --reporting-date over the Policies table, and re-runs on its own output (never over its input)', async () => {
    const first = cli('run', SAMPLE, '--out', 'rd.xlsx', '--reporting-date', '2025-06-30');
    expect(first.code).toBe(0);
    const before = readFileSync(join(dir, 'rd.xlsx'));
    const over = cli('run', 'rd.xlsx', '--out', './rd.xlsx');
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^lease-workpapers: --out \.\/rd\.xlsx is the input workbook/);
    expect(readFileSync(join(dir, 'rd.xlsx')).equals(before)).toBe(true);
    const again = cli('run', 'rd.xlsx', '--out', 'rd2.xlsx', '--reporting-date', '2025-06-30');
    expect(again.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'rd2.xlsx'));
    const runLog: string[] = [];
    wb.getWorksheet('Run Log')?.eachRow((r) => r.eachCell((c) => runLog.push(String(c.value))));
    // The Policies table says 2025-12-31; the command line wins.
    expect(runLog.some((t) => t.includes('2025-06-30'))).toBe(true);
    expect(runLog.some((t) => t.includes('2025-12-31'))).toBe(false);
    expect(wb.worksheets.filter((w) => w.name === 'Schedules')).toHaveLength(1);
  });

  it('--period quarter and --journal-csv: the JSON period and journal, and a NetSuite import file that balances (QuickBooks: journalFilesCli.test.ts)', async () => {
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
      'q4.csv',
      '--journal-format',
      'netsuite',
      '--progress',
    );
    expect(r.code).toBe(0);
    // The quarter's dates are stated once, not twice.
    expect(r.stderr).toContain('Building workpapers for Q4 FY2025 (2025-10-01 to 2025-12-31)\n');
    const json = JSON.parse(readFileSync(join(dir, 'q4.json'), 'utf8'));
    expect(json.period).toEqual({ start: '2025-10-01', end: '2025-12-31', kind: 'quarter', closedThrough: null });
    expect(json.journal.length).toBeGreaterThan(100);
    expect(json.journal.every((l: { date: string }) => l.date >= '2025-10-01' && l.date <= '2025-12-31')).toBe(true);
    const { parse } = await import('csv-parse/sync');
    const rows: Record<string, string>[] = parse(readFileSync(join(dir, 'q4.csv'), 'utf8'), { columns: true });
    expect(Object.keys(rows[0])).toEqual([
      'External ID',
      'Date',
      'Subsidiary',
      'Currency',
      'Account',
      'Debit',
      'Credit',
      'Memo',
      'Department',
      'Class',
      'Location',
    ]);
    const net = new Map<string, number>();
    for (const row of rows) {
      const c = (x: string) => (x === '' ? 0 : Math.round(Number(x) * 100));
      net.set(row['External ID'], (net.get(row['External ID']) ?? 0) + c(row.Debit) - c(row.Credit));
    }
    expect(net.size).toBeGreaterThanOrEqual(2);
    expect([...net.values()].every((x) => x === 0)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'q4.xlsx'));
    expect(wb.getWorksheet('Journal Import')?.getCell('A1').value).toBe('External ID');
  });

  it('exits 1 on input errors: every error at its cell, no workbook, the JSON with errors and no leases', () => {
    const r = cli('run', BAD, '--out', 'bad-out.xlsx', '--json', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'Leases!M4: Discount Rate "abc" is not a percentage',
      'Leases!A5: Lease ID "L-001" appears twice (first at Leases!A4)',
      'Leases!G5: Term (Months) 0 must be at least 1',
      'Leases!H6: Payment -10 is negative; enter an amount >= 0',
      'Leases!I7: Frequency "Weekly" is not one of Monthly, Quarterly, Semiannual, Annual',
      'Leases!M7: Discount Rate 600% must be from 0% to 100%; 6 reads as 600%: type 6% or 0.06',
      'LeasePayments!A4: Lease ID "L-999" is not in the Leases table',
      'LeaseModifications!B4: Effective Date 2029-03-15 is not the start of a lease month of lease L-003 (month 3 starts 2029-03-01, month 4 starts 2029-04-01)',
      'Policies!B7: Fair Value Threshold 9000% must be above 0% and at most 100%; 90 reads as 9000%: type 90% or 0.9',
      'lease-workpapers: 9 input errors; no workbook written',
    ]);
    expect(existsSync(join(dir, 'bad-out.xlsx'))).toBe(false);
    const json = JSON.parse(readFileSync(join(dir, 'bad.json'), 'utf8'));
    expect(json.leases).toEqual([]);
    expect(json.errors).toHaveLength(9);
    expect(json.errors[0]).toEqual({ where: 'Leases!M4', message: 'Discount Rate "abc" is not a percentage' });
  });

  it('--json - into a reader that stops early (| head): no stack trace, the workbook still written, exit 0', async () => {
    // The sample's export (about 300 KB) is larger than a pipe holds, so the writes after the reader has gone fail.
    const child = spawn(process.execPath, [BIN, 'run', SAMPLE, '--out', 'piped.xlsx', '--json', '-'], {
      cwd: dir,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
    expect(statSync(join(dir, 'piped.xlsx')).size).toBeGreaterThan(0);
  });

  it('exits 1 on a file that is not a workbook, --json - still printing the export', () => {
    writeFileSync(join(dir, 'notes.xlsx'), 'just text');
    const r = cli('run', 'notes.xlsx', '--out', 'x.xlsx', '--json', '-');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Workbook: the file is text \(for example CSV\), not an \.xlsx workbook\./);
    const json = JSON.parse(r.stdout);
    expect(json.leases).toEqual([]);
    expect(json.errors[0].where).toBe('Workbook');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('exits 1 on a workbook without a Leases table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Lease ID';
    await wb.xlsx.writeFile(join(dir, 'empty.xlsx'));
    const r = cli('run', 'empty.xlsx', '--out', 'e.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Workbook: No table named Leases\./);
    expect(existsSync(join(dir, 'e.xlsx'))).toBe(false);
  });
});
