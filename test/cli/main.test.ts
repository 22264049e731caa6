/** In-process tests of main() for paths the real engine cannot be made to take on valid input. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.mock('../../src/engine', () => {
  const actual = jest.requireActual('../../src/engine');
  return {
    ...actual,
    measurePortfolio: () => ({
      leases: [],
      failures: [
        { leaseId: 'OFF-SF', message: 'lease OFF-SF: cannot remeasure', where: 'LeaseModifications!A4' },
        { leaseId: 'GPU-002', message: 'lease GPU-002: something the engine refused' },
      ],
    }),
  };
});

import { main } from '../../src/cli/main';

const SAMPLE = resolve(__dirname, '../../examples/sample-portfolio.xlsx');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-main-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
      now: () => new Date('2026-01-01T00:00:00Z'),
    },
  };
}

it('treats leases the engine cannot measure as input errors: exit 1, placed at their cell or lease row', async () => {
  const { out, io: cliIo } = io();
  const outFile = join(dir, 'o.xlsx');
  const jsonFile = join(dir, 'o.json');
  const code = await main(['run', SAMPLE, '--out', outFile, '--json', jsonFile], cliIo);
  expect(code).toBe(1);
  expect(out.stderr.trimEnd().split('\n')).toEqual([
    'LeaseModifications!A4: lease OFF-SF: cannot remeasure',
    'Leases!A5: lease GPU-002: something the engine refused', // GPU-002 is the second lease: row 5 under the header in row 3
    'lease-workpapers: 2 input errors; no workbook written',
  ]);
  expect(existsSync(outFile)).toBe(false);
  const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
  expect(json.leases).toEqual([]);
  expect(json.errors).toHaveLength(2);
});
