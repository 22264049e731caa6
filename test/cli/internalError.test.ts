/**
 * A defect that escapes every check (here: the engine throwing a TypeError) still ends as the contract says:
 * exit 1, one plain `Workbook:` sentence that says it is the program's fault, no stack trace, nothing written, and
 * the JSON export with the error. The launcher (bin/) adds the same guard around anything main() itself lets out.
 * (choice: CONTRACT 4 allows no exit code but 0, 1 and 2; exit 1 says "nothing written, see the errors".)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.mock('../../src/engine', () => ({
  ...jest.requireActual('../../src/engine'),
  measurePortfolio: () => {
    throw new TypeError("Cannot read properties of null (reading 'theme')");
  },
}));

import { INTERNAL_ERROR } from '../../src/cli/main';
import { ALLOWED_STDERR_LINE, leaksInternals, runCli } from '../support/cliInProcess';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'examples/sample-portfolio.xlsx');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-internal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('an internal error is exit 1 with a plain Workbook: sentence, no stack trace, nothing written', async () => {
  const out = join(dir, 'o.xlsx');
  const json = join(dir, 'o.json');
  const r = await runCli(['run', SAMPLE, '--out', out, '--json', json]);
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toEqual([
    `Workbook: ${INTERNAL_ERROR}`,
    'lease-workpapers: 1 input error; no workbook written',
  ]);
  for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(ALLOWED_STDERR_LINE);
  expect(leaksInternals(r.stderr)).toBe(false);
  expect(existsSync(out)).toBe(false);
  expect(JSON.parse(readFileSync(json, 'utf8')).errors).toEqual([{ where: 'Workbook', message: INTERNAL_ERROR }]);
  expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
});

it('the launcher turns anything main() lets out into the same plain line and exit 1', () => {
  // A stand-in for the compiled command line whose main() rejects, loaded by the real launcher.
  const fake = join(dir, 'fake');
  const bin = join(fake, 'bin');
  const dist = join(fake, 'dist/src/cli');
  for (const d of [bin, dist]) mkdirSync(d, { recursive: true });
  writeFileSync(join(bin, 'lease-workpapers.js'), readFileSync(join(ROOT, 'bin/lease-workpapers.js')));
  writeFileSync(
    join(dist, 'main.js'),
    "exports.main = async () => { throw new RangeError('Invalid array length'); };\n",
  );
  const r = spawnSync(process.execPath, [join(bin, 'lease-workpapers.js'), 'run', 'x.xlsx', '--out', 'y.xlsx'], {
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^Workbook: lease-workpapers stopped on an internal error; nothing was written\./);
  expect(leaksInternals(r.stderr)).toBe(false);
});
