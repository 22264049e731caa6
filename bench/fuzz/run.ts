/**
 * `node dist/bench/fuzz/run.js [--cases 10000] [--seed 1] [--out fuzz-failures]`: the fuzz campaign of
 * bench/fuzz/campaign.ts over many more workbooks than the test suite runs. Prints progress and a summary; each
 * workbook that broke the contract is kept in the --out folder (replay it by its seed) and the exit code is 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCampaign } from './campaign';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function run(): Promise<number> {
  const cases = Number(option('cases', '10000'));
  const seed = Number(option('seed', '1'));
  const keep = resolve(option('out', 'fuzz-failures'));
  const base = readFileSync(resolve(__dirname, '../../../examples/sample-portfolio.xlsx'));
  const scratch = join(tmpdir(), `lw-fuzz-${process.pid}`);
  const summary = await runCampaign(base, seed, cases, scratch, (r, done) => {
    if (r.problems.length > 0)
      process.stdout.write(`seed ${r.seed}: ${r.problems.join('; ')} (${r.what.join(', ')})\n`);
    if (done % 500 === 0) process.stdout.write(`${done} / ${cases}\n`);
  });
  const { failures, ...counts } = summary;
  process.stdout.write(`${JSON.stringify({ ...counts, failures: failures.length }, null, 2)}\n`);
  if (failures.length > 0) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, 'failures.json'), JSON.stringify(failures, null, 2));
    process.stdout.write(`details in ${join(keep, 'failures.json')}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

run().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`fuzz: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
