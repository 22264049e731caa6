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
import { disclosureFigures, weightedAverages } from '../../src/workpapers/disclosureFigures';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { writePlan } from '../../src/xlsx/writePlan';
import { readWorkbook, recalculate, type ReadSheet, tieOutChecks } from '../support/libreoffice';
import { editCells, type CellEdit } from '../support/xlsxEdit';
import { quietIo } from '../support/cliInProcess';

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'live-checks-'));
const io = quietIo();

let portfolio: PortfolioInput;
let leases: LeaseResult[];
let output: string;
let generated: Map<string, ReadSheet>;
/** The same workpapers for the quarter (--period quarter): three-month and year-to-date columns. */
let quarter: Map<string, ReadSheet>;
const edited = new Map<string, Map<string, ReadSheet>>();

/** The input cell of a lease's column, as a CellEdit target. */
function inputCell(id: string, field: string): { sheet: string; ref: string } {
  const where = portfolio.leases.find((l) => l.id === id)!.inputCells![field];
  const p = parseWhere(where)!;
  return { sheet: p.sheet, ref: p.cell };
}

/** Each edit: a name, what it changes. Built once the generated workbook is read (some targets are found in it). */
type EditSpec = { name: string; edits: (wb: Map<string, ReadSheet>) => CellEdit[]; fails: RegExp[] };

/** The first row of a sheet whose column A reads `label` (after `from`). */
function rowOf(sheet: ReadSheet, label: string, from = 1): number {
  for (let r = from; r < 100_000; r++) if (sheet.get(`A${r}`)?.value === label) return r;
  throw new Error(`no row "${label}"`);
}

const D = (wb: Map<string, ReadSheet>) => wb.get('Disclosures')!;
const num = (wb: Map<string, ReadSheet>, sheet: string, ref: string) => Number(wb.get(sheet)!.get(ref)?.value ?? 0);

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
  {
    name: '100,000 moved between two maturity years',
    edits: (wb) => {
      const r = rowOf(D(wb), 'FY2026');
      return [
        { sheet: 'Disclosures', ref: `B${r}`, value: (x) => x - 100000 },
        { sheet: 'Disclosures', ref: `B${r + 1}`, value: (x) => x + 100000 },
      ];
    },
    fails: [/^Disclosures \(USD\): maturity analysis at 2025-12-31: every figure/],
  },
  {
    name: 'current and non-current swapped',
    edits: (wb) => {
      const r = rowOf(D(wb), 'Lease liabilities, current');
      const current = num(wb, 'Disclosures', `B${r}`);
      const nonCurrent = num(wb, 'Disclosures', `B${r + 1}`);
      return [
        { sheet: 'Disclosures', ref: `B${r}`, value: nonCurrent },
        { sheet: 'Disclosures', ref: `B${r + 1}`, value: current },
      ];
    },
    fails: [/^Disclosures \(USD\): balance sheet: every figure/],
  },
  {
    name: 'cash paid overwritten',
    edits: (wb) => [
      {
        sheet: 'Disclosures',
        ref: `B${rowOf(D(wb), '   Operating cash flows from operating leases')}`,
        value: (x) => x + 5000,
      },
    ],
    fails: [/^Disclosures \(USD\): Month: .*every figure/],
  },
  {
    name: 'ROU assets obtained overwritten',
    edits: (wb) => [
      {
        sheet: 'Disclosures',
        ref: `C${rowOf(D(wb), 'Right-of-use assets obtained in exchange for new operating lease liabilities')}`,
        value: (x) => x + 1,
      },
    ],
    fails: [/^Disclosures \(USD\): Year to date: .*every figure/],
  },
  {
    name: 'the weighted-average discount rate overwritten',
    edits: (wb) => [
      {
        sheet: 'Disclosures',
        ref: `B${rowOf(D(wb), 'Weighted-average discount rate, weighted by remaining undiscounted payments')}`,
        value: 0.05,
      },
    ],
    fails: [/^Disclosures \(USD\): weighted averages: every figure/],
  },
  {
    name: 'the weighted-average remaining lease term overwritten',
    edits: (wb) => [
      {
        sheet: 'Disclosures',
        ref: `B${rowOf(D(wb), 'Weighted-average remaining lease term (years), weighted by lease liability')}`,
        value: (x) => x + 0.5,
      },
    ],
    fails: [/^Disclosures \(USD\): weighted averages: every figure/],
  },
  {
    name: 'a Roll-Forward quarter row edited',
    edits: (wb) => {
      const rf = wb.get('Roll-Forward')!;
      const r = rowOf(rf, 'Quarter');
      const col = [...headerColumns(rf, 4).entries()].find(([h]) => h === 'Accretion / interest')![1];
      return [{ sheet: 'Roll-Forward', ref: `${col}${r}`, value: (x) => x + 100000 }];
    },
    fails: [/^Roll-Forward: every quarter and year row = its months/],
  },
];

/** Tie-Out check rows: [text, result]. */
function checks(wb: Map<string, ReadSheet>): [string, string][] {
  return tieOutChecks(wb.get('Tie-Out')!).map((c) => [c.check, c.result]);
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
  const quarterOut = join(dir, 'sample-quarter.xlsx');
  expect(await main(['run', input, '--out', quarterOut, '--period', 'quarter'], io)).toBe(0);
  const outs = await recalculate([output, quarterOut, ...copies]);
  generated = readWorkbook(outs[0]);
  quarter = readWorkbook(outs[1]);
  EDITS.forEach((e, k) => edited.set(e.name, readWorkbook(outs[k + 2])));
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

describe('the Disclosures', () => {
  it('hold no typed number: every numeric cell is a formula', () => {
    const d = generated.get('Disclosures')!;
    const numbers = [...d.entries()].filter(([, c]) => typeof c.value === 'number');
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter(([, c]) => c.formula === undefined)).toEqual([]);
  });

  it("recalculate to the engine's disclosure figures (balances, maturity, period figures, weighted averages)", () => {
    const d = generated.get('Disclosures')!;
    const f = disclosureFigures(leases, '2025-12-31', 12, { start: '2025-12-01', end: '2025-12-31', kind: 'month' });
    const cents = (ref: string) => Math.round(Number(d.get(ref)?.value ?? 0) * 100);
    const sum = (list: typeof f.atDate, pick: (a: (typeof f.atDate)[number]) => number, cls: string) =>
      list.filter((a) => a.classification === cls).reduce((s, a) => s + pick(a), 0);
    const bs = rowOf(d, 'Right-of-use assets');
    expect(cents(`B${bs}`)).toBe(sum(f.atDate, (a) => a.rou, 'operating'));
    expect(cents(`C${bs + 1}`)).toBe(sum(f.atDate, (a) => a.current, 'finance'));
    expect(cents(`E${bs + 2}`)).toBe(sum(f.atPriorYearEnd, (a) => a.nonCurrent, 'operating'));
    const fy26 = rowOf(d, 'FY2026');
    f.buckets.labels.forEach((_, k) => {
      expect(cents(`B${fy26 + k}`)).toBe(sum(f.atDate, (a) => a.buckets[k], 'operating'));
      expect(cents(`C${fy26 + k}`)).toBe(sum(f.atDate, (a) => a.buckets[k], 'finance'));
    });
    const prior = rowOf(d, 'FY2025', rowOf(d, 'Maturity of lease liabilities at 2024-12-31'));
    f.priorBuckets.labels.forEach((_, k) =>
      expect(cents(`B${prior + k}`)).toBe(sum(f.atPriorYearEnd, (a) => a.buckets[k], 'operating')),
    );
    const cost = rowOf(d, 'Operating lease cost');
    const cash = rowOf(d, '   Operating cash flows from operating leases');
    f.columns.forEach((c, k) => {
      const col = String.fromCharCode(66 + k);
      const p = c.figures.get('USD')!;
      expect([
        cents(`${col}${cost}`),
        cents(`${col}${cost + 1}`),
        cents(`${col}${cost + 2}`),
        cents(`${col}${cost + 3}`),
      ]).toEqual([p.operatingCost, p.financeAmortization, p.financeInterest, p.shortTermCost]);
      expect([cents(`${col}${cash}`), cents(`${col}${cash + 1}`), cents(`${col}${cash + 2}`)]).toEqual([
        p.operatingCash,
        p.financeInterestCash,
        p.financePrincipalCash,
      ]);
      expect([cents(`${col}${cash + 3}`), cents(`${col}${cash + 4}`)]).toEqual([
        p.rouObtainedOperating,
        p.rouObtainedFinance,
      ]);
    });
    const wa = rowOf(d, 'Weighted-average discount rate, weighted by remaining undiscounted payments');
    const w = weightedAverages(f.atDate.filter((a) => a.classification === 'operating'));
    expect(Number(d.get(`B${wa}`)?.value)).toBeCloseTo(w.rate, 12);
    expect(Number(d.get(`B${wa - 1}`)?.value)).toBeCloseTo(w.termYears, 12);
  });
});

describe('the quarter', () => {
  it('discloses three-month and year-to-date columns and their prior-year comparatives, each as the engine computes it', () => {
    const d = quarter.get('Disclosures')!;
    const f = disclosureFigures(leases, '2025-12-31', 12, { start: '2025-10-01', end: '2025-12-31', kind: 'quarter' });
    expect(f.columns.map((c) => c.label)).toEqual([
      'Three months',
      'Year to date',
      'Three months, prior year',
      'Year to date, prior year',
    ]);
    const header = rowOf(d, 'Lease cost');
    const cents = (ref: string) => Math.round(Number(d.get(ref)?.value ?? 0) * 100);
    f.columns.forEach((c, k) => {
      const col = String.fromCharCode(66 + k);
      expect(d.get(`${col}${header}`)?.value).toBe(c.label);
      const p = c.figures.get('USD')!;
      expect(cents(`${col}${header + 1}`)).toBe(p.operatingCost);
      expect(cents(`${col}${rowOf(d, '   Operating cash flows from operating leases')}`)).toBe(p.operatingCash);
    });
    const rows = checks(quarter);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
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
