/**
 * The period's journal on the sample portfolio (examples/sample-portfolio.xlsx, built from the same content):
 * December 2025, its quarter and its fiscal year. Every figure is checked against the JSON export's months.
 */
import { measurePortfolio, type LeaseResult } from '../../src/engine';
import { SAMPLE_PORTFOLIO, samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { buildJsonExport, type JsonLease } from '../../src/export/json';
import { chartOfAccounts, type AccountRole } from '../../src/input/accountRoles';
import { readPortfolio } from '../../src/input/portfolio';
import { inputSheets } from '../../src/template';
import type { PortfolioInput } from '../../src/engine/terms';
import type { JournalLine } from '../../src/workpapers/journal';
import { periodJournal, type PeriodJournal } from '../../src/workpapers/periodJournal';
import { resolveReportingPeriod, type PeriodKind } from '../../src/workpapers/reportingPeriod';
import { planTables } from '../template/planTables';
import { CLOSING_FIGURES, type ClosingFigures } from '../../src/workpapers/closing';
import type { LeaseCatchUp } from '../../src/workpapers/catchUp';

const cents = (s: string) => Math.round(Number(s) * 100);

function sample(content = SAMPLE_PORTFOLIO): { input: PortfolioInput; leases: LeaseResult[] } {
  const read = readPortfolio(
    planTables(content === SAMPLE_PORTFOLIO ? samplePortfolioPlan().sheets : inputSheets(content)),
  );
  expect(read.errors).toEqual([]);
  const result = measurePortfolio(read.input!);
  expect(result.failures).toEqual([]);
  return { input: read.input!, leases: result.leases };
}

function journalFor(kind: PeriodKind, content = SAMPLE_PORTFOLIO) {
  const { input, leases } = sample(content);
  const period = resolveReportingPeriod(input.policies, '2026-06-15', { kind });
  const journal = periodJournal(leases, period, chartOfAccounts(input.glAccounts, input.policies.accountNames), 12);
  const json = buildJsonExport('test', { leases, failures: [] }, [], period);
  const detail = leases.flatMap((_, i) => journal.leaseLines(i));
  return { input, leases, period, journal, json, detail };
}

const LIABILITY: AccountRole[] = [
  'Operating lease liability current',
  'Operating lease liability non-current',
  'Finance lease liability current',
  'Finance lease liability non-current',
];
const ROU: AccountRole[] = ['Operating ROU asset', 'Finance ROU asset', 'Finance ROU accumulated amortization'];

function net(lines: readonly JournalLine[], roles: AccountRole[]): number {
  return lines.filter((l) => roles.includes(l.role)).reduce((s, l) => s + l.debit - l.credit, 0);
}

/** The JSON balance of a lease at a month-end: the last month ended by then (after any transfer to owned assets). */
function jsonAt(l: JsonLease, d: string): { liability: number; rou: number } {
  const ended = l.months.filter((m) => m.end <= d);
  if (ended.length === 0 || l.classification === 'short-term') return { liability: 0, rou: 0 };
  const m = ended[ended.length - 1];
  const last = m === l.months[l.months.length - 1];
  const transfer = last && m.classification === 'finance' && m.liabilityEnd === '0.00' ? cents(m.rouEnd) : 0;
  return { liability: cents(m.liabilityEnd), rou: cents(m.rouEnd) - transfer };
}

function checkAgainstJson(j: ReturnType<typeof journalFor>) {
  const { period, json, detail, leases } = j;
  const dayBefore = new Date(Date.parse(`${period.start}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
  let compared = 0;
  json.leases.forEach((l, idx) => {
    const lines = detail.filter((x) => x.leaseId === l.id);
    const inPeriod = l.months.filter((m) => m.end >= period.start && m.end <= period.end);
    // Every lease month of the sample begins on the 1st, so its balances at the month-ends are the JSON's.
    expect(l.months.every((m) => m.start.endsWith('-01'))).toBe(true);
    const cost = inPeriod.reduce((s, m) => s + cents(m.leaseCost), 0);
    const lineCost = lines
      .filter((x) =>
        [
          'Operating lease cost',
          'Finance lease interest',
          'Finance lease amortization',
          'Short-term lease cost',
        ].includes(x.role),
      )
      .reduce((s, x) => s + x.debit - x.credit, 0);
    expect([l.id, lineCost]).toEqual([l.id, cost]);
    const payments = l.months
      .filter((m) => m.start >= period.start && m.end <= period.end)
      .reduce((s, m) => s + cents(m.payment), 0);
    const commencedInPeriod = leases[idx].commencement >= period.start && leases[idx].commencement <= period.end;
    const cash = lines.filter((x) => x.role === 'Cash').reduce((s, x) => s + x.credit - x.debit, 0);
    const paidAtCommencement = commencedInPeriod ? cents(l.paidAtCommencement) - leases[idx].prepaidRent : 0;
    expect([l.id, cash]).toEqual([l.id, payments + paidAtCommencement]);
    if (l.classification !== 'short-term') {
      const open = jsonAt(l, dayBefore);
      const close = jsonAt(l, period.end);
      expect([l.id, -net(lines, LIABILITY)]).toEqual([l.id, close.liability - open.liability]);
      expect([l.id, net(lines, ROU)]).toEqual([l.id, close.rou - open.rou]);
    }
    compared++;
  });
  expect(compared).toBe(15);
}

describe('the sample portfolio for December 2025', () => {
  const j = journalFor('month');

  it('reports December 2025 (the Reporting Date policy)', () => {
    expect(j.period).toMatchObject({ start: '2025-12-01', end: '2025-12-31', kind: 'month' });
    expect(j.json.period).toEqual({ start: '2025-12-01', end: '2025-12-31', kind: 'month', closedThrough: null });
  });

  it('one summary entry per entity, whose lines equal the detail summed by account; both balance', () => {
    const entities = [...new Set(j.leases.map((l) => l.entity))].sort();
    const byEntry = new Map<string, typeof j.journal.summary>();
    for (const s of j.journal.summary) byEntry.set(s.entry, [...(byEntry.get(s.entry) ?? []), s]);
    expect([...byEntry.values()].map((ls) => ls[0].entity).sort()).toEqual(entities);
    for (const [entry, ls] of byEntry) {
      expect(new Set(ls.map((l) => l.entity)).size).toBe(1);
      expect(ls.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
      expect(entry).toMatch(/^LW-202512-[0-9A-F]{6}$/);
      // One line per account.
      expect(new Set(ls.map((l) => l.account.role)).size).toBe(ls.length);
      for (const l of ls) {
        const d = j.detail.filter((x) => x.entity === l.entity && x.role === l.account.role);
        expect(d.reduce((s, x) => s + x.debit - x.credit, 0)).toBe(l.debit - l.credit);
      }
    }
    // Every detail account of an entity is on its summary entry.
    for (const x of j.detail) {
      const s = j.journal.summary.filter((l) => l.entity === x.entity && l.account.role === x.role);
      if (s.length === 0) {
        const total = j.detail.filter((y) => y.entity === x.entity && y.role === x.role);
        expect(total.reduce((a, y) => a + y.debit - y.credit, 0)).toBe(0);
      }
    }
    // Each detail entry balances and is dated inside December.
    const entries = new Map<string, JournalLine[]>();
    for (const x of j.detail) entries.set(x.entry, [...(entries.get(x.entry) ?? []), x]);
    for (const ls of entries.values()) expect(ls.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    expect(j.detail.every((x) => x.date >= '2025-12-01' && x.date <= '2025-12-31')).toBe(true);
  });

  it('every period figure equals the JSON export months summed over the period', () => {
    checkAgainstJson(j);
  });

  it('operating and finance leases post to separate ROU and liability accounts', () => {
    const cls = new Map(j.leases.map((l) => [l.id, l.classification]));
    const finance = j.detail.filter((x) => cls.get(x.leaseId) === 'finance');
    const operating = j.detail.filter((x) => cls.get(x.leaseId) === 'operating');
    expect(finance.length).toBeGreaterThan(0);
    expect(operating.length).toBeGreaterThan(0);
    expect(finance.filter((x) => x.role.startsWith('Operating'))).toEqual([]);
    expect(operating.filter((x) => x.role.startsWith('Finance'))).toEqual([]);
    expect(new Set(finance.map((x) => x.role))).toEqual(
      new Set([
        'Finance lease interest',
        'Finance lease amortization',
        // The template's GLAccounts maps an accumulated amortization account, so amortization accumulates there.
        'Finance ROU accumulated amortization',
        'Finance lease liability non-current',
        'Finance lease liability current',
        'Cash',
      ]),
    );
  });
});

describe('quarter and year periods', () => {
  it.each(['quarter', 'year'] as const)('%s ending 2025-12-31: the figures equal the JSON months summed', (kind) => {
    const j = journalFor(kind);
    expect(j.period).toMatchObject({ start: kind === 'quarter' ? '2025-10-01' : '2025-01-01', end: '2025-12-31' });
    checkAgainstJson(j);
    // A quarter's journal is its three months' journals together.
    if (kind === 'quarter') {
      const months = ['2025-10-31', '2025-11-30', '2025-12-31'].flatMap((end) => {
        const { leases, input } = sample();
        const period = resolveReportingPeriod(input.policies, '2030-01-01', { reportingDate: end, kind: 'month' });
        const pj: PeriodJournal = periodJournal(leases, period, chartOfAccounts(input.glAccounts), 12);
        return leases.flatMap((_, i) => pj.leaseLines(i));
      });
      const key = (x: JournalLine) => `${x.leaseId}|${x.date}|${x.entry}|${x.role}|${x.debit}|${x.credit}`;
      expect(months.map(key).sort()).toEqual(j.detail.map(key).sort());
    }
    const modified = j.detail.filter((x) => x.kind === 'Partial termination' || x.kind === 'Remeasurement');
    expect(modified.length > 0).toBe(kind === 'year');
  });
});

describe('entry numbers are stable', () => {
  it('adding a lease changes no other entry number or line', () => {
    const before = journalFor('quarter');
    const added = {
      ...SAMPLE_PORTFOLIO,
      leases: [
        {
          'Lease ID': 'AAA-NEW',
          Entity: 'Compute Co',
          'Commencement Date': '2025-11-01',
          'Term (Months)': 24,
          Payment: 1000,
          'Discount Rate': 0.06,
        },
        ...SAMPLE_PORTFOLIO.leases,
      ],
    };
    const after = journalFor('quarter', added);
    const rest = after.detail.filter((x) => x.leaseId !== 'AAA-NEW');
    expect(rest).toEqual(before.detail);
    expect(after.detail.filter((x) => x.leaseId === 'AAA-NEW').map((x) => x.entry)).toContain('AAA-NEW-202511-COM');
    // The summary entry numbers do not move either.
    expect(new Set(after.journal.summary.map((s) => s.entry))).toEqual(
      new Set(before.journal.summary.map((s) => s.entry)),
    );
  });
});

describe('a closed period in the period journal (CONTRACT 1.11)', () => {
  const { leases, input } = sample();
  const chart = chartOfAccounts(input.glAccounts, input.policies.accountNames);
  const veh = leases.findIndex((l) => l.id === 'VEH-001');
  const zero = () => Object.fromEntries(CLOSING_FIGURES.map((k) => [k, 0])) as ClosingFigures;
  const position = (inInput: boolean, leaseId = 'VEH-001'): LeaseCatchUp => ({
    leaseId,
    entity: 'Compute Co',
    currency: 'USD',
    date: '2025-10-01',
    postedClassification: 'operating',
    recomputedClassification: 'operating',
    posted: zero(),
    recomputed: { ...zero(), operatingLeaseCost: 1234, leaseLiability: 1234 },
    difference: { ...zero(), operatingLeaseCost: 1234, leaseLiability: 1234 },
    postedCurrent: 0,
    recomputedCurrent: 0,
    lines: [
      { figure: 'operatingLeaseCost', debit: 1234, credit: 0 },
      { figure: 'leaseLiability', debit: 0, credit: 1234 },
    ],
    inInput,
  });

  it('a year holding Closed Through carries only its open months and the catch-up, dated the first open day', () => {
    const period = resolveReportingPeriod(input.policies, '2030-01-01', { reportingDate: '2025-12-31', kind: 'year' });
    const close = { closedThrough: '2025-09-30', positions: [position(true), position(false, 'GONE-1')] };
    const withClose = periodJournal(leases, period, chart, 12, close);
    expect(period.start).toBe('2025-01-01');
    const lines = withClose.leaseLines(veh);
    expect(lines.filter((l) => l.date <= '2025-09-30')).toEqual([]);
    const cu = lines.filter((l) => l.catchUp);
    expect(cu.map((l) => [l.date, l.entry, l.kind, l.role, l.debit, l.credit])).toEqual([
      ['2025-10-01', 'VEH-001-202510-CU', 'Catch-up', 'Operating lease liability non-current', 0, 1234],
      ['2025-10-01', 'VEH-001-202510-CU', 'Catch-up', 'Operating lease cost', 1234, 0],
    ]);
    // A lease only PostedBalances holds gets its catch-up as a subject of its own, after the leases.
    expect(withClose.counts).toHaveLength(leases.length + 1);
    expect(withClose.leaseLines(leases.length).map((l) => l.leaseId)).toEqual(['GONE-1', 'GONE-1']);
    // The summary still balances and carries the catch-up.
    expect(withClose.summary.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
  });

  it('a catch-up dated before the period is not in it (a later run does not repeat it)', () => {
    const period = resolveReportingPeriod(input.policies, '2030-01-01', { reportingDate: '2025-12-31', kind: 'month' });
    const j = periodJournal(leases, period, chart, 12, { closedThrough: '2025-09-30', positions: [position(true)] });
    expect(j.leaseLines(veh).some((l) => l.catchUp)).toBe(false);
    expect(j.leaseLines(veh)).toEqual(periodJournal(leases, period, chart, 12).leaseLines(veh));
  });
});
