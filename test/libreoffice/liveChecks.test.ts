/**
 * What the auditor relies on, recalculated by LibreOffice from the formulas alone: the sample portfolio's workpapers
 * pass every Tie-Out row; each edit an auditor might make (or a user might make after generating) to a copy of them
 * turns at least one named Tie-Out row to FAIL; each lease's liability at commencement is re-performed from the
 * workbook's formulas. All copies are recalculated in one soffice run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { measurePortfolio, type LeaseResult } from '../../src/engine';
import type { PortfolioInput } from '../../src/engine/terms';
import { columnLetters, columnNumber, parseWhere } from '../../src/input/a1';
import { readPortfolio } from '../../src/input/portfolio';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { writePlan } from '../../src/xlsx/writePlan';
import { readWorkbook, recalculate, type ReadSheet } from '../support/libreoffice';
import { editCells, type CellEdit } from '../support/xlsxEdit';

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'live-checks-'));
const io = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  now: () => new Date('2026-01-15T12:00:00Z'),
};

let portfolio: PortfolioInput;
let leases: LeaseResult[];
let output: string;
let generated: Map<string, ReadSheet>;
const edited = new Map<string, Map<string, ReadSheet>>();

/** The input cell of a lease's column, as a CellEdit target. */
function inputCell(id: string, field: string): { sheet: string; ref: string } {
  const where = portfolio.leases.find((l) => l.id === id)!.inputCells![field];
  const p = parseWhere(where)!;
  return { sheet: p.sheet, ref: p.cell };
}

/** Each edit: a name, what it changes. Built once the generated workbook is read (some targets are found in it). */
type EditSpec = { name: string; edits: (wb: Map<string, ReadSheet>) => CellEdit[]; fails: RegExp[] };

const EDITS: EditSpec[] = [
  {
    name: "a lease's Payment changed in the Leases table",
    edits: () => [{ ...inputCell('GPU-002', 'payment'), value: (x) => x + 1000 }],
    fails: [/^Inputs changed since the workpapers were generated: generate again \(lease GPU-002\)$/],
  },
  {
    name: "a lease's Discount Rate changed",
    edits: () => [{ ...inputCell('OFF-AUS', 'discountRate'), value: (x) => x + 0.01 }],
    fails: [
      /^Inputs changed since the workpapers were generated: generate again \(lease OFF-AUS\)$/,
      /^Measurement at commencement: liability = PV/,
    ],
  },
  {
    name: "a lease's Commencement Date changed",
    edits: () => [{ ...inputCell('VEH-002', 'commencement'), value: (x) => x + 31 }],
    fails: [/^Inputs changed since the workpapers were generated: generate again \(lease VEH-002\)$/],
  },
  {
    name: "a lease's Initial Direct Costs changed",
    edits: () => [{ ...inputCell('GEN-001', 'initialDirectCosts'), value: (x) => x + 250 }],
    fails: [/^Inputs changed .* \(lease GEN-001\)$/, /^Measurement at commencement: ROU asset = /],
  },
];

/** Tie-Out check rows: [text, result]. */
function checks(wb: Map<string, ReadSheet>): [string, string][] {
  const t = wb.get('Tie-Out')!;
  const out: [string, string][] = [];
  for (let r = 6; typeof t.get(`A${r}`)?.value === 'number'; r++) {
    out.push([String(t.get(`B${r}`)?.value), String(t.get(`G${r}`)?.value)]);
  }
  return out;
}

/** The cells of a table on a sheet by its header text in row `headerRow`: column letters by header. */
function headerColumns(sheet: ReadSheet, headerRow: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const [a, c] of sheet) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    if (Number(m[2]) === headerRow && typeof c.value === 'string' && !out.has(c.value)) out.set(c.value, m[1]);
  }
  return out;
}

beforeAll(async () => {
  const input = join(dir, 'sample-portfolio.xlsx');
  await writePlan(null, samplePortfolioPlan(), input);
  output = join(dir, 'sample-workpapers.xlsx');
  expect(await main(['run', input, '--out', output], io)).toBe(0);
  const read = readPortfolio(await readTablesFromFile(input));
  portfolio = read.input!;
  leases = measurePortfolio(portfolio).leases;
  // The targets inside the workpapers are found in a first recalculation of the generated workbook.
  const [first] = await recalculate([output]);
  const before = readWorkbook(first);
  const copies: string[] = [];
  for (const [k, e] of EDITS.entries()) {
    const copy = join(dir, `edit-${k}.xlsx`);
    await editCells(output, copy, e.edits(before));
    copies.push(copy);
  }
  const outs = await recalculate([output, ...copies]);
  generated = readWorkbook(outs[0]);
  EDITS.forEach((e, k) => edited.set(e.name, readWorkbook(outs[k + 1])));
});

describe('the generated workbook, recalculated', () => {
  it('passes every Tie-Out row', () => {
    const rows = checks(generated);
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(generated.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
  });

  it("re-performs each lease's liability at commencement from the formulas alone", () => {
    const t = generated.get('Tie-Out')!;
    const h = headerColumns(t, 5);
    const pv = h.get('Liability re-performed')!;
    const rou = h.get('ROU asset expected')!;
    // The proof's Lease ID column is just left of its "Input row" column.
    const idCol = columnLetters(columnNumber(h.get('Input row')!) - 1);
    const ids = new Map<string, number>();
    for (let r = 6; typeof t.get(`${idCol}${r}`)?.value === 'string'; r++)
      ids.set(String(t.get(`${idCol}${r}`)!.value), r);
    let compared = 0;
    for (const l of leases) {
      if (l.classification === 'short-term') continue;
      const r = ids.get(l.id)!;
      const pvCell = t.get(`${pv}${r}`)!;
      expect(pvCell.formula).toMatch(/^ROUND\(/);
      expect(Math.round(Number(pvCell.value) * 100)).toBe(l.liabilityAtCommencement);
      expect(Math.round(Number(t.get(`${rou}${r}`)!.value) * 100)).toBe(l.rouAtCommencement);
      compared++;
    }
    expect(compared).toBe(leases.filter((l) => l.classification !== 'short-term').length);
  });
});

describe.each(EDITS.map((e) => [e.name, e] as const))('edited after generating: %s', (name, spec) => {
  it('turns the named Tie-Out rows to FAIL', () => {
    const rows = checks(edited.get(name)!);
    const failing = rows.filter(([, r]) => r === 'FAIL').map(([w]) => w);
    expect(failing.length).toBeGreaterThan(0);
    for (const re of spec.fails) expect(failing).toEqual(expect.arrayContaining([expect.stringMatching(re)]));
    expect(edited.get(name)!.get('Tie-Out')!.get('D3')?.value).toBe('FAIL');
  });
});
