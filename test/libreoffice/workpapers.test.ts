/**
 * The workpapers recalculated by LibreOffice from their formulas alone: the sample portfolio and the published
 * examples (E1 + E3, E19 + E20) and a portfolio with every kind of modification (once per Partial Termination
 * Method) written by the command line, plus deliberately corrupted copies, in one soffice run. Every formula cell of the schedules must equal the engine's figure to the cent, every Tie-Out row must say
 * PASS, and each corruption must turn exactly the matching Tie-Out rows to FAIL. Screenshots of the output sheets
 * go to test-artifacts/screenshots.
 */
import { columnNumber } from '../../src/input/a1';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { measurePortfolio, type LeaseResult } from '../../src/engine';
import { readPortfolio } from '../../src/input/portfolio';
import { inputSheets, type InputContent } from '../../src/template';
import { buildWorkpapers } from '../../src/workpapers';
import { disclosureFigures } from '../../src/workpapers/disclosureFigures';
import { chartOfAccounts } from '../../src/input/accountRoles';
import { resolveReportingPeriod } from '../../src/workpapers/reportingPeriod';
import { periodJournal } from '../../src/workpapers/periodJournal';
import { SC, schedulesLayout, LIVE_FIGURES } from '../../src/workpapers/sheets/schedules';
import { journalLayout } from '../../src/workpapers/sheets/journalSheet';
import type { PortfolioInput } from '../../src/engine/terms';
import { readTablesFromFile } from '../../src/xlsx/readTables';
import { writePlan } from '../../src/xlsx/writePlan';
import { columnLetters, readWorkbook, recalculate, type ReadSheet, tieOutChecks } from '../support/libreoffice';
import { editNumber } from '../support/xlsxEdit';
import { screenshots } from '../support/screenshots';
import { META } from '../workpapers/support';
import { quietIo } from '../support/cliInProcess';

jest.setTimeout(600_000);

const EXAMPLES_A: InputContent = {
  leases: [
    {
      'Lease ID': 'E1',
      Description: '+PwC 4-2 imaging equipment',
      Entity: '-Parent',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 60,
      Payment: 1100,
      Frequency: 'Annual',
      Timing: 'Advance',
      'Discount Rate': 0.07,
      'Useful Life (Months)': 72,
      'Fair Value': 5000,
    },
    {
      'Lease ID': 'E3',
      Description: '@PwC 4-4 automobile',
      Entity: '=1+1',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 36,
      Payment: 500,
      Frequency: 'Monthly',
      Timing: 'Advance',
      'Discount Rate': 0.06,
      'Useful Life (Months)': 72,
      'Fair Value': 30000,
    },
    {
      // Constructed so that a spreadsheet's ROUND(base x rate, 2) misses the engine's exact half-up by a cent:
      // 18,890,410.97 x 0.01234567 / 12 = 19,434.5649999999...; the Rounding adj. of -0.01 puts it right.
      'Lease ID': 'HALF',
      Description: 'Rounding adjustment demonstration',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 2,
      Payment: 0,
      'Discount Rate': 0.01234567,
      Classification: 'Operating',
    },
  ],
  leasePayments: [{ 'Lease ID': 'HALF', Date: '2029-02-15', Amount: 18929300.09 }],
  policies: { 'Reporting Date': '2029-12-31' },
};

const EXAMPLES_B: InputContent = {
  leases: [
    {
      'Lease ID': 'E19',
      Description: 'EZLease office, $5,000 then $6,000 a month',
      'Commencement Date': '2022-01-01',
      'Term (Months)': 120,
      Payment: 0,
      'Discount Rate': 0.04,
    },
    {
      'Lease ID': 'E20',
      Description: 'EZLease copier (lease component $209)',
      'Commencement Date': '2022-07-01',
      'Term (Months)': 36,
      Payment: 209,
      'Discount Rate': 0.04,
    },
  ],
  leasePayments: Array.from({ length: 120 }, (_, k) => ({
    'Lease ID': 'E19',
    Date: `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`,
    Amount: k < 60 ? 5000 : 6000,
  })),
  policies: { 'Reporting Date': '2022-12-31' },
};

/**
 * Every kind of modification (CONTRACT 1.10): remeasurements with a new term, a new payment and a new rate, a partial
 * termination, a termination with a payment, the impairment of an operating lease and a finance lease reclassified
 * operating. Written twice, once per Partial Termination Method.
 */
const base = { 'Commencement Date': '2025-01-01', 'Discount Rate': 0.05 };
const MODIFICATIONS: InputContent = {
  leases: [
    { ...base, 'Lease ID': 'M-TERM', 'Term (Months)': 60, Payment: 1000 },
    { ...base, 'Lease ID': 'M-PAY', 'Term (Months)': 48, Payment: 800, Timing: 'Arrears', 'Annual Escalation': 0.03 },
    { ...base, 'Lease ID': 'M-RATE', 'Term (Months)': 60, Payment: 3000, Frequency: 'Quarterly' },
    { ...base, 'Lease ID': 'M-PART', 'Term (Months)': 60, Payment: 2000, 'Initial Direct Costs': 1500 },
    { ...base, 'Lease ID': 'M-END', 'Term (Months)': 60, Payment: 1500 },
    { ...base, 'Lease ID': 'M-IMP', 'Term (Months)': 60, Payment: 1200 },
    { ...base, 'Lease ID': 'M-FIN', 'Term (Months)': 48, Payment: 900, 'Useful Life (Months)': 48 },
    // CONTRACT 1.7 v4: a specialized asset whose life ends before the term; an incentive paid at a modification; an
    // impairment at a quarter-end inside a lease month (CONTRACT 1.10 v4); variable lease payments (CONTRACT 2).
    {
      ...base,
      'Lease ID': 'M-LIFE',
      'Term (Months)': 60,
      Payment: 700,
      'Specialized Asset': 'Yes',
      'Useful Life (Months)': 48,
    },
    { ...base, 'Lease ID': 'M-INC', 'Term (Months)': 60, Payment: 1300 },
    { ...base, 'Lease ID': 'M-QTR', 'Commencement Date': '2025-01-15', 'Term (Months)': 36, Payment: 600 },
  ],
  variablePayments: [
    { 'Lease ID': 'M-TERM', Date: '2025-03-10', Amount: 210.55, Description: 'CAM' },
    { 'Lease ID': 'M-QTR', Date: '2026-06-30', Amount: -12.5, Description: 'CAM credit' },
  ],
  leaseModifications: [
    { 'Lease ID': 'M-TERM', 'Effective Date': '2026-01-01', Type: 'Remeasurement', 'New Term (Months)': 72 },
    { 'Lease ID': 'M-PAY', 'Effective Date': '2025-07-01', Type: 'Remeasurement', 'New Payment': 950 },
    { 'Lease ID': 'M-RATE', 'Effective Date': '2025-10-01', Type: 'Remeasurement', 'New Discount Rate': 0.0725 },
    {
      'Lease ID': 'M-PART',
      'Effective Date': '2026-07-01',
      Type: 'Partial termination',
      // 30% of the space handed back for a 25% cut in rent: the two methods derecognize different amounts.
      'Scope Reduction %': 0.3,
      'New Payment': 1500,
    },
    { 'Lease ID': 'M-END', 'Effective Date': '2027-01-01', Type: 'Termination', 'Termination Payment': 5000 },
    { 'Lease ID': 'M-IMP', 'Effective Date': '2026-01-01', Type: 'Impairment', 'Impairment Amount': 3000 },
    { 'Lease ID': 'M-IMP', 'Effective Date': '2026-07-01', Type: 'Remeasurement', 'New Payment': 1100 },
    {
      'Lease ID': 'M-FIN',
      'Effective Date': '2026-01-01',
      Type: 'Remeasurement',
      'New Term (Months)': 40,
      Classification: 'Operating',
    },
  ],
  policies: { 'Reporting Date': '2026-12-31' },
};
MODIFICATIONS.leaseModifications!.push(
  {
    'Lease ID': 'M-INC',
    'Effective Date': '2026-01-01',
    Type: 'Remeasurement',
    'New Payment': 1400,
    'New Discount Rate': 0.065,
    'Incentive Received': 2500,
  },
  { 'Lease ID': 'M-QTR', 'Effective Date': '2026-03-31', Type: 'Impairment', 'Impairment Amount': 1500 },
);
const MODIFICATIONS_BY_LIABILITY: InputContent = {
  ...MODIFICATIONS,
  policies: { ...MODIFICATIONS.policies, 'Partial Termination Method': 'Proportion of liability' },
};

interface Run {
  name: string;
  input: string;
  output: string;
  portfolio: PortfolioInput;
  leases: LeaseResult[];
  recalculated?: Map<string, ReadSheet>;
  /** Command-line arguments beyond run, --out and --json. */
  extra: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'wp-lo-'));
const runs: Run[] = [];
let corruptSchedule: Map<string, ReadSheet>;
let corruptJournal: Map<string, ReadSheet>;
let split: Map<string, ReadSheet>;
let splitCorrupt: Map<string, ReadSheet>;
let windowed: Map<string, ReadSheet>;
let windowedCorrupt: Map<string, ReadSheet>;
/** The sample laid out with a Schedules window (as a portfolio too long for every month would be). */
const WINDOWED = { fullScheduleMonths: 100 };
let corruptRemeasurement: Map<string, ReadSheet>;
/** The remeasured payment changed in the corrupted copy: its lease and Tie-Out cell. */
const corruptedPayment = { lease: 'M-PART', ref: '' };
const SPLIT = { maxRows: 250, journalMaxRows: 60 };
const corrupted = { scheduleRef: '', journalRef: '', scheduleLease: 'OFF-AUS', journalLease: 'VEH-001' };

const io = quietIo();

async function cli(name: string, input: string, extra: string[] = []): Promise<Run> {
  const output = join(dir, `${name}-workpapers.xlsx`);
  const code = await main(['run', input, '--out', output, '--json', join(dir, `${name}.json`), ...extra], io);
  expect(code).toBe(0);
  const read = readPortfolio(await readTablesFromFile(input));
  expect(read.errors).toEqual([]);
  const result = measurePortfolio(read.input!);
  return { name, input, output, portfolio: read.input!, leases: result.leases, extra };
}

/** The period journal of a run, as the command line laid it out. */
function journalOf(run: Run) {
  const policies = run.portfolio.policies;
  const kind = run.extra.includes('year') ? 'year' : null;
  const period = resolveReportingPeriod(policies, io.now().toISOString().slice(0, 10), { kind });
  const journal = periodJournal(
    run.leases,
    period,
    chartOfAccounts(run.portfolio.glAccounts, policies.accountNames),
    policies.fiscalYearEndMonth,
  );
  return { journal, layout: journalLayout(journal) };
}

beforeAll(async () => {
  const sample = join(dir, 'sample-portfolio.xlsx');
  await writePlan(null, samplePortfolioPlan(), sample);
  const a = join(dir, 'examples-e1-e3.xlsx');
  // A user sheet that must survive, and stale product sheets that must go.
  await writePlan(
    null,
    {
      sheets: [
        ...inputSheets(EXAMPLES_A),
        { name: 'Notes', rows: [[{ value: '=1+1' }, { value: 42 }], [{ formula: '=B1*2' }]] },
        { name: 'Schedules', rows: [[{ value: 'stale' }]] },
        { name: 'Journal Entries 3', rows: [[{ value: 'stale' }]] },
      ],
    },
    a,
  );
  const b = join(dir, 'examples-e19-e20.xlsx');
  await writePlan(null, { sheets: inputSheets(EXAMPLES_B) }, b);
  const mods = join(dir, 'modifications.xlsx');
  await writePlan(null, { sheets: inputSheets(MODIFICATIONS) }, mods);
  const modsByLiability = join(dir, 'modifications-by-liability.xlsx');
  await writePlan(null, { sheets: inputSheets(MODIFICATIONS_BY_LIABILITY) }, modsByLiability);
  runs.push(
    await cli('sample', sample),
    await cli('e1-e3', a, ['--period', 'year', '--journal-format', 'quickbooks']),
    await cli('e19-e20', b),
    await cli('modifications', mods, ['--period', 'year']),
    await cli('modifications-by-liability', modsByLiability, ['--period', 'year']),
  );

  // Corrupted copies of the sample's workpapers: one schedule value, one journal line.
  const s = runs[0];
  const li = s.leases.findIndex((l) => l.id === corrupted.scheduleLease);
  const place = schedulesLayout(s.leases).places[li];
  corrupted.scheduleRef = `${SC.advance}${place.firstRow + 4}`; // month 5's payment in advance
  const cs = join(dir, 'corrupt-schedule.xlsx');
  await editNumber(s.output, cs, 'Schedules', corrupted.scheduleRef, (x) => x + 100);
  const lj = s.leases.findIndex((l) => l.id === corrupted.journalLease);
  const sj = journalOf(s);
  const jp = sj.layout.places[lj];
  const lines = sj.journal.leaseLines(lj);
  const k = lines.findIndex(
    (l) => l.kind === 'Payment in advance' && l.role === 'Operating lease liability non-current',
  );
  expect(k).toBeGreaterThanOrEqual(0);
  corrupted.journalRef = `${sj.layout.columns.letter.debit}${jp.firstRow + k}`;
  const cj = join(dir, 'corrupt-journal.xlsx');
  await editNumber(s.output, cj, 'Journal Entries', corrupted.journalRef, (x) => x + 1);

  // The sample again, with sheets cut short: schedules and journal continue on numbered sheets.
  const sp = join(dir, 'sample-split.xlsx');
  const sPeriod = journalOf(s).journal.period;
  await writePlan(
    s.input,
    buildWorkpapers({ leases: s.leases, failures: [] }, s.portfolio, META, {
      ...SPLIT,
      period: resolveReportingPeriod(s.portfolio.policies, sPeriod.end),
    }),
    sp,
  );
  const spc = join(dir, 'sample-split-corrupt.xlsx');
  await editNumber(sp, spc, 'Schedules 3', `${SC.liabilityOpening}2`, (x) => x + 50);

  // One remeasured payment of the partial termination changed by 1.00 on the Tie-Out.
  const m = runs[3];
  const tie = buildWorkpapers({ leases: m.leases, failures: [] }, m.portfolio, META).sheets.find(
    (x) => x.name === 'Tie-Out',
  )!;
  const amountCol = tie.rows[4].findIndex((c, k) => c?.value === 'Amount' && k > 30);
  const payRow = tie.rows.findIndex((row) => row[amountCol - 6]?.value === corruptedPayment.lease);
  corruptedPayment.ref = `${columnLetters(amountCol + 1)}${payRow + 1}`;
  const cr = join(dir, 'corrupt-remeasurement.xlsx');
  await editNumber(m.output, cr, 'Tie-Out', corruptedPayment.ref, (x) => x + 1);

  // The sample with a Schedules window (FY2025 and 2026), and a copy whose first window row's opening is changed.
  const wp = join(dir, 'sample-windowed.xlsx');
  await writePlan(
    s.input,
    buildWorkpapers({ leases: s.leases, failures: [] }, s.portfolio, META, {
      ...WINDOWED,
      period: resolveReportingPeriod(s.portfolio.policies, sPeriod.end),
    }),
    wp,
  );
  const wpc = join(dir, 'sample-windowed-corrupt.xlsx');
  await editNumber(wp, wpc, 'Schedules', `${SC.liabilityOpening}2`, (x) => x + 50);

  const outs = await recalculate([...runs.map((r) => r.output), cs, cj, sp, spc, cr, wp, wpc]);
  runs.forEach((r, i) => (r.recalculated = readWorkbook(outs[i])));
  const n = runs.length;
  corruptSchedule = readWorkbook(outs[n]);
  corruptJournal = readWorkbook(outs[n + 1]);
  split = readWorkbook(outs[n + 2]);
  splitCorrupt = readWorkbook(outs[n + 3]);
  corruptRemeasurement = readWorkbook(outs[n + 4]);
  windowed = readWorkbook(outs[n + 5]);
  windowedCorrupt = readWorkbook(outs[n + 6]);
});

const cents = (v: unknown) => Math.round(Number(v) * 100);

/** The column of the lease table's Result (row 5, right of the checks). */
function leaseResultColumn(t: ReadSheet): string {
  return [...t.entries()]
    .find(([a, c]) => c.value === 'Result' && /^[A-Z]+5$/.test(a) && a !== 'G5')![0]
    .replace(/\d+$/, '');
}

/** Tie-Out check rows: number -> [check text, result]. */
function tieOutResults(wb: Map<string, ReadSheet>): Map<number, [string, string]> {
  return new Map(tieOutChecks(wb.get('Tie-Out')!).map((c) => [c.no, [c.check, c.result]]));
}

describe.each([0, 1, 2, 3, 4])('workbook %i recalculated by LibreOffice', (i) => {
  const r = () => runs[i];

  it('every formula cell of the schedules equals the engine figure to the cent', () => {
    const run = r();
    const sheet = run.recalculated!.get('Schedules')!;
    const places = schedulesLayout(run.leases).places;
    const liveColumns = new Set(LIVE_FIGURES.map(([c]) => c));
    const mismatches: string[] = [];
    let compared = 0;
    run.leases.forEach((lease, li) => {
      lease.months.forEach((m, j) => {
        const row = places[li].firstRow + j;
        for (const [c, f] of LIVE_FIGURES) {
          const cell = sheet.get(`${c}${row}`);
          const expected =
            m.classification === 'short-term' && f !== 'payment' && f !== 'leaseCost' && f !== 'amortization'
              ? 0
              : (m[f] as number);
          compared++;
          if (!cell || cents(cell.value) !== expected)
            mismatches.push(`${lease.id} month ${m.month} ${f}: sheet ${cell?.value} engine ${expected / 100}`);
        }
      });
    });
    expect(mismatches).toEqual([]);
    const formulaCells = [...sheet.entries()].filter(([, c]) => c.formula !== undefined);
    expect(formulaCells.length).toBeGreaterThan(run.leases.reduce((s, l) => s + l.months.length, 0) * 5);
    expect(formulaCells.filter(([a]) => !liveColumns.has(a.replace(/\d+$/, '')))).toEqual([]);
    expect(compared).toBeGreaterThan(0);
  });

  it('every Tie-Out row says PASS, for every check and every lease, and the Run Log says so', () => {
    const wb = r().recalculated!;
    const results = tieOutResults(wb);
    expect(results.size).toBeGreaterThanOrEqual(24);
    expect([...results.values()].filter(([, res]) => res !== 'PASS')).toEqual([]);
    const t = wb.get('Tie-Out')!;
    expect(t.get('D3')?.value).toBe('PASS');
    const res = leaseResultColumn(t);
    const leaseRows = [...t.entries()].filter(
      ([a]) => a.replace(/\d+$/, '') === res && Number(a.replace(/^[A-Z]+/, '')) > 5,
    );
    expect(leaseRows.length).toBe(r().leases.length);
    expect(leaseRows.filter(([, c]) => c.value !== 'PASS')).toEqual([]);
    const log = wb.get('Run Log')!;
    const result = [...log.entries()].find(([, c]) => c.value === 'Tie-out result')![0];
    expect(log.get(`B${result.slice(1)}`)?.value).toBe('PASS');
  });

  it('every Roll-Forward row ties and every disclosed liability and ROU asset links to the engine figure', () => {
    const run = r();
    const wb = run.recalculated!;
    const rf = wb.get('Roll-Forward')!;
    const checks = [...rf.entries()].filter(([a, c]) => c.formula !== undefined && /^(P|Z)\d+$/.test(a));
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter(([, c]) => c.value !== 0)).toEqual([]);
    const d = wb.get('Disclosures')!;
    const f = disclosureFigures(
      run.leases,
      run.portfolio.policies.reportingDate!,
      run.portfolio.policies.fiscalYearEndMonth,
    );
    const header = Number([...d.entries()].find(([a, c]) => c.value === 'Lease ID' && a.startsWith('A'))![0].slice(1));
    f.atDate.forEach((a, k) => {
      expect(d.get(`A${header + 1 + k}`)?.value).toBe(run.leases[a.lease].id);
      expect(cents(d.get(`E${header + 1 + k}`)?.value)).toBe(a.liability);
      expect(cents(d.get(`H${header + 1 + k}`)?.value)).toBe(a.rou);
    });
  });

  it('the journal is values only, every line as the layout wrote it', () => {
    const run = r();
    const j = run.recalculated!.get('Journal Entries')!;
    expect([...j.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    const { journal, layout } = journalOf(run);
    const lines = run.leases.flatMap((_, idx) => journal.leaseLines(idx));
    expect(lines.length).toBeGreaterThan(0);
    const debits = lines.reduce((s, l) => s + l.debit, 0);
    const summaryDebits = journal.summary.reduce((s, l) => s + l.debit, 0);
    expect(summaryDebits).toBeGreaterThan(0);
    let detail = 0;
    let summary = 0;
    const d = layout.columns.letter.debit;
    for (const [a, c] of j) {
      if (!a.startsWith(d) || !/^\d+$/.test(a.slice(d.length))) continue;
      const row = Number(a.slice(d.length));
      if (row >= layout.parts[0].firstRow) detail += cents(c.value);
      else if (row >= layout.summary.firstRow && row <= layout.summary.lastRow) summary += cents(c.value);
    }
    expect(detail).toBe(debits);
    expect(summary).toBe(summaryDebits);
  });
});

describe('published figures in the recalculated sheets', () => {
  const cell = (run: number, sheet: string, ref: string) => runs[run].recalculated!.get(sheet)!.get(ref)?.value;
  const rowOf = (run: number, id: string, month: number) => {
    const li = runs[run].leases.findIndex((l) => l.id === id);
    return schedulesLayout(runs[run].leases).places[li].firstRow + month - 1;
  };

  it('E3 month 1: accretion 80.09, amortization 419.91, straight-line cost 500.00 (PwC 4-13)', () => {
    const r = rowOf(1, 'E3', 1);
    expect(cell(1, 'Schedules', `${SC.interest}${r}`)).toBe(80.09);
    expect(cell(1, 'Schedules', `${SC.amortization}${r}`)).toBe(419.91);
    expect(cell(1, 'Schedules', `${SC.leaseCost}${r}`)).toBe(500);
    expect(cell(1, 'Schedules', `${SC.liabilityOpening}${r}`)).toBe(16017.69);
    expect(cell(1, 'Schedules', `${SC.rouOpening}${r}`)).toBe(16517.69);
  });

  it('where binary ROUND misses the exact cent, the visible Rounding adj. makes the live formula land on the engine', () => {
    const r = rowOf(1, 'HALF', 1);
    expect(cell(1, 'Schedules', `${SC.interestBase}${r}`)).toBe(18890410.97);
    expect(cell(1, 'Schedules', `${SC.roundingAdj}${r}`)).toBe(-0.01);
    expect(cell(1, 'Schedules', `${SC.interest}${r}`)).toBe(19434.56);
    const half = runs[1].leases.find((l) => l.id === 'HALF')!;
    expect(half.months[0].interest).toBe(1943456);
  });

  it('E1 at the end of year 1: liability $3,986 and ROU $3,860 (PwC 4-11, printed to the dollar)', () => {
    const r = rowOf(1, 'E1', 12);
    expect(Math.abs(Number(cell(1, 'Schedules', `${SC.liabilityClosing}${r}`)) - 3986)).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(cell(1, 'Schedules', `${SC.rouClosing}${r}`)) - 3860)).toBeLessThanOrEqual(2);
  });

  it('E19 month 1: accretion 1,783.72, amortization 3,716.28, cost 5,500; liability $500,806 at 2022-12-31 (EZLease)', () => {
    const r = rowOf(2, 'E19', 1);
    expect(cell(2, 'Schedules', `${SC.interest}${r}`)).toBe(1783.72);
    expect(cell(2, 'Schedules', `${SC.amortization}${r}`)).toBe(3716.28);
    expect(cell(2, 'Schedules', `${SC.leaseCost}${r}`)).toBe(5500);
    expect(Math.round(Number(cell(2, 'Schedules', `${SC.liabilityClosing}${rowOf(2, 'E19', 12)}`)))).toBe(500806);
  });

  it('E20: first-month interest 22.98; long-term liability 4,812.90 after the 12th payment (EZLease GASB 87)', () => {
    expect(cell(2, 'Schedules', `${SC.interest}${rowOf(2, 'E20', 1)}`)).toBe(22.98);
    // EZLease prints 2,289.69 current + 4,812.90 long-term; month-by-month rounding (CONTRACT 1.9) leaves 4,812.91
    // after the 12th payment, i.e. 2,289.68 of principal in the first 12 payments (the reference's D figure).
    expect(
      Math.abs(cents(cell(2, 'Schedules', `${SC.interestBase}${rowOf(2, 'E20', 12)}`)) - 481290),
    ).toBeLessThanOrEqual(1);
  });
});

describe('text stays text, other sheets survive', () => {
  it('descriptions and entities beginning with =, +, - or @ are text after the LibreOffice round trip', () => {
    const wb = runs[1].recalculated!;
    const sched = wb.get('Schedules')!;
    const r = schedulesLayout(runs[1].leases).places[1].firstRow;
    expect(sched.get(`B${r}`)).toEqual({ value: '=1+1' });
    expect(sched.get(`B${r - 1}`)).toEqual({ value: '-Parent' });
    expect(wb.get('Notes')!.get('A1')).toEqual({ value: '=1+1' });
    const entities = [...wb.get('Journal Entries')!.entries()].filter(([a]) => /^B\d+$/.test(a)).map(([, c]) => c);
    expect(entities).toContainEqual({ value: '-Parent' });
    expect(entities).toContainEqual({ value: '=1+1' });
    const tie = wb.get('Tie-Out')!;
    expect(tie.get('K6')).toEqual({ value: '+PwC 4-2 imaging equipment' });
    expect(tie.get('K7')).toEqual({ value: '@PwC 4-4 automobile' });
  });

  it('the QuickBooks Journal Import sheet of three entities: a table per company, named above it, each balanced', () => {
    const run = runs[1];
    const sheet = run.recalculated!.get('Journal Import')!;
    expect([...sheet.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    const at = (a: string) => sheet.get(a)?.value ?? null;
    const titles = [...sheet.entries()]
      .filter(([a, c]) => /^A\d+$/.test(a) && String(c.value).startsWith('Company '))
      .map(([a, c]) => ({ row: Number(a.slice(1)), text: String(c.value) }))
      .sort((x, y) => x.row - y.row);
    expect(titles.map((t) => t.text.replace(/ \(Journal No\. .*$/, ''))).toEqual([
      'Company 1 of 3: (no entity), USD',
      'Company 2 of 3: -Parent, USD',
      'Company 3 of 3: =1+1, USD',
    ]);
    const { journal } = journalOf(run);
    const entities = ['', '-Parent', '=1+1'];
    titles.forEach((t, k) => {
      expect(at(`A${t.row + 1}`)).toBe('Journal No.');
      const expected = journal.summary.filter((l) => l.entity === entities[k]);
      expect(expected.length).toBeGreaterThan(0);
      let debits = 0;
      let credits = 0;
      let n = 0;
      for (let r = t.row + 2; at(`A${r}`) !== null; r++, n++) {
        expect(at(`A${r}`)).toBe(expected[0].entry);
        debits += cents(at(`D${r}`) ?? 0);
        credits += cents(at(`E${r}`) ?? 0);
      }
      expect(n).toBe(expected.length);
      expect(debits).toBe(credits);
      expect(debits).toBe(expected.reduce((s, l) => s + l.debit, 0));
    });
  });

  it("a user's sheet survives with its formulas; stale product sheets are replaced or dropped", () => {
    const wb = runs[1].recalculated!;
    expect(wb.get('Notes')!.get('A2')).toEqual({ value: 84, formula: 'B1*2' });
    expect([...wb.keys()]).toEqual([
      'Leases',
      'LeasePayments',
      'LeaseModifications',
      'VariablePayments',
      'GLAccounts',
      'Policies',
      'Notes',
      'Schedules',
      'Journal Entries',
      'Journal Import',
      'Classification',
      'Lease Memos',
      'Roll-Forward',
      'Disclosures',
      'Tie-Out',
      'Run Log',
    ]);
    expect(wb.get('Schedules')!.get('A1')?.value).toBe('Lease ID');
  });
});

describe('a corrupted workpaper turns the matching Tie-Out rows to FAIL', () => {
  it(`one schedule value (a payment of ${corrupted.scheduleLease} changed by 100.00)`, () => {
    const res = tieOutResults(corruptSchedule);
    const failing = [...res.entries()].filter(([, [, r]]) => r === 'FAIL').map(([n]) => n);
    // The chain carries the change to the end of the lease: closing balances (4, 5), the period's journal no longer
    // matches the schedule's liability and ROU movements in December (10, 11: the live accretion compounds the
    // change), the cost identity (13), the roll-forward's accretion, payments and amortization (17-19) and the
    // disclosed liability and ROU asset at the Reporting Date (20-23). Row-by-row ties, the journal itself, the
    // roll-forward's own rows and lease cost do not move.
    // With the Roll-Forward's months check (14) the roll-forward rows are 18-20 and the disclosures 21-24 (current +
    // non-current stays true: both re-perform from the same schedule); the lease's liability at commencement no
    // longer re-performs from its payments (45: after the 6 checks of the input tables' rows, which still pass).
    // The 4 Journal Import checks (14-17, after the journal's) still pass: the summary journal did not change. They
    // move every later check down 4.
    expect(failing).toEqual([4, 5, 10, 11, 13, 22, 23, 24, 25, 27, 28, 49]);
    const t = corruptSchedule.get('Tie-Out')!;
    expect(t.get('D3')?.value).toBe('FAIL');
    const resultCol = leaseResultColumn(t);
    const leaseRow = [...t.entries()]
      .find(([a, c]) => a.startsWith('J') && c.value === corrupted.scheduleLease)![0]
      .slice(1);
    const failingLeases = [...t.entries()]
      .filter(([a, c]) => a.replace(/\d+$/, '') === resultCol && c.value === 'FAIL')
      .map(([a]) => a);
    expect(failingLeases).toEqual([`${resultCol}${leaseRow}`]);
  });

  it(`one journal line (a liability debit of ${corrupted.journalLease} changed by 1.00)`, () => {
    const res = tieOutResults(corruptJournal);
    const failing = [...res.entries()].filter(([, [, r]]) => r === 'FAIL').map(([n]) => n);
    // Detail debits = credits (6), the summary = the detail summed (8), every entry balances (9), the journal's
    // liability movement = the schedule's (10).
    expect(failing).toEqual([6, 8, 9, 10]);
  });
});

describe('remeasurements proved on the Tie-Out', () => {
  /** Tie-Out check rows about remeasurements: text -> result. */
  const proofRows = (wb: Map<string, ReadSheet>) =>
    [...tieOutResults(wb).values()].filter(([what]) => / month \d+: /.test(what));

  it.each([3, 4])(
    'workbook %i: every event has its PASSing rows, and the re-performed PV is the engine liability',
    (i) => {
      const run = runs[i];
      const rows = proofRows(run.recalculated!);
      const events = run.leases.flatMap((l) =>
        l.months.filter((m) => m.event !== null && m.event !== 'Termination').map((m) => ({ lease: l, m })),
      );
      // Remeasurements and partial terminations: liability = PV and the ROU roll; impairments: the ROU roll.
      expect(rows.length).toBe(events.reduce((s, e) => s + (e.m.event === 'Impairment' ? 1 : 2), 0));
      expect(rows.filter(([, r]) => r !== 'PASS')).toEqual([]);
      for (const { lease, m } of events) {
        const prefix = `${m.event}: ${lease.id}, month ${m.month}: `;
        expect(rows.filter(([w]) => w.startsWith(prefix)).length).toBe(m.event === 'Impairment' ? 1 : 2);
      }
      // The PV column, recalculated, equals each new measurement's liability (the engine's exact decimal figure).
      const t = run.recalculated!.get('Tie-Out')!;
      const pvCol = [...t.entries()].find(([a, c]) => c.value === 'PV of revised payments' && /^[A-Z]+5$/.test(a))![0];
      const c = pvCol.replace(/\d+$/, '');
      // The Remeasurements table: Lease ID, Event, Measurement, Effective month, ..., PV (9th column).
      const idCol = columnLetters(columnNumber(c) - 8);
      let compared = 0;
      for (let r = 6; t.get(`${idCol}${r}`) !== undefined; r++) {
        const lease = run.leases.find((l) => l.id === t.get(`${idCol}${r}`)!.value)!;
        const month = Number(t.get(`${columnLetters(columnNumber(idCol) + 3)}${r}`)!.value);
        const row = lease.months.find((x) => x.month === month)!;
        if (row.event === 'Impairment') continue;
        const measurement = lease.measurements.find((x) => x.index === row.measurement)!;
        expect(cents(t.get(`${c}${r}`)!.value)).toBe(measurement.liability);
        compared++;
      }
      expect(compared).toBe(events.filter((e) => e.m.event !== 'Impairment').length);
    },
  );

  it('the workbook holds every kind of modification', () => {
    const of = (id: string) => runs[3].leases.find((l) => l.id === id)!;
    const event = (id: string) => of(id).months.filter((m) => m.event);
    expect(of('M-TERM').months.length).toBe(72);
    expect(event('M-RATE')[0].event).toBe('Remeasurement');
    expect(of('M-RATE').measurements[1].annualRate).toBe('0.0725');
    expect(event('M-END')).toMatchObject([{ event: 'Termination', arrearsPayment: 500000 }]);
    expect(event('M-IMP').map((m) => [m.event, m.classification])).toEqual([
      ['Impairment', 'operating'],
      ['Remeasurement', 'operating'],
    ]);
    expect(of('M-FIN').months[11].classification).toBe('finance');
    expect(of('M-FIN').months[12].classification).toBe('operating');
    expect(
      of('M-LIFE')
        .months.slice(48)
        .every((m) => m.amortization === 0),
    ).toBe(true);
    expect(of('M-LIFE').months[47].rouEnd).toBe(0);
    expect(event('M-INC')).toMatchObject([{ event: 'Remeasurement', incentiveReceived: 250000 }]);
    expect(event('M-QTR')).toMatchObject([{ event: 'Impairment', impairmentDate: '2026-03-31' }]);
    expect(of('M-TERM').months[2].variableCost).toBe(21055); // 2025-03-10: lease month 3
    // 7 remeasurements and partial terminations (2 rows each) and 2 impairments (1 row) after the 28 standing checks
    // (the 4 Journal Import checks among them), + the Roll-Forward's months check, 8 disclosure re-performance groups and the inputs, measurement and
    // classification checks (4), and the input tables' rows: Leases counted, LeasePayments counted (no rows),
    // LeaseModifications and VariablePayments each compared and counted (6).
    expect(tieOutResults(runs[3].recalculated!).size).toBe(28 + 7 * 2 + 2 + 11 + 6);
  });

  it('the two Partial Termination Methods book different figures, each proved', () => {
    const part = (i: number) => runs[i].leases.find((l) => l.id === 'M-PART')!.months.find((m) => m.event)!;
    expect(part(3).event).toBe('Partial termination');
    expect(runs[3].portfolio.policies.partialTerminationMethod).toBe('Proportion of asset');
    expect(runs[4].portfolio.policies.partialTerminationMethod).toBe('Proportion of liability');
    // Proportion of liability: what is removed from the liability is exactly what it falls to the new PV.
    expect(part(4).liabilityAdjustment + part(4).liabilityDerecognized).toBe(0);
    expect(part(3).liabilityAdjustment + part(3).liabilityDerecognized).not.toBe(0);
    expect(part(3).rouDerecognized).not.toBe(part(4).rouDerecognized);
  });

  it('a remeasured payment changed by 1.00 turns exactly its PV row to FAIL', () => {
    const failing = [...tieOutResults(corruptRemeasurement).values()].filter(([, r]) => r === 'FAIL');
    expect(failing.map(([w]) => w)).toEqual([
      expect.stringMatching(
        new RegExp(`^Partial termination: ${corruptedPayment.lease}, month \\d+: liability after = PV`),
      ),
    ]);
    expect(corruptRemeasurement.get('Tie-Out')!.get('D3')?.value).toBe('FAIL');
  });
});

describe('a portfolio too long for one sheet', () => {
  it('continues on numbered sheets, and the tie-out covers all of them', () => {
    const names = [...split.keys()];
    expect(names.filter((n) => n.startsWith('Schedules')).length).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => n.startsWith('Journal Entries')).length).toBeGreaterThanOrEqual(3);
    const res = tieOutResults(split);
    expect([...res.values()].filter(([, r]) => r !== 'PASS')).toEqual([]);
    // Same totals as the one-sheet workbook: every part counted.
    const whole = runs[0].recalculated!.get('Tie-Out')!;
    const parts = split.get('Tie-Out')!;
    for (let r = 6; r <= 33; r++) expect(parts.get(`D${r}`)?.value).toBe(whole.get(`D${r}`)?.value);
  });

  it('a value changed on "Schedules 3" turns its checks to FAIL', () => {
    // The commencement liability of the sheet's first lease: the lease no longer closes at 0.00 (4), the period's
    // journal no longer matches its liability movement (10), the roll-forward's additions no longer match the
    // schedules' (21, after the 4 Journal Import checks and the Roll-Forward's months check).
    const res = tieOutResults(splitCorrupt);
    expect([...res.entries()].filter(([, [, r]]) => r === 'FAIL').map(([n]) => n)).toEqual(
      expect.arrayContaining([4, 10, 21]),
    );
  });
});

describe('Schedules with a window (a portfolio too long for every month)', () => {
  it('hold only the window, and every Tie-Out row still says PASS, the brought-forward check among them', () => {
    const sample = runs[0];
    const full = [...sample.recalculated!.get('Schedules')!.keys()].filter((a) => /^A\d+$/.test(a)).length;
    const rows = [...windowed.get('Schedules')!.keys()].filter((a) => /^A\d+$/.test(a)).length;
    const inWindow = sample.leases.reduce(
      (n, l) => n + l.months.filter((m) => m.end >= '2025-01-01' && m.start <= '2026-12-31').length,
      0,
    );
    expect(rows - 1).toBe(inWindow);
    expect(rows).toBeLessThan(full);
    const res = [...tieOutResults(windowed).values()];
    expect(res.filter(([, r]) => r !== 'PASS')).toEqual([]);
    expect(res.some(([w]) => w.startsWith('Schedules window (2025-01-01 to 2026-12-31)'))).toBe(true);
    expect(res.some(([w]) => w.startsWith('Schedules window: the liability brought forward = PV'))).toBe(true);
    expect(windowed.get('Tie-Out')!.get('D3')?.value).toBe('PASS');
  });

  it('a changed opening balance brought forward turns the brought-forward check to FAIL', () => {
    const failing = [...tieOutResults(windowedCorrupt).values()].filter(([, r]) => r === 'FAIL').map(([w]) => w);
    expect(failing).toContainEqual(expect.stringMatching(/^Schedules window .*brought forward = engine/));
    // 50.00 is beyond any cent rounding: the PV re-performed from the lease's payments disagrees too.
    expect(failing).toContainEqual(expect.stringMatching(/^Schedules window: the liability brought forward = PV/));
  });
});

describe('screenshots', () => {
  it('renders each output sheet to test-artifacts/screenshots', async () => {
    const run = runs[0];
    const plan = buildWorkpapers({ leases: run.leases, failures: [] }, run.portfolio, META);
    const outDir = resolve(__dirname, '../../test-artifacts/screenshots');
    const rows: Record<string, number> = { Schedules: 40, 'Journal Entries': 40, 'Roll-Forward': 40, 'Tie-Out': 50 };
    const files = await screenshots(plan, run.recalculated!, outDir, (name) => rows[name] ?? 90);
    expect(files.map((f) => f.replace(/^.*\//, ''))).toEqual([
      '01-Schedules.png',
      '02-Journal-Entries.png',
      '03-Journal-Import.png',
      '04-Classification.png',
      '05-Lease-Memos.png',
      '06-Roll-Forward.png',
      '07-Disclosures.png',
      '08-Tie-Out.png',
      '09-Run-Log.png',
    ]);
    for (const f of files) expect(existsSync(f) && statSync(f).size > 5000).toBe(true);
  });
});
