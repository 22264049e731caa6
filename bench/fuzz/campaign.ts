/**
 * The fuzz campaign: seeded mutations of the sample portfolio, each run through the command line's main() in this
 * process (standard output and error captured), each checked against the contract: exit 0, 1 or 2; no stack trace
 * or library text; every line at `Sheet!Cell:`, `Workbook:` or a warning; no internal error; an output only on
 * exit 0; no temporary file left behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_ERROR, main } from '../../src/cli/main';
import { ZipWriter } from '../../src/xlsx/zip';
import { ALLOWED_STDERR_LINE, leaksInternals } from './contract';
import { damageZip, mutateParts, partsOf, random, type MutationKind } from './mutate';

export interface CaseResult {
  seed: number;
  code: number;
  kinds: MutationKind[];
  what: string[];
  /** Broken promises; empty when the run kept the contract. */
  problems: string[];
  stderr: string;
}

export interface CampaignSummary {
  cases: number;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
  /** First message of each failed run, by its kind ("Workbook", "Leases", ...). */
  byWhere: Record<string, number>;
  failures: CaseResult[];
  ms: number;
}

/** Runs one mutated workbook; `dir` is a scratch folder. */
export async function runCase(base: Buffer, seed: number, dir: string): Promise<CaseResult> {
  const rng = random(seed);
  const parts = partsOf(base);
  const { kinds, what } = mutateParts(rng, parts);
  const input = join(dir, `case-${seed}.xlsx`);
  const zip = new ZipWriter(input, 1);
  for (const [name, data] of parts) await zip.add(name, [data]);
  await zip.finish();
  if (kinds.includes('zip')) {
    const damaged = damageZip(rng, readFileSync(input));
    writeFileSync(input, damaged.buf);
    what.push(damaged.what);
  }
  const out = join(dir, `case-${seed}-out.xlsx`);
  const json = join(dir, `case-${seed}.json`);
  let stdout = '';
  let stderr = '';
  const problems: string[] = [];
  let code = -1;
  try {
    code = await main(['run', input, '--out', out, '--json', json], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      now: () => new Date('2026-01-01T00:00:00Z'),
      signals: false,
    });
  } catch (e) {
    problems.push(`main() threw: ${(e as Error)?.name}`);
  }
  if (![0, 1, 2].includes(code)) problems.push(`exit code ${code}`);
  for (const line of stderr.trimEnd().split('\n').filter(Boolean)) {
    if (code !== 2 && !ALLOWED_STDERR_LINE.test(line))
      problems.push(`line not at a cell or Workbook: ${line.slice(0, 200)}`);
  }
  if (leaksInternals(stderr)) problems.push('internals leaked');
  if (stderr.includes(INTERNAL_ERROR)) problems.push('internal error');
  if (code === 0 && !existsSync(out)) problems.push('exit 0 without a workbook');
  if (code !== 0 && existsSync(out)) problems.push(`exit ${code} with a workbook written`);
  if (code === 0 || code === 1) {
    try {
      JSON.parse(readFileSync(json, 'utf8'));
    } catch {
      problems.push('no readable JSON export');
    }
  }
  if (readdirSync(dir).some((f) => f.includes('.tmp'))) problems.push('temporary file left behind');
  for (const f of [input, out, json]) rmSync(f, { force: true });
  return { seed, code, kinds, what, problems, stderr };
}

/** Runs `cases` mutated workbooks from `firstSeed` on. */
export async function runCampaign(
  base: Buffer,
  firstSeed: number,
  cases: number,
  dir: string,
  onCase?: (r: CaseResult, done: number) => void,
): Promise<CampaignSummary> {
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const summary: CampaignSummary = { cases, byCode: {}, byKind: {}, byWhere: {}, failures: [], ms: 0 };
  for (let k = 0; k < cases; k++) {
    const r = await runCase(base, firstSeed + k, dir);
    summary.byCode[r.code] = (summary.byCode[r.code] ?? 0) + 1;
    for (const kind of new Set(r.kinds)) summary.byKind[kind] = (summary.byKind[kind] ?? 0) + 1;
    if (r.code === 1) {
      const where = /^([^!:]+)[!:]/.exec(r.stderr)?.[1] ?? '?';
      summary.byWhere[where] = (summary.byWhere[where] ?? 0) + 1;
    }
    if (r.problems.length > 0) summary.failures.push(r);
    onCase?.(r, k + 1);
  }
  summary.ms = Date.now() - started;
  return summary;
}
