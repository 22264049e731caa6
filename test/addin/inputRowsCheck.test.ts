/**
 * The add-in's path of the live input check (the in-memory Excel evaluates the Tie-Out's formulas as the workbook
 * changes): after Generate every check passes; typing over a LeasePayments, LeaseModifications or VariablePayments
 * cell FAILs that table's inputs check with its message, and typing the value back passes it again; a row added to a
 * table (Office.js `rows.add`, the table grows) FAILs its row count.
 */
import { MemoryExcel } from '../../src/office/memoryExcel';
import { readWorkbookTables } from '../../src/office/readTables';
import { createTemplate } from '../../src/office/templateWriter';
import { SAMPLE_PORTFOLIO } from '../../src/cli/samplePortfolio';
import type { PortfolioInput } from '../../src/engine/terms';
import { parseWhere } from '../../src/input/a1';
import { readPortfolio } from '../../src/input';
import { inputSheets } from '../../src/template';
import { generateWorkpapers } from '../../src/taskpane/workflow';
import { buildWorkpapers } from '../../src/workpapers';
import { hostOf } from '../support/host';

jest.setTimeout(120_000);

const CHANGED = 'Inputs changed since the workpapers were generated: generate again';

let excel: MemoryExcel;
let input: PortfolioInput;

/** The Tie-Out's checks as the workbook computes them now: [text, result]. */
function checks(): [string, string][] {
  const out: [string, string][] = [];
  for (let r = 6; typeof excel.cell('Tie-Out', `A${r}`).value === 'number'; r++) {
    out.push([String(excel.cell('Tie-Out', `B${r}`).value), String(excel.cell('Tie-Out', `G${r}`).value)]);
  }
  return out;
}

const failing = () => checks().filter(([, r]) => r !== 'PASS');

/** Types `value` over a recorded cell; returns a function typing its old value back. */
function typeOver(where: string, value: string): () => void {
  const p = parseWhere(where)!;
  const old = excel.cell(p.sheet, p.cell).value;
  excel.type(p.sheet, p.cell, value);
  return () => excel.type(p.sheet, p.cell, old === null ? '' : String(old));
}

beforeAll(async () => {
  excel = new MemoryExcel();
  excel.addSheet('Sheet1');
  await createTemplate(
    excel.run,
    inputSheets({
      ...SAMPLE_PORTFOLIO,
      variablePayments: [{ 'Lease ID': 'OFF-SF', Date: '2025-03-31', Amount: 1250.4, Description: 'CAM true-up' }],
      leaseModifications: [
        ...SAMPLE_PORTFOLIO.leaseModifications!,
        // Ended early without a payment: the Termination Payment is left blank (measured as 0.00).
        { 'Lease ID': 'GPU-003', 'Effective Date': '2026-07-01', Type: 'Termination' },
      ],
    }),
  );
  input = readPortfolio(await readWorkbookTables(excel.run)).input!;
  const outcome = await generateWorkpapers(hostOf(excel), {
    build: buildWorkpapers,
    isCancelled: () => false,
    onProgress: () => undefined,
  });
  expect(outcome.kind).toBe('done');
});

test('after Generate every check passes, the inputs checks of each table among them', () => {
  expect(failing()).toEqual([]);
  const texts = checks().map(([w]) => w);
  for (const table of ['LeasePayments', 'LeaseModifications', 'VariablePayments']) {
    expect(texts.some((w) => w.startsWith(`Inputs: every ${table} row used holds what was measured`))).toBe(true);
    expect(texts.some((w) => w.startsWith(`Inputs: ${table} holds the `))).toBe(true);
  }
});

test.each([
  [
    'a payment amount',
    () => input.leases.find((l) => l.id === 'EDGE-ROOF')!.irregularPayments[3].inputCells!.amount,
    '16000.5',
    `${CHANGED} (1 LeasePayments row changed, lease EDGE-ROOF)`,
  ],
  [
    "a payment's date moved into the next year",
    () => input.leases.find((l) => l.id === 'EDGE-ROOF')!.irregularPayments[2].inputCells!.date,
    '2026-01-15',
    `${CHANGED} (1 LeasePayments row changed, lease EDGE-ROOF)`,
  ],
  [
    "a modification's Scope Reduction %",
    () => input.modifications.find((m) => m.leaseId === 'COLO-IAD')!.inputCells!.scopeReduction,
    '30%',
    `${CHANGED} (1 LeaseModifications row changed, lease COLO-IAD)`,
  ],
  [
    "a modification's Type",
    () => input.modifications.find((m) => m.leaseId === 'OFF-SF')!.inputCells!.type,
    'Termination',
    `${CHANGED} (1 LeaseModifications row changed, lease OFF-SF)`,
  ],
  [
    'a variable payment amount',
    () => input.leases.find((l) => l.id === 'OFF-SF')!.variablePayments![0].inputCells!.amount,
    '1250.41',
    `${CHANGED} (1 VariablePayments row changed, lease OFF-SF)`,
  ],
  [
    "a variable payment's Lease ID",
    () => input.leases.find((l) => l.id === 'OFF-SF')!.variablePayments![0].inputCells!.id,
    'OFF-AUS',
    `${CHANGED} (1 VariablePayments row changed, lease OFF-SF)`,
  ],
])('typing over %s FAILs its table, typing it back passes', (_name, where, value, message) => {
  const restore = typeOver(where(), value);
  try {
    expect(failing()).toEqual([[message, 'FAIL']]);
  } finally {
    restore();
  }
  expect(failing()).toEqual([]);
});

test("a cell holding an error (as a deleted row's #REF! would) reads as changed: the messages still name the lease", async () => {
  const payment = parseWhere(input.leases.find((l) => l.id === 'EDGE-ROOF')!.irregularPayments[0].inputCells!.id)!;
  const lease = parseWhere(input.leases.find((l) => l.id === 'GPU-001')!.inputCells!.frequency)!;
  const before = [payment, lease].map((w) => excel.cell(w.sheet, w.cell).value);
  const write = (w: { sheet: string; cell: string }, f: string) =>
    excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
      range.numberFormat = [['General']];
      range.formulas = [[f]];
      await context.sync();
    });
  await write(payment, '=1/0');
  await write(lease, '=1/0');
  try {
    expect(excel.cell(lease.sheet, lease.cell).value).toBe('#DIV/0!');
    expect(failing()).toEqual([
      [`${CHANGED} (lease GPU-001)`, 'FAIL'],
      [`${CHANGED} (1 LeasePayments row changed, lease EDGE-ROOF)`, 'FAIL'],
    ]);
  } finally {
    await write(payment, String(before[0]));
    await write(lease, String(before[1]));
  }
  expect(failing()).toEqual([]);
});

test('a Termination Payment left blank may read 0; any other amount, or a blank Yes/No answered, FAILs', () => {
  const termination = input.modifications.find((m) => m.leaseId === 'GPU-003')!.inputCells!;
  expect(input.modifications.find((m) => m.leaseId === 'GPU-003')!.terminationPayment).toBe(0);
  let restore = typeOver(termination.terminationPayment, '0');
  expect(failing()).toEqual([]);
  restore();
  for (const [field, value] of [
    ['terminationPayment', '100'],
    ['purchaseOptionCertain', 'No'],
  ]) {
    restore = typeOver(termination[field], value);
    try {
      expect(failing()).toEqual([[`${CHANGED} (1 LeaseModifications row changed, lease GPU-003)`, 'FAIL']]);
    } finally {
      restore();
    }
  }
  expect(failing()).toEqual([]);
});

test('the same values in the forms the reader accepts (a Lease ID in lower case with spaces around it, an amount as text) still pass', () => {
  const p = input.leases.find((l) => l.id === 'EDGE-ROOF')!.irregularPayments[0].inputCells!;
  const restore = [typeOver(p.id, ' edge-roof '), typeOver(p.amount, "'15000.00")];
  try {
    expect(failing()).toEqual([]);
  } finally {
    restore.forEach((f) => f());
  }
});

test('a row added to LeasePayments (the table grows) FAILs its row count', async () => {
  await excel.run(async (context) => {
    const t = context.workbook.tables.getItem('LeasePayments');
    t.rows.add(undefined, [['EDGE-ROOF', '2026-10-01', 500]]);
    await context.sync();
  });
  expect(failing()).toEqual([
    [`${CHANGED} (LeasePayments has 6 rows now, 5 when generated: a row was added or removed)`, 'FAIL'],
  ]);
});
