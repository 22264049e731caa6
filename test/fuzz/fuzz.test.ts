/**
 * The fuzz test: 1,000 seeded mutations of examples/sample-portfolio.xlsx (cell types and values, table and sheet
 * structure, XML damage, ZIP damage), each run through main() in this process. Every run must keep the contract
 * (bench/fuzz/campaign.ts lists the checks). FUZZ_CASES and FUZZ_SEED change the campaign; `node
 * dist/bench/fuzz/run.js --cases 10000` runs the long one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCampaign, type CampaignSummary } from '../../bench/fuzz/campaign';

const ROOT = resolve(__dirname, '../..');
const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

let dir: string;
let summary: CampaignSummary;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-fuzz-'));
  summary = await runCampaign(readFileSync(join(ROOT, 'examples/sample-portfolio.xlsx')), SEED, CASES, dir);
  // The counts, for the record (test-artifacts/ is not committed).
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  const { failures, ...counts } = summary;
  writeFileSync(
    join(ROOT, 'test-artifacts/fuzz-summary.json'),
    JSON.stringify({ seed: SEED, ...counts, failures }, null, 2),
  );
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`${CASES} mutated workbooks: every run ends in exit 0, 1 or 2 with plain messages at a cell or Workbook`, () => {
  expect(summary.failures.map((f) => ({ seed: f.seed, problems: f.problems, what: f.what }))).toEqual([]);
  expect(summary.cases).toBe(CASES);
});

it('the campaign reaches every kind of mutation and every outcome', () => {
  for (const kind of ['cell', 'structure', 'xml', 'zip']) expect(summary.byKind[kind]).toBeGreaterThan(CASES / 20);
  // Some mutated workbooks still measure (exit 0), most are refused at a cell or at Workbook (exit 1).
  expect(summary.byCode['0']).toBeGreaterThan(CASES / 20);
  expect(summary.byCode['1']).toBeGreaterThan(CASES / 4);
  for (const where of ['Workbook', 'Leases', 'LeasePayments', 'LeaseModifications', 'Policies']) {
    expect([where, summary.byWhere[where] > 0]).toEqual([where, true]);
  }
});
