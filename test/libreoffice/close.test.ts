/**
 * A closed-and-caught-up workbook recalculated by LibreOffice from its formulas alone (CONTRACT 1.11): the sample
 * portfolio closed through 2025-06-30, then a remeasurement dated 2025-04-01 (GPU-001), a lease entered late
 * (LATE-001) and a corrected payment (VEH-003), run for July 2025. Every Tie-Out row must say PASS, the closing
 * checks among them, and the Catch-Ups sheet's change list and totals too; a catch-up line changed by 1.00 in the
 * journal must turn exactly the closing checks that read it to FAIL. Then July is closed in its turn and the fiscal
 * quarter July to September reported, and the closed June reported again: every Tie-Out row must still say PASS.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { readWorkbook, recalculate, type ReadSheet, tieOutChecks } from '../support/libreoffice';
import { appendRow, day, editWorkbook, setCell } from '../support/tableEdit';
import { editNumber } from '../support/xlsxEdit';
import { columnLetters, parseCell } from '../../src/input/a1';

jest.setTimeout(600_000);

const SAMPLE = resolve(__dirname, '../../examples/sample-portfolio.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'lw-lo-close-'));
const at = (n: string) => join(dir, n);

async function cli(...argv: string[]): Promise<number> {
  let err = '';
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    now: () => new Date('2026-01-15T10:00:00Z'),
  };
  const code = await main(argv, io);
  if (code !== 0) throw new Error(err);
  return code;
}

/** Tie-Out check rows: [check text, result]. */
function tieOutRows(t: ReadSheet): [string, string][] {
  return tieOutChecks(t).map((c) => [c.check, c.result]);
}

let good: Map<string, ReadSheet>;
let bad: Map<string, ReadSheet>;
let spanning: Map<string, ReadSheet>;
let juneAgain: Map<string, ReadSheet>;

beforeAll(async () => {
  const closed = at('closed.xlsx');
  await cli('close', SAMPLE, '--through', '2025-06-30', '--out', closed);
  const changed = at('changed.xlsx');
  await editWorkbook(closed, changed, (wb) => {
    appendRow(wb, 'LeaseModifications', {
      'Lease ID': 'GPU-001',
      'Effective Date': day('2025-04-01'),
      Type: 'Remeasurement',
      'New Payment': 250000,
    });
    appendRow(wb, 'Leases', {
      'Lease ID': 'LATE-001',
      Entity: 'Parent Co',
      'Commencement Date': day('2025-03-01'),
      'Term (Months)': 36,
      Payment: 5000,
      'Discount Rate': 0.06,
    });
    setCell(wb, 'Leases', 'VEH-003', 'Payment', 910);
  });
  const out = at('caught-up.xlsx');
  await cli('run', changed, '--out', out, '--reporting-date', '2025-07-31');
  // The first catch-up line with a debit, changed by 1.00.
  const journal = (await readTablesFromFile(out)).tables.find((t) => t.name === 'JournalEntries')!;
  const type = journal.headers.indexOf('Entry Type');
  const debit = journal.headers.indexOf('Debit');
  const i = journal.rows.findIndex((r) => r[type].value === 'Catch-up' && typeof r[debit].value === 'number');
  expect(i).toBeGreaterThanOrEqual(0);
  // The detail table sits below the period's summary: its cell from the table's own top-left.
  const top = parseCell(journal.topLeft);
  const cell = `${columnLetters(top.col + debit)}${top.row + 1 + i}`;
  const corrupt = at('caught-up-corrupt.xlsx');
  await editNumber(out, corrupt, 'Journal Entries', cell, (x) => x + 1);
  // July closed in its turn, then a fiscal quarter (July to September) that spans the closed July.
  const closedJuly = at('closed-july.xlsx');
  await cli('close', out, '--through', '2025-07-31', '--out', closedJuly);
  const quarter = at('quarter.xlsx');
  await cli('run', closedJuly, '--out', quarter, '--reporting-date', '2025-09-30', '--period', 'quarter');
  // The closed month reported again: nothing is issued for it, and the workpapers still tie.
  const june = at('june-again.xlsx');
  await cli('run', closed, '--out', june, '--reporting-date', '2025-06-30');
  const [g, b, q, j] = await recalculate([out, corrupt, quarter, june]);
  juneAgain = readWorkbook(j);
  good = readWorkbook(g);
  bad = readWorkbook(b);
  spanning = readWorkbook(q);
});

describe('a closed-and-caught-up workbook recalculated by LibreOffice', () => {
  it('every Tie-Out row says PASS, the closing checks among them', () => {
    const rows = tieOutRows(good.get('Tie-Out')!);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(good.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
    const closing = rows.filter(([w]) => /Closed months unchanged|Catch-up = recomputed/.test(w));
    expect(closing.length).toBeGreaterThanOrEqual(2 + 15);
    // Every check reads as words: the all-leases rows name their account, none shows a formula's text.
    expect(rows.filter(([w]) => w.startsWith('=') || w.includes('!$'))).toEqual([]);
    const accounts = rows.filter(([w]) => w.startsWith('Catch-up = recomputed - posted, all leases: '));
    expect(accounts.length).toBeGreaterThanOrEqual(15);
    for (const [w] of accounts) expect(w).toMatch(/all leases: [A-Za-z]/);
  });

  it('the change list names the three leases and every row and total says PASS', () => {
    const c = good.get('Catch-Ups')!;
    const cells = [...c.entries()];
    const ids = new Set(cells.filter(([a]) => /^A\d+$/.test(a)).map(([, x]) => x.value));
    for (const id of ['GPU-001', 'LATE-001', 'VEH-003']) expect(ids.has(id)).toBe(true);
    const results = cells.filter(([a, x]) => /^I\d+$/.test(a) && x.formula !== undefined).map(([, x]) => x.value);
    expect(results.length).toBeGreaterThan(13);
    expect(results.filter((v) => v !== 'PASS')).toEqual([]);
  });

  it('a catch-up line changed by 1.00 turns the checks that read it to FAIL, and only those', () => {
    const rows = tieOutRows(bad.get('Tie-Out')!);
    const failed = rows.filter(([, r]) => r !== 'PASS').map(([w]) => w);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.some((w) => w.startsWith('Catch-up = recomputed cumulative - posted cumulative, per lease'))).toBe(
      true,
    );
    expect(failed.filter((w) => !/Catch-up = recomputed|Journal/.test(w))).toEqual([]);
  });

  it('a quarter spanning a closed month (July closed, July to September reported) ties: every Tie-Out row PASS', () => {
    const rows = tieOutRows(spanning.get('Tie-Out')!);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(rows.some(([w]) => w.startsWith('Closed months unchanged'))).toBe(true);
    expect(spanning.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
  });

  it('the closed month reported again issues no entry and every Tie-Out row says PASS', () => {
    const rows = tieOutRows(juneAgain.get('Tie-Out')!);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
    const closedRow = rows.find(([w]) => w.startsWith('Closed months unchanged'));
    expect(closedRow?.[1]).toBe('PASS');
  });
});
