/**
 * Never crash, never lie: each path a fuzz campaign found ending in a crash, an exhausted heap or a false success
 * now ends in exit 0, 1 or 2 with plain words at a cell or at `Workbook`, before anything is written.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLE_LEASE, inputSheets, type InputContent } from '../../src/template';
import { MAX_MODIFICATIONS_PER_LEASE, MAX_REMEASURED_MONTHS } from '../../src/input/limits';
import { isOwnedSheet } from '../../src/workpapers/names';
import { XlsxPackage } from '../../src/xlsx/package';
import { readWorkbookInfo } from '../../src/xlsx/workbookPart';
import { writePlan } from '../../src/xlsx/writePlan';
import { ZipWriter } from '../../src/xlsx/zip';
import { ALLOWED_STDERR_LINE, leaksInternals, runCli, type CliResult } from '../support/cliInProcess';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'examples/sample-portfolio.xlsx');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-never-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function inputWorkbook(content: InputContent): Promise<string> {
  const path = join(dir, `in-${++n}.xlsx`);
  await writePlan(null, { sheets: inputSheets(content) }, path);
  return path;
}

/** The contract's promises on any run: its code, its lines, no internals, nothing left behind. */
function plain(r: CliResult): CliResult {
  expect([0, 1, 2]).toContain(r.code);
  for (const line of r.stderr.trimEnd().split('\n').filter(Boolean)) {
    if (r.code !== 2) expect(line).toMatch(ALLOWED_STDERR_LINE);
  }
  expect(leaksInternals(r.stderr)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  return r;
}

async function run(input: string): Promise<CliResult & { out: string }> {
  const out = join(dir, `out-${++n}.xlsx`);
  return { ...plain(await runCli(['run', input, '--out', out])), out };
}

/** Rewrites one part of a package. */
async function withPart(src: string, part: string, content: (old: string) => string | Buffer): Promise<string> {
  const pkg = XlsxPackage.open(readFileSync(src));
  const path = join(dir, `edited-${++n}.xlsx`);
  const zip = new ZipWriter(path);
  for (const name of pkg.names()) {
    if (name === part) await zip.add(name, [content(pkg.text(name))]);
    else await zip.addStored(pkg.stored(name));
  }
  await zip.finish();
  return path;
}

describe('numbers, amounts and rates', () => {
  it('number text with only an exponent ("e5", "E+5", "e2%") is an error at its cell', async () => {
    const input = await inputWorkbook({
      leases: [{ ...EXAMPLE_LEASE, Payment: 'e5', 'Term (Months)': 'E+5', 'Discount Rate': 'e2%' }],
    });
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'Leases!G4: Term (Months) "E+5" is not a number',
      'Leases!H4: Payment "e5" is not a number',
      'Leases!M4: Discount Rate "e2%" is not a percentage',
    ]);
    expect(existsSync(r.out)).toBe(false);
  });

  it('a lease whose amounts pass what is carried exactly to the cent is an error at its row, nothing written', async () => {
    const input = await inputWorkbook({
      leases: [{ ...EXAMPLE_LEASE, Payment: 1e12, 'Term (Months)': 1200, 'Annual Escalation': 1 }],
    });
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'Leases!A4: lease EXAMPLE-1: its payments and other amounts come to more than 1,000,000,000,000 over 1200 ' +
        'months, the most one lease may total (amounts are carried exactly to the cent); check Payment, Annual ' +
        'Escalation and the other amounts',
    );
    expect(existsSync(r.out)).toBe(false);
  });

  it('leases that together pass a quarter of 2^53 cents are an error at Workbook', async () => {
    const leases = Array.from({ length: 30 }, (_, k) => ({
      ...EXAMPLE_LEASE,
      'Lease ID': `BIG-${k}`,
      Payment: 800_000_000,
      'Term (Months)': 1200,
    }));
    const r = await run(await inputWorkbook({ leases }));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(
      /^Workbook: the leases together come to more than 22,517,998,136,852 in payments and other amounts/,
    );
  });

  it('100% rates over 600 to 1,200 months measure, or are refused at a cell: never a crash', async () => {
    const leases = [600, 601, 900, 1200].flatMap((term) =>
      ['Monthly', 'Annual'].map((frequency, k) => ({
        ...EXAMPLE_LEASE,
        'Lease ID': `R-${term}-${k}`,
        'Term (Months)': term,
        'Discount Rate': 1,
        Frequency: frequency,
        Timing: k === 0 ? 'Arrears' : 'Advance',
        Payment: 1_000_000,
      })),
    );
    const r = await run(await inputWorkbook({ leases }));
    expect([0, 1]).toContain(r.code);
    if (r.code === 0) expect(existsSync(r.out)).toBe(true);
  });
});

describe('found by the 10,000-workbook campaign', () => {
  it('a GLAccounts segment column named like a journal column ("Lease ID") is an error at its header', async () => {
    const input = await withPart(SAMPLE, 'xl/worksheets/sheet5.xml', (x) =>
      x.replace('<t>Department</t>', '<t>Lease ID</t>'),
    );
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(
      /^GLAccounts![A-Z]+3: Column "Lease ID" is carried onto every journal line as a segment, but the journal already has a column of that name/,
    );
  });
});

describe('limits checked before memory runs out', () => {
  it(`more than ${MAX_MODIFICATIONS_PER_LEASE} modifications of one lease (8 leases x 1,000) is an error at the first row past the limit`, async () => {
    const leases = Array.from({ length: 8 }, (_, l) => ({
      ...EXAMPLE_LEASE,
      'Lease ID': `M-${l}`,
      'Term (Months)': 1200,
    }));
    const leaseModifications = leases.flatMap((l) =>
      Array.from({ length: 1000 }, (_, k) => {
        const m = k + 1; // lease month k + 2 starts m months after 2029-01-01
        const date = `${2029 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
        return { 'Lease ID': l['Lease ID'], 'Effective Date': date, Type: 'Remeasurement', 'New Payment': 500 + k };
      }),
    );
    const r = await run(await inputWorkbook({ leases, leaseModifications }));
    expect(r.code).toBe(1);
    const limitErrors = r.stderr
      .split('\n')
      .filter((l) => l.includes(`more than ${MAX_MODIFICATIONS_PER_LEASE} modifications`));
    expect(limitErrors).toHaveLength(8);
    // Lease M-0's 121st row: the header is in row 3, so its rows are 4..1003.
    expect(limitErrors[0]).toMatch(/^LeaseModifications!A124: lease M-0 has more than 120 modifications/);
  });

  it(`modifications that together re-measure more than ${MAX_REMEASURED_MONTHS.toLocaleString('en-US')} lease-months are refused before measuring`, async () => {
    // 8 leases of 1,200 months, 100 monthly remeasurements each: under the per-lease limit, about 920,000
    // re-measured lease-months in all (measured at the limit's scale: 33 s and 2.5 GB for 1.1 million).
    const leases = Array.from({ length: 8 }, (_, l) => ({
      ...EXAMPLE_LEASE,
      'Lease ID': `B-${l}`,
      'Term (Months)': 1200,
    }));
    const leaseModifications = leases.flatMap((l) =>
      Array.from({ length: 100 }, (_, k) => {
        const m = k + 1;
        const date = `${2029 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
        return { 'Lease ID': l['Lease ID'], 'Effective Date': date, Type: 'Remeasurement', 'New Payment': 500 + k };
      }),
    );
    const r = await run(await inputWorkbook({ leases, leaseModifications }));
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^LeaseModifications!A\d+: the modifications up to this row re-measure more than 750,000 lease-months/,
    );
  });

  it('a table declared as A3:XFD1048576 is read as far as it holds values', async () => {
    const input = await withPart(SAMPLE, 'xl/tables/table1.xml', (x) =>
      x.replace(/ref="A3:X18"/g, 'ref="A3:XFD1048576"'),
    );
    const json = join(dir, 'huge-ref.json');
    const r = plain(await runCli(['run', input, '--out', join(dir, 'huge-ref-out.xlsx'), '--json', json]));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).leases).toHaveLength(15);
  });

  it('a shared string of 200 MB is refused by the part-size limit before it is read', async () => {
    // Shared strings as a part of 200 MB: deflated, a few hundred kilobytes.
    const big = Buffer.alloc(200 * 1024 * 1024, 0x61);
    const head = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
    );
    const tail = Buffer.from('</t></si></sst>');
    const content = Buffer.concat([head, big, tail]);
    const pkg = XlsxPackage.open(readFileSync(SAMPLE));
    const path = join(dir, 'huge-string.xlsx');
    const zip = new ZipWriter(path, 1);
    for (const name of pkg.names()) {
      if (name === 'xl/_rels/workbook.xml.rels') {
        await zip.add(name, [
          pkg
            .text(name)
            .replace(
              '</Relationships>',
              '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
            ),
        ]);
      } else if (name === 'xl/worksheets/sheet1.xml') {
        // Lease 1's description points at the huge string.
        await zip.add(name, [pkg.text(name).replace(/<c r="B4"[^>]*>.*?<\/c>/, '<c r="B4" t="s"><v>0</v></c>')]);
      } else await zip.addStored(pkg.stored(name));
    }
    await zip.add('xl/sharedStrings.xml', [content]);
    await zip.finish();
    const r = await run(path);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      "Workbook: the file's part xl/sharedStrings.xml is 200 MB uncompressed, larger than the 128 MB this program reads from one part.",
    );
  });

  it("a cell's text longer than Excel's 32,767 characters is refused at that cell", async () => {
    const input = await withPart(SAMPLE, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(
        /<c r="B4"([^>]*)><is><t>[^<]*<\/t><\/is><\/c>/,
        `<c r="B4"$1><is><t>${'x'.repeat(40_000)}</t></is></c>`,
      ),
    );
    const r = await run(input);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      "Workbook: the cell Leases!B4 holds text longer than 32,767 characters, Excel's limit for one cell.",
    );
  });
});

describe('outputs', () => {
  it('--out naming the input through a link or a second path is refused (exit 2), the input untouched', async () => {
    const before = readFileSync(SAMPLE);
    const link = join(dir, 'link.xlsx');
    symlinkSync(SAMPLE, link);
    const hard = join(dir, 'hard.xlsx');
    linkSync(link, hard);
    for (const out of [link, hard, join(ROOT, 'examples/../examples/sample-portfolio.xlsx')]) {
      const r = plain(await runCli(['run', SAMPLE, '--out', out]));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the input workbook; the input is never overwritten/);
    }
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });

  it("a user's own sheets named like outputs are kept; ours are written beside them and marked", async () => {
    const input = await withPart(SAMPLE, 'xl/workbook.xml', (x) => x.replace('name="Policies"', 'name="Schedules"'));
    const r = await run(input);
    expect(r.code).toBe(0);
    const info = readWorkbookInfo(XlsxPackage.open(readFileSync(r.out)));
    // The user's sheets, their "Schedules" included, exactly as they were named.
    const mine = readWorkbookInfo(XlsxPackage.open(readFileSync(input))).sheets.map((s) => s.name);
    expect(mine).toContain('Schedules');
    expect(info.sheets.filter((s) => !s.owned).map((s) => s.name)).toEqual(mine);
    const owned = info.sheets.filter((s) => s.owned).map((s) => s.name);
    expect(owned[0]).toBe('Schedules (add-in)');
    expect(owned).toContain('Tie-Out');
    for (const name of owned.slice(1)) expect([name, isOwnedSheet(name)]).toEqual([name, true]);
  });

  it('a full disk ends in exit 2 with the reason, never exit 0, and leaves neither output nor temporary file', async () => {
    // Writing a package to /dev/full fails as a full disk does.
    await expect(
      writePlan(SAMPLE, { sheets: inputSheets({ leases: [EXAMPLE_LEASE] }) }, '/dev/full'),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    const finish = jest
      .spyOn(ZipWriter.prototype, 'finish')
      .mockRejectedValue(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }),
      );
    try {
      const out = join(dir, 'full.xlsx');
      const json = join(dir, 'full.json');
      const r = plain(await runCli(['run', SAMPLE, '--out', out, '--json', json]));
      expect(r.code).toBe(2);
      // (The sample's warnings come first: they are printed before anything is written.)
      expect(r.stderr.split('\n').filter((l) => !l.startsWith('warning: '))).toEqual([
        `lease-workpapers: cannot write ${out}: the disk is full; nothing was written or replaced`,
        '',
      ]);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(json)).toBe(false);
    } finally {
      finish.mockRestore();
    }
  });

  it('SIGTERM while writing removes the temporary files and ends the process by that signal', async () => {
    const out = join(dir, 'signal.xlsx');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/lease-workpapers.js'), 'run', SAMPLE, '--out', out, '--progress'],
      {
        cwd: dir,
      },
    );
    let stderr = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
      child.on('exit', (code, signal) => res({ code, signal })),
    );
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/Writing signal\.xlsx/.test(stderr)) child.kill('SIGTERM');
    });
    const { code, signal } = await ended;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr).toMatch(/lease-workpapers: stopped by SIGTERM; no output was written or replaced/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.signal.xlsx'))).toEqual([]);
  });
});
