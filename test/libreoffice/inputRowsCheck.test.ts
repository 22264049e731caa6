/**
 * The live input check over LeasePayments, LeaseModifications and VariablePayments, recalculated by LibreOffice from
 * the formulas alone: the workpapers of a portfolio with rows in each table pass every Tie-Out row; a copy edited
 * after generating (as an accountant might: a payment's amount, a payment re-dated into the next year, a
 * modification's date or rate, a variable payment's amount, a value typed into a blank modification cell, a payment
 * row or a lease added) FAILs the inputs check of that table with its message; an unchanged copy still passes.
 * All copies are recalculated in one soffice run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { SAMPLE_PORTFOLIO } from '../../src/cli/samplePortfolio';
import type { PortfolioInput } from '../../src/engine/terms';
import { parseWhere } from '../../src/input/a1';
import { readPortfolio } from '../../src/input/portfolio';
import { inputSheets, type InputContent } from '../../src/template';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { writePlan } from '../../src/xlsx/writePlan';
import { readWorkbook, recalculate, type ReadSheet, tieOutChecks } from '../support/libreoffice';
import { appendRow, day, editWorkbook } from '../support/tableEdit';
import { editCells, type CellEdit } from '../support/xlsxEdit';
import { quietIo } from '../support/cliInProcess';

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'input-rows-'));
const io = quietIo();

/** The sample portfolio with variable payments on two leases (CAM reconciliations, a credit among them). */
const CONTENT: InputContent = {
  ...SAMPLE_PORTFOLIO,
  variablePayments: [
    { 'Lease ID': 'OFF-SF', Date: '2025-03-31', Amount: 1250.4, Description: 'CAM true-up' },
    { 'Lease ID': 'GPU-001', Date: '2025-06-30', Amount: 310, Description: 'Power overage' },
    { 'Lease ID': 'OFF-SF', Date: '2025-12-31', Amount: -200.15, Description: 'CAM credit' },
  ],
};

const LEASES = SAMPLE_PORTFOLIO.leases.length;
let portfolio: PortfolioInput;
let output: string;
let generated: Map<string, ReadSheet>;
const edited = new Map<string, Map<string, ReadSheet>>();

/** A recorded cell as an edit target. */
function target(where: string | undefined): { sheet: string; ref: string } {
  const p = parseWhere(where!)!;
  return { sheet: p.sheet, ref: p.cell };
}

const payment = (k: number) => portfolio.leases.find((l) => l.id === 'EDGE-ROOF')!.irregularPayments[k].inputCells!;
const modification = (id: string) => portfolio.modifications.find((m) => m.leaseId === id)!.inputCells!;
const variable = (id: string, k: number) => portfolio.leases.find((l) => l.id === id)!.variablePayments![k].inputCells!;

const CHANGED = 'Inputs changed since the workpapers were generated: generate again';

/** Each edit: a name, the cells it changes (or a change through exceljs), the Tie-Out rows that must FAIL. */
interface EditSpec {
  name: string;
  cells?: () => CellEdit[];
  workbook?: Parameters<typeof editWorkbook>[2];
  fails: RegExp[];
}

const esc = (s: string) => s.replace(/[()]/g, '\\$&');

const EDITS: EditSpec[] = [
  {
    name: 'a payment amount',
    cells: () => [{ ...target(payment(2).amount), value: (x) => x + 0.02 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 LeasePayments row changed, lease EDGE-ROOF\\)$`)],
  },
  {
    name: "a payment's date moved into the next year",
    cells: () => [{ ...target(payment(1).date), value: (x) => x + 184 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 LeasePayments row changed, lease EDGE-ROOF\\)$`)],
  },
  {
    name: "a modification's Effective Date",
    cells: () => [{ ...target(modification('OFF-SF').effectiveDate), value: (x) => x + 31 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 LeaseModifications row changed, lease OFF-SF\\)$`)],
  },
  {
    name: "a modification's New Discount Rate",
    cells: () => [{ ...target(modification('OFF-SF').newDiscountRate), value: 0.07 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 LeaseModifications row changed, lease OFF-SF\\)$`)],
  },
  {
    name: "a value typed into a modification's blank New Payment",
    cells: () => [{ ...target(modification('OFF-SF').newPayment), value: 90000 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 LeaseModifications row changed, lease OFF-SF\\)$`)],
  },
  {
    name: 'a variable payment amount',
    cells: () => [{ ...target(variable('OFF-SF', 1).amount), value: -250.15 }],
    fails: [new RegExp(`^${esc(CHANGED)} \\(1 VariablePayments row changed, lease OFF-SF\\)$`)],
  },
  {
    name: 'two payments of one lease and a variable payment of another',
    cells: () => [
      { ...target(payment(0).amount), value: 1 },
      { ...target(payment(4).amount), value: 1 },
      { ...target(variable('GPU-001', 0).amount), value: 1 },
    ],
    fails: [
      new RegExp(`^${esc(CHANGED)} \\(2 LeasePayments rows changed, lease EDGE-ROOF\\)$`),
      new RegExp(`^${esc(CHANGED)} \\(1 VariablePayments row changed, lease GPU-001\\)$`),
    ],
  },
  {
    name: 'a payment row added (the table grows, as Excel grows it)',
    workbook: (wb) => appendRow(wb, 'LeasePayments', { 'Lease ID': 'EDGE-ROOF', Date: day('2026-10-01'), Amount: 500 }),
    fails: [
      new RegExp(`^${esc(CHANGED)} \\(LeasePayments has 6 rows now, 5 when generated: a row was added or removed\\)$`),
    ],
  },
  {
    name: 'a variable payment row added',
    workbook: (wb) => appendRow(wb, 'VariablePayments', { 'Lease ID': 'GPU-002', Date: day('2025-08-31'), Amount: 75 }),
    fails: [/^Inputs changed .* \(VariablePayments has 4 rows now, 3 when generated: a row was added or removed\)$/],
  },
  {
    name: 'a lease added',
    workbook: (wb) =>
      appendRow(wb, 'Leases', {
        'Lease ID': 'NEW-001',
        'Commencement Date': day('2025-06-01'),
        'Term (Months)': 24,
        Payment: 1000,
        'Discount Rate': 0.05,
      }),
    fails: [
      new RegExp(
        `^${esc(CHANGED)} \\(Leases has ${LEASES + 1} leases now, ${LEASES} when generated: a lease was added or removed\\)$`,
      ),
    ],
  },
];

/** Tie-Out check rows: [text, result]. */
function checks(wb: Map<string, ReadSheet>): [string, string][] {
  return tieOutChecks(wb.get('Tie-Out')!).map((c) => [c.check, c.result]);
}

beforeAll(async () => {
  const input = join(dir, 'portfolio.xlsx');
  await writePlan(null, { sheets: inputSheets(CONTENT) }, input);
  output = join(dir, 'workpapers.xlsx');
  expect(await main(['run', input, '--out', output], io)).toBe(0);
  const read = readPortfolio(await readTablesFromFile(input));
  expect(read.errors).toEqual([]);
  portfolio = read.input!;
  const copies: string[] = [];
  for (const [k, e] of EDITS.entries()) {
    const copy = join(dir, `edit-${k}.xlsx`);
    if (e.cells) await editCells(output, copy, e.cells());
    else await editWorkbook(output, copy, e.workbook!);
    copies.push(copy);
  }
  // An unchanged copy through the same exceljs round trip as the added rows.
  const untouched = join(dir, 'untouched.xlsx');
  await editWorkbook(output, untouched, () => undefined);
  const outs = await recalculate([output, untouched, ...copies]);
  generated = readWorkbook(outs[0]);
  edited.set('untouched', readWorkbook(outs[1]));
  EDITS.forEach((e, k) => edited.set(e.name, readWorkbook(outs[k + 2])));
});

describe('the generated workbook, recalculated', () => {
  it('passes every Tie-Out row, the checks of every input table among them', () => {
    const rows = checks(generated);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(generated.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
    const texts = rows.map(([w]) => w);
    for (const table of ['LeasePayments', 'LeaseModifications', 'VariablePayments']) {
      expect(texts).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(`^Inputs: every ${table} row used holds what was measured \\(column [A-Z]+\\)$`),
          ),
          expect.stringMatching(new RegExp(`^Inputs: ${table} holds the \\d+ rows the workpapers were generated from`)),
        ]),
      );
    }
    expect(texts).toContain(
      `Inputs: Leases holds the ${LEASES} leases the workpapers were generated from, none added or removed since`,
    );
  });

  it('counts every row of the three tables as checked and as used', () => {
    const rows = checks(generated);
    const t = generated.get('Tie-Out')!;
    const figures = (re: RegExp) => {
      const k = rows.findIndex(([w]) => re.test(w));
      return [t.get(`D${6 + k}`)?.value, t.get(`E${6 + k}`)?.value];
    };
    expect(figures(/^Inputs: every LeasePayments row/)).toEqual([5, 5]);
    expect(figures(/^Inputs: every LeaseModifications row/)).toEqual([2, 2]);
    expect(figures(/^Inputs: every VariablePayments row/)).toEqual([3, 3]);
    expect(figures(/^Inputs: LeasePayments holds/)).toEqual([5, 5]);
  });

  it('still passes every row after a round trip that changes nothing', () => {
    expect(checks(edited.get('untouched')!).filter(([, r]) => r !== 'PASS')).toEqual([]);
  });
});

describe.each(EDITS.map((e) => [e.name, e] as const))('edited after generating: %s', (name, spec) => {
  it("FAILs the table's inputs check with its message, and only inputs checks", () => {
    const rows = checks(edited.get(name)!);
    const failing = rows.filter(([, r]) => r === 'FAIL').map(([w]) => w);
    for (const re of spec.fails) expect(failing).toEqual(expect.arrayContaining([expect.stringMatching(re)]));
    expect(failing.filter((w) => !w.startsWith(CHANGED))).toEqual([]);
    expect(failing).toHaveLength(spec.fails.length);
    expect(edited.get(name)!.get('Tie-Out')!.get('D3')?.value).toBe('FAIL');
  });
});
