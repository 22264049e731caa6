/**
 * Closing a month and the runs after it (CONTRACT 1.11, section 4 `close`), on the sample portfolio through the
 * command line (in process, real .xlsx files):
 * - close through 2025-06-30 records, per lease, exactly what the journal booked through that day;
 * - the bad close dates are refused (exit 1 at the Policies cell, exit 2 for a date that is not a month-end) and
 *   the input is never written;
 * - after a remeasurement dated 2025-04-01, a lease entered late and a corrected payment, the July 2025 run issues
 *   nothing dated in a closed month, books one catch-up line per affected account on 2025-07-01 equal to the
 *   difference of the two runs' cumulative figures (each derived here from the full-life journal of each run), leaves
 *   every other lease's lines as they were, and its change list names the lease with posted, new and difference.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { measurePortfolio, type LeaseResult } from '../../src/engine';
import { fromExcelSerial } from '../../src/engine/calendar/dates';
import { readPortfolio } from '../../src/input/portfolio';
import type { TableGrid } from '../../src/input/grid';
import {
  CLOSING_FIGURE_LABEL,
  CLOSING_FIGURES,
  DEBIT_SIGN,
  FIGURE_OF_ROLE,
  leaseClosing,
} from '../../src/workpapers/closing';
import { leaseJournal } from '../../src/workpapers/journal';
import { liabilityAt } from '../../src/workpapers/disclosureFigures';
import type { AccountRole } from '../../src/input/accountRoles';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { appendRow, day, editWorkbook, setCell } from '../support/tableEdit';

jest.setTimeout(120_000);

const SAMPLE = resolve(__dirname, '../../examples/sample-portfolio.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'lw-close-'));
const at = (name: string) => join(dir, name);
const CT = '2025-06-30';

function io(): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: { write: (s: string) => (o.out += s) },
    stderr: { write: (s: string) => (o.err += s) },
    now: () => new Date('2026-01-15T10:00:00Z'),
  };
  return o;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const x = io();
  const code = await main(argv, x);
  return { code, out: x.out, err: x.err };
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function tables(path: string) {
  return readTablesFromFile(path);
}

function table(ts: { tables: TableGrid[] }, name: string): TableGrid {
  const t = ts.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** A table's rows as records by header. */
function records(t: TableGrid): Record<string, string | number | boolean | null>[] {
  return t.rows
    .filter((r) => r.some((c) => c.value !== null && c.value !== ''))
    .map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]?.value ?? null])));
}

async function engine(path: string): Promise<Map<string, LeaseResult>> {
  const read = readPortfolio(await tables(path));
  if (!read.input) throw new Error(JSON.stringify(read.errors));
  const r = measurePortfolio(read.input);
  return new Map(r.leases.map((l) => [l.id, l]));
}

const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
/** Net debit per closing figure of a lease's full-life journal through `through`: what runs booked for those months. */
function bookedThrough(lease: LeaseResult | undefined, through: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lease ? leaseJournal(lease) : []) {
    if (l.date > through) continue;
    const f = FIGURE_OF_ROLE[l.role];
    m.set(f, (m.get(f) ?? 0) + l.debit - l.credit);
  }
  return m;
}

interface Line {
  entry: string;
  date: string;
  id: string;
  type: string;
  role: AccountRole;
  debit: number;
  credit: number;
  memo: string;
}

async function journal(path: string): Promise<Line[]> {
  return records(table(await tables(path), 'JournalEntries')).map((r) => ({
    entry: String(r['Entry No.']),
    date: fromExcelSerial(Number(r.Date)),
    id: String(r['Lease ID']),
    type: String(r['Entry Type']),
    role: String(r['Account Role']) as AccountRole,
    debit: cents(r.Debit),
    credit: cents(r.Credit),
    memo: String(r.Memo ?? ''),
  }));
}

const closed = at('closed.xlsx');
let inputHash = '';

beforeAll(async () => {
  inputHash = sha(SAMPLE);
  const r = await cli('close', SAMPLE, '--through', CT, '--out', closed);
  expect(r.code).toBe(0);
  expect(r.err.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '))).toEqual([]);
  expect(r.out).toContain(`Closed through ${CT}: 15 leases recorded in PostedBalances`);
});

describe('close: recording a closed month', () => {
  it('records, per lease, what the journal booked through the month-end, and Closed Through in Policies', async () => {
    expect(sha(SAMPLE)).toBe(inputHash); // the input is never written
    const ts = await tables(closed);
    const posted = records(table(ts, 'PostedBalances'));
    const leases = await engine(SAMPLE);
    expect(posted.map((p) => p['Lease ID']).sort()).toEqual([...leases.keys()].sort());
    for (const p of posted) {
      const lease = leases.get(String(p['Lease ID']))!;
      expect(fromExcelSerial(Number(p.Through))).toBe(CT);
      const booked = bookedThrough(lease, CT);
      for (const k of CLOSING_FIGURES) {
        // The journal's net debit on the account, in the figure's sign.
        const expected = DEBIT_SIGN[k] * (booked.get(k) ?? 0) || 0;
        expect([lease.id, k, cents(p[CLOSING_FIGURE_LABEL[k]])]).toEqual([lease.id, k, expected]);
      }
    }
    const policies = records(table(ts, 'Policies'));
    const row = policies.find((p) => p.Setting === 'Closed Through');
    expect(fromExcelSerial(Number(row?.Value))).toBe(CT);
    const read = readPortfolio(ts);
    expect(read.errors).toEqual([]);
    expect(read.input?.policies.closedThrough).toBe(CT);
  });

  it('refuses a month before the last one closed, one after the Reporting Date, and a date that is not a month-end', async () => {
    const earlier = await cli('close', closed, '--through', '2025-05-31', '--out', at('x1.xlsx'));
    expect(earlier.code).toBe(1);
    expect(earlier.err).toMatch(
      /^Policies!B\d+: Cannot close 2025-05-31: months through 2025-06-30 are already closed/,
    );
    const later = await cli('close', closed, '--through', '2026-01-31', '--out', at('x2.xlsx'));
    expect(later.code).toBe(1);
    expect(later.err).toContain('Policies!B9: Cannot close 2026-01-31: it is after the Reporting Date 2025-12-31');
    const notMonthEnd = await cli('close', closed, '--through', '2025-07-15', '--out', at('x3.xlsx'));
    expect(notMonthEnd.code).toBe(2);
    expect(notMonthEnd.err).toContain('--through 2025-07-15 is not a month-end (such as 2025-07-31)');
    const notDate = await cli('close', closed, '--through', 'June', '--out', at('x4.xlsx'));
    expect(notDate.code).toBe(2);
    for (const f of ['x1.xlsx', 'x2.xlsx', 'x3.xlsx', 'x4.xlsx']) expect(existsSync(at(f))).toBe(false);
  });

  it('re-closing the same month records the same figures when nothing changed, and is refused when something did', async () => {
    const again = await cli('close', closed, '--through', CT, '--out', at('again.xlsx'));
    expect(again.code).toBe(0);
    const changed = at('changed.xlsx');
    await editWorkbook(closed, changed, (wb) => setCell(wb, 'Leases', 'VEH-003', 'Payment', 910));
    const refused = await cli('close', changed, '--through', CT, '--out', at('x5.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Cannot close 2025-06-30 again: .* differ from those posted for VEH-003/);
  });
});

/** The three ways closed figures change, each run for July 2025 after the close. */
const SCENARIOS: { name: string; lease: string; edit: Parameters<typeof editWorkbook>[2] }[] = [
  {
    name: 'a remeasurement dated 2025-04-01',
    lease: 'GPU-001',
    edit: (wb) =>
      appendRow(wb, 'LeaseModifications', {
        'Lease ID': 'GPU-001',
        'Effective Date': day('2025-04-01'),
        Type: 'Remeasurement',
        'New Payment': 250000,
        'New Discount Rate': 0.07,
      }),
  },
  {
    name: 'a lease entered late',
    lease: 'LATE-001',
    edit: (wb) =>
      appendRow(wb, 'Leases', {
        'Lease ID': 'LATE-001',
        Description: 'Warehouse signed in March, entered in July',
        Entity: 'Parent Co',
        'Commencement Date': day('2025-03-01'),
        'Term (Months)': 36,
        Payment: 5000,
        Frequency: 'Monthly',
        Timing: 'Advance',
        'Discount Rate': 0.06,
      }),
  },
  {
    name: 'a corrected payment',
    lease: 'VEH-003',
    edit: (wb) => setCell(wb, 'Leases', 'VEH-003', 'Payment', 910),
  },
];

describe.each(SCENARIOS)('a run for July 2025 after the close, with $name', ({ name, lease, edit }) => {
  const file = at(`${lease}.xlsx`);
  const base = at(`${lease}-base.xlsx`);
  const out = at(`${lease}-run.xlsx`);
  const json = at(`${lease}-run.json`);
  let before: Map<string, LeaseResult>;
  let after: Map<string, LeaseResult>;
  let baseLines: Line[];
  let lines: Line[];

  beforeAll(async () => {
    await editWorkbook(closed, file, edit);
    const r0 = await cli('run', closed, '--out', base, '--reporting-date', '2025-07-31');
    const r1 = await cli('run', file, '--out', out, '--reporting-date', '2025-07-31', '--json', json);
    // Warnings (the sample's own, CONTRACT 1.10) may be printed; nothing else may.
    const notWarnings = (err: string) => err.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
    expect([r0.code, notWarnings(r0.err), r1.code, notWarnings(r1.err)]).toEqual([0, [], 0, []]);
    before = await engine(SAMPLE);
    after = await engine(file);
    baseLines = await journal(base);
    lines = await journal(out);
  });

  it('flags the catch-up lines in the JSON export, whose period states Closed Through', () => {
    const exported = JSON.parse(readFileSync(json, 'utf8')) as {
      period: { closedThrough: string | null };
      journal: { date: string; leaseId: string; debit: string; credit: string; catchUp: boolean }[];
    };
    expect(exported.period.closedThrough).toBe(CT);
    const flagged = exported.journal.filter((l) => l.catchUp);
    expect(flagged.map((l) => [l.date, l.leaseId, cents(l.debit), cents(l.credit)])).toEqual(
      lines.filter((l) => l.type === 'Catch-up').map((l) => [l.date, l.id, l.debit, l.credit]),
    );
    expect(exported.journal.filter((l) => !l.catchUp && l.date <= CT)).toEqual([]);
  });

  it('issues nothing dated in a closed month', () => {
    expect(lines.filter((l) => l.date <= CT)).toEqual([]);
    expect(baseLines.filter((l) => l.date <= CT)).toEqual([]);
  });

  it('books one catch-up line per affected account on 2025-07-01, equal to the difference of the two runs', () => {
    const catchUps = lines.filter((l) => l.type === 'Catch-up');
    expect(new Set(catchUps.map((l) => l.id))).toEqual(new Set([lease]));
    expect(new Set(catchUps.map((l) => l.date))).toEqual(new Set(['2025-07-01']));
    const was = bookedThrough(before.get(lease), CT);
    const now = bookedThrough(after.get(lease), CT);
    const expected = new Map<string, number>();
    for (const k of new Set([...was.keys(), ...now.keys()])) {
      const d = (now.get(k) ?? 0) - (was.get(k) ?? 0);
      if (d !== 0) expected.set(k, d);
    }
    expect(expected.size).toBeGreaterThan(1);
    expect(new Set(catchUps.map((l) => l.role)).size).toBe(catchUps.length); // one line per account
    const got = new Map<string, number>();
    for (const l of catchUps) {
      const k = FIGURE_OF_ROLE[l.role] as string;
      got.set(k, (got.get(k) ?? 0) + l.debit - l.credit);
    }
    expect(got).toEqual(expected);
    // The liability's change is split: the change of its current portion at Closed Through on the current account
    // (the month-end reclass carries on from the recomputed portion), the rest on non-current.
    const currentAt = (l: LeaseResult | undefined) => (l ? (liabilityAt(l.months, CT)?.current ?? 0) : 0);
    const currentLine = catchUps.filter((l) => / liability current$/.test(l.role));
    expect(currentLine.reduce((s, l) => s + l.credit - l.debit, 0)).toBe(
      currentAt(after.get(lease)) - currentAt(before.get(lease)),
    );
    // The catch-up balances, and the base run (nothing changed) has none.
    expect(catchUps.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    expect(baseLines.filter((l) => l.type === 'Catch-up')).toEqual([]);
  });

  it('leaves every other lease as it was, and books the changed lease after the close as now computed', () => {
    // Entry numbers are stable too: every other lease's lines are exactly the base run's.
    expect(lines.filter((l) => l.id !== lease)).toEqual(baseLines.filter((l) => l.id !== lease));
    const open = lines.filter((l) => l.id === lease && l.type !== 'Catch-up');
    const engineOpen = leaseJournal(
      after.get(lease)!,
      { from: '2025-07-01', to: '2025-07-31' },
      { accumulatedAmortization: true },
    );
    expect(open.map((l) => [l.date, l.role, l.debit, l.credit])).toEqual(
      engineOpen.map((l) => [l.date, l.role, l.debit, l.credit]),
    );
  });

  it(`names the lease in the change list with posted, new and difference (${name})`, async () => {
    const ts = await tables(out);
    // The run keeps the close as recorded: PostedBalances is copied, never rewritten.
    expect(records(table(ts, 'PostedBalances'))).toEqual(records(table(await tables(closed), 'PostedBalances')));
    const changes = records(table(ts, 'CatchUpChanges'));
    expect(new Set(changes.map((c) => c['Lease ID']))).toEqual(new Set([lease]));
    const now = leaseClosing(after.get(lease)!, CT).figures;
    const was = before.get(lease) ? leaseClosing(before.get(lease)!, CT).figures : null;
    for (const c of changes) {
      const k = CLOSING_FIGURES.find((f) => CLOSING_FIGURE_LABEL[f] === c['Account Role'])!;
      expect(cents(c.Recomputed)).toBe(now[k]);
      expect(now[k] - (was?.[k] ?? 0)).not.toBe(0);
    }
    expect(changes.length).toBe(CLOSING_FIGURES.filter((k) => now[k] !== (was?.[k] ?? 0)).length);
  });
});

describe('closing the next month, then reporting a quarter that spans it', () => {
  const changed = at('next-changed.xlsx');
  const july = at('next-july.xlsx');
  const closedJuly = at('next-closed-july.xlsx');
  const q3 = at('next-q3.xlsx');

  beforeAll(async () => {
    await editWorkbook(closed, changed, SCENARIOS[0].edit);
    expect((await cli('run', changed, '--out', july, '--reporting-date', '2025-07-31')).code).toBe(0);
    // The July run's workbook (its workpapers included) is closed through July: the catch-up was booked in July.
    const r = await cli('close', july, '--through', '2025-07-31', '--out', closedJuly);
    expect(r.code).toBe(0);
    expect(
      (await cli('run', closedJuly, '--out', q3, '--reporting-date', '2025-09-30', '--period', 'quarter')).code,
    ).toBe(0);
  });

  it('records the figures recomputed through July, and refuses June now', async () => {
    const posted = records(table(await tables(closedJuly), 'PostedBalances'));
    const now = await engine(changed);
    for (const p of posted) {
      const figures = leaseClosing(now.get(String(p['Lease ID']))!, '2025-07-31').figures;
      expect([p['Lease ID'], cents(p['Lease Liability']), cents(p['ROU Asset'])]).toEqual([
        p['Lease ID'],
        figures.leaseLiability,
        figures.rouAsset,
      ]);
    }
    const refused = await cli('close', closedJuly, '--through', CT, '--out', at('x6.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('months through 2025-07-31 are already closed');
    // The close copied the July workpapers as they were.
    expect(records(table(await tables(closedJuly), 'JournalEntries'))).toEqual(
      records(table(await tables(july), 'JournalEntries')),
    );
  });

  it('the quarter carries August and September only, with no catch-up (nothing changed since the close)', async () => {
    const lines = await journal(q3);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.date <= '2025-07-31')).toEqual([]);
    expect(lines.filter((l) => l.type === 'Catch-up')).toEqual([]);
    expect(records(table(await tables(q3), 'CatchUpChanges'))).toEqual([]);
  });
});
