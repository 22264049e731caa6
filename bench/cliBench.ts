/**
 * The command line end to end at fleet scale (no timed tests: speed is measured here). Writes an input workbook of
 * BENCH_LEASES leases (default 10,000) of 120 months each, runs `lease-workpapers run` on it with --json, and prints
 * the wall time, the peak memory of the run (GNU time's maximum resident set size), the size of the workbook and of
 * the JSON export, and the rows of every sheet written (each must be within Excel's 1,048,576).
 *
 *   npx tsc -p tsconfig.node.json && node dist/bench/cliBench.js
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inputSheets, type InputRow } from '../src/template/inputSheets';
import { writePlan } from '../src/xlsx/writePlan';
import { sheetNames, unzipEntries } from './zipEntries';
import { random } from './random';

const LEASES = Number(process.env.BENCH_LEASES ?? 10_000);
const MONTHS = 120;
const ROOT = resolve(__dirname, '../..');

function leases(): InputRow[] {
  const r = random(842); // the same portfolio on every run
  const out: InputRow[] = [];
  for (let i = 0; i < LEASES; i++) {
    const year = 2021 + Math.floor(r() * 5);
    const month = 1 + Math.floor(r() * 12);
    out.push({
      'Lease ID': `L-${String(i + 1).padStart(5, '0')}`,
      Description: 'synthetic',
      Entity: ['US01', 'UK01', 'DE01', 'SG01'][Math.floor(r() * 4)],
      'Asset Class': 'GPU servers',
      'Commencement Date': `${year}-${String(month).padStart(2, '0')}-01`,
      'Term (Months)': MONTHS,
      Payment: 1000 + Math.floor(r() * 500_000) / 100,
      Frequency: r() < 0.8 ? 'Monthly' : 'Quarterly',
      Timing: r() < 0.8 ? 'Advance' : 'Arrears',
      'Annual Escalation': Math.floor(r() * 4) / 100,
      'Discount Rate': (300 + Math.floor(r() * 600)) / 10_000,
      'Useful Life (Months)': r() < 0.2 ? 140 : null,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-'));
  const input = join(dir, 'fleet.xlsx');
  await writePlan(
    null,
    { sheets: inputSheets({ leases: leases(), policies: { 'Reporting Date': '2025-12-31' } }) },
    input,
  );
  const out = join(dir, 'fleet-workpapers.xlsx');
  const json = join(dir, 'fleet.json');
  const csv = join(dir, 'fleet-journal.csv');
  const bin = join(ROOT, 'bin/lease-workpapers.js');
  const args = ['run', input, '--out', out, '--json', json, '--journal-csv', csv, '--journal-format', 'netsuite'];
  const time = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, bin, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`run exited ${r.status}: ${r.stderr}`);
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr ?? '');
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`${LEASES} leases x ${MONTHS} months (Reporting Date 2025-12-31, month)`);
  console.log(`  end to end: ${seconds.toFixed(1)} s`);
  console.log(`  peak memory: ${rss ? mb(Number(rss[1]) * 1024) : 'not measured (no /usr/bin/time)'}`);
  console.log(
    `  workbook: ${mb(statSync(out).size)}; JSON: ${mb(statSync(json).size)}; journal CSV: ${mb(statSync(csv).size)}`,
  );
  const buf = readFileSync(out);
  const entries = unzipEntries(buf);
  const names = sheetNames(buf, entries);
  for (const e of entries) {
    const sheet = names.get(e.name);
    if (!sheet) continue;
    console.log(`  ${sheet}: last row ${e.lastRow}, ${mb(e.compressed)} in the package (${mb(e.uncompressed)} of XML)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
