import { buildJsonExport } from '../../src/export/json';
import { disclosureFigures, maturityBuckets, weightedAverages } from '../../src/workpapers/disclosureFigures';
import { lease } from '../support/leases';
import { E1, E19, E3, monthlyAdvance, plan, run } from './support';

const $ = (cents: number) => cents / 100;

describe('maturity buckets', () => {
  it('at a fiscal year end: each of the next five fiscal years, then thereafter', () => {
    const b = maturityBuckets('2025-12-31', 12);
    expect(b.labels).toEqual(['FY2026', 'FY2027', 'FY2028', 'FY2029', 'FY2030', 'Thereafter']);
    expect(b.of('2026-01-01')).toBe(0);
    expect(b.of('2030-12-31')).toBe(4);
    expect(b.of('2031-01-01')).toBe(5);
    expect(b.of('2045-06-30')).toBe(5);
  });

  it('inside a fiscal year: the rest of the current year first', () => {
    const b = maturityBuckets('2025-09-30', 12);
    expect(b.labels).toEqual(['FY2025 (remainder)', 'FY2026', 'FY2027', 'FY2028', 'FY2029', 'FY2030', 'Thereafter']);
    expect(b.of('2025-10-01')).toBe(0);
    expect(b.of('2026-01-01')).toBe(1);
  });

  it('with a June fiscal year end, FY2026 runs July 2025 to June 2026', () => {
    const b = maturityBuckets('2025-06-30', 6);
    expect(b.labels[0]).toBe('FY2026');
    expect(b.of('2025-07-01')).toBe(0);
    expect(b.of('2026-06-30')).toBe(0);
    expect(b.of('2026-07-01')).toBe(1);
  });
});

describe('disclosures against the published examples', () => {
  it('E19 (EZLease) at 2022-12-31: $600,000 of future payments with a present value of $500,806', () => {
    const { result } = run([E19]);
    const f = disclosureFigures(result.leases, '2022-12-31', 12);
    expect(f.atDate).toHaveLength(1);
    const a = f.atDate[0];
    expect($(a.undiscounted)).toBe(600000);
    // Printed $500,806; the full-precision D figure 500,805.54 carries no monthly rounding (a cent apart).
    expect(Math.abs($(a.liability) - 500805.54)).toBeLessThanOrEqual(0.05);
    expect(a.imputedInterest).toBe(a.undiscounted - a.liability);
    expect(f.buckets.labels).toEqual(['FY2023', 'FY2024', 'FY2025', 'FY2026', 'FY2027', 'Thereafter']);
    expect(a.buckets.map($)).toEqual([60000, 60000, 60000, 60000, 72000, 288000]);
    // By hand: the liability at 2023-12-31, and the current portion = what the 2023 payments settle.
    const hand = monthlyAdvance(
      Array.from({ length: 120 }, (_, k) => (k < 60 ? 500000 : 600000)),
      '0.04',
    );
    expect(a.liability).toBe(hand.closing[11]);
    expect(a.current).toBe(hand.closing[11] - hand.closing[23]);
    expect(a.nonCurrent).toBe(hand.closing[23]);
    expect(a.remainingMonths).toBe(108);
    expect(a.annualRate).toBe(0.04);
    const p = f.period.get('USD')!;
    expect($(p.operatingCost)).toBe(66000); // 12 x 5,500
    expect($(p.operatingCash)).toBe(60000); // the day-one payment (paid at commencement, CONTRACT 1.12) and 11 more
    expect($(p.rouObtainedOperating)).toBe(535116.39);
  });

  it('E3 (PwC 4-4) at 20X9-12-31: liability 11,338 (D 11,337.84), payments 6,000 + 6,000, interest 662, cost 6,000, cash 5,500', () => {
    const { result } = run([E3]);
    const f = disclosureFigures(result.leases, '2029-12-31', 12);
    const a = f.atDate[0];
    // D figures are unrounded month by month: within a few cents; the hand model (CONTRACT 1.9 rounding) exactly.
    const hand = monthlyAdvance(new Array(36).fill(50000), '0.06');
    expect(Math.abs($(a.liability) - 11337.84)).toBeLessThanOrEqual(0.05);
    expect(a.liability).toBe(hand.closing[11]);
    expect(a.buckets.map($)).toEqual([6000, 6000, 0, 0, 0, 0]);
    expect($(a.undiscounted)).toBe(12000);
    expect(Math.abs($(a.imputedInterest) - 662.16)).toBeLessThanOrEqual(0.05); // D: 500.67 + 161.49
    expect(a.imputedInterest).toBe(hand.interest.slice(12).reduce((x, y) => x + y, 0));
    expect(Math.abs($(a.nonCurrent) - 5838.51)).toBeLessThanOrEqual(0.05); // D: liability at the end of year 2
    expect(a.nonCurrent).toBe(hand.closing[23]);
    expect(a.current).toBe(hand.closing[11] - hand.closing[23]);
    expect(a.rou).toBe(a.liability); // no IDC, incentives or accrued rent: ROU = liability
    expect(a.remainingMonths).toBe(24);
    const p = f.period.get('USD')!;
    expect($(p.operatingCost)).toBe(6000);
    expect($(p.operatingCash)).toBe(6000); // 12 payments, the first at commencement (CONTRACT 1.12)
    expect($(p.rouObtainedOperating)).toBe(16017.69);
    expect(p.rouObtainedFinance).toBe(0);
  });

  it('E1 (PwC 4-2/4-11), finance: year 1 interest 261, amortization 965, liability 3,986, ROU 3,860; year 2 cash 261 interest + 839 principal', () => {
    const { result } = run([E1]);
    const near = (x: number, printedDollars: number) => expect(Math.abs($(x) - printedDollars)).toBeLessThanOrEqual(2);
    const y1 = disclosureFigures(result.leases, '2029-12-31', 12);
    const a = y1.atDate[0];
    expect(a.classification).toBe('finance');
    near(a.liability, 3986);
    near(a.rou, 3860);
    expect(a.buckets.map($)).toEqual([1100, 1100, 1100, 1100, 0, 0]);
    near(a.imputedInterest, 202 + 139 + 73);
    near(a.current, 3986 - 3088);
    const p1 = y1.period.get('USD')!;
    near(p1.financeInterest, 261);
    near(p1.financeAmortization, 965);
    // The year-1 payment is paid at commencement: no interest has accrued, so it is all principal (financing).
    expect(p1.financeInterestCash).toBe(0);
    expect(p1.financePrincipalCash).toBe(110000);
    near(p1.rouObtainedFinance, 3725);
    const p2 = disclosureFigures(result.leases, '2030-12-31', 12).period.get('USD')!;
    near(p2.financeInterestCash, 261); // the printed "interest paid" of year 2
    near(p2.financePrincipalCash, 839); // "principal paid"
    expect(p2.financeInterestCash + p2.financePrincipalCash).toBe(110000);
  });
});

describe('disclosures against hand-derived figures (sample portfolio leases) at 2025-12-31', () => {
  it('VEH-001 (36 x 720 in advance from 2024-03-01 at 6%): month 22 closing, 14 payments left, 8,640 in FY2026', () => {
    const { result } = run([
      lease({ id: 'VEH-001', commencement: '2024-03-01', termMonths: 36, payment: 720, rate: '0.06' }),
    ]);
    const f = disclosureFigures(result.leases, '2025-12-31', 12);
    const hand = monthlyAdvance(new Array(36).fill(72000), '0.06');
    const a = f.atDate[0];
    expect(a.liability).toBe(hand.closing[21]);
    expect(a.buckets.map($)).toEqual([8640, 1440, 0, 0, 0, 0]);
    expect(a.imputedInterest).toBe(1008000 - hand.closing[21]);
    expect(a.imputedInterest).toBe(hand.interest.slice(22).reduce((s, x) => s + x, 0));
    expect(a.current).toBe(hand.closing[21] - hand.closing[33]);
    expect(a.remainingMonths).toBe(14);
  });

  it('STOR-ST (short-term, 12 x 4,200 from 2025-05-01): short-term lease cost 33,600 for May-December, no balances', () => {
    const { result } = run([
      lease({ id: 'STOR-ST', commencement: '2025-05-01', termMonths: 12, payment: 4200, rate: '0.06' }),
    ]);
    const f = disclosureFigures(result.leases, '2025-12-31', 12);
    expect(f.atDate).toEqual([]);
    expect($(f.period.get('USD')!.shortTermCost)).toBe(33600);
    expect(f.period.get('USD')!.operatingCash).toBe(0);
  });
});

describe('the Disclosures sheet', () => {
  it('has one block per currency; liabilities and ROU assets link to the schedule cells', () => {
    const { plan: p } = plan(
      [
        lease({ id: 'U1', commencement: '2029-01-01', termMonths: 36, currency: 'USD' }),
        lease({ id: 'E1', commencement: '2029-01-15', termMonths: 24, currency: 'EUR' }),
      ],
      { reportingDate: '2029-12-31' },
    );
    const sheet = p.sheets.find((s) => s.name === 'Disclosures')!;
    const texts = sheet.rows.map((r) => r[0]?.value);
    expect(texts).toContain('Currency: EUR');
    expect(texts).toContain('Currency: USD');
    const header = sheet.rows.findIndex((r) => r[0]?.value === 'Lease ID');
    const u1 = sheet.rows[header + 1];
    const e1 = sheet.rows[header + 2];
    expect(e1[0]?.value).toBe('E1');
    // U1: December 2029 is month 12, ended: the closing cells of row 13. E1: month 12 runs 2029-12-15 to 2030-01-14,
    // so the Reporting Date falls inside it: the interest base (after that month's payment) and ROU opening + adjustment.
    expect(u1[4]?.formula).toBe('=Schedules!U13');
    expect(u1[7]?.formula).toBe('=Schedules!AB13');
    expect(e1[4]?.formula).toBe('=Schedules!O49');
    expect(e1[7]?.formula).toBe('=Schedules!V49+Schedules!W49');
  });
});

describe('disclosures for the period (issue 9)', () => {
  const vehicles = [
    lease({ id: 'V1', commencement: '2024-03-01', termMonths: 36, payment: 720, rate: '0.06' }),
    lease({ id: 'V2', commencement: '2025-02-01', termMonths: 48, payment: 1500, rate: '0.09', timing: 'Arrears' }),
    lease({ id: 'LATER', commencement: '2026-03-01', termMonths: 24, payment: 900, rate: '0.07' }),
  ];

  it('quarter, year-to-date and prior-year figures are sums of the JSON export months', () => {
    const { result } = run(vehicles);
    const json = buildJsonExport('test', result, []) as unknown as {
      leases: {
        id: string;
        months: { start: string; end: string; leaseCost: string; payment: string; classification: string }[];
      }[];
    };
    const f = disclosureFigures(result.leases, '2025-12-31', 12, {
      start: '2025-10-01',
      end: '2025-12-31',
      kind: 'quarter',
    });
    expect(f.columns.map((c) => [c.label, c.from, c.to])).toEqual([
      ['Three months', '2025-10-01', '2025-12-31'],
      ['Year to date', '2025-01-01', '2025-12-31'],
      ['Three months, prior year', '2024-10-01', '2024-12-31'],
      ['Year to date, prior year', '2024-01-01', '2024-12-31'],
    ]);
    const cents = (s: string) => Math.round(Number(s) * 100);
    for (const c of f.columns) {
      // Operating lease cost: every month ending in the column; cash: payments in advance on the month's start (V1),
      // in arrears on its end (V2), plus what was paid at commencement in the column (V1's and V2's first payment).
      let cost = 0;
      let cash = 0;
      for (const l of json.leases) {
        for (const m of l.months) {
          if (m.end >= c.from && m.end <= c.to) cost += cents(m.leaseCost);
          const paidOn = l.id === 'V2' ? m.end : m.start;
          if (paidOn >= c.from && paidOn <= c.to) cash += cents(m.payment);
        }
      }
      const atCommencement = result.leases
        .filter((l) => l.commencement >= c.from && l.commencement <= c.to)
        .reduce((s, l) => s + l.paidAtCommencement, 0);
      const p = c.figures.get('USD')!;
      expect(p.operatingCost).toBe(cost);
      expect(p.operatingCash).toBe(cash + atCommencement);
    }
    // By hand: three months of V1 (720 a month) and V2 (1,500) paid in Q4 2025.
    expect(f.columns[0].figures.get('USD')!.operatingCash).toBe(3 * 72000 + 3 * 150000);
  });

  it('weights the discount rate by remaining undiscounted payments and the term by the liability (CONTRACT 1.12), by hand for two leases', () => {
    const { result } = run(vehicles);
    const f = disclosureFigures(result.leases, '2025-12-31', 12);
    const [v1, v2] = ['V1', 'V2'].map((id) => f.atDate.find((a) => result.leases[a.lease].id === id)!);
    // V1: 14 payments of 720 left (2026-01 .. 2027-02); V2: 37 payments of 1,500 in arrears left (2026-01 .. 2029-01).
    expect(v1.undiscounted).toBe(14 * 72000);
    expect(v2.undiscounted).toBe(37 * 150000);
    const rate = (14 * 720 * 0.06 + 37 * 1500 * 0.09) / (14 * 720 + 37 * 1500);
    const term = (v1.liability * (14 / 12) + v2.liability * (37 / 12)) / (v1.liability + v2.liability);
    const w = weightedAverages([v1, v2]);
    expect(w.rate).toBeCloseTo(rate, 12);
    expect(w.termYears).toBeCloseTo(term, 12);
    // Weighted by liability instead, the rate would differ: the weighting matters.
    const byLiability = (v1.liability * 0.06 + v2.liability * 0.09) / (v1.liability + v2.liability);
    expect(Math.abs(byLiability - rate)).toBeGreaterThan(1e-4);
  });

  it('lists a lease commencing after the Reporting Date with its undiscounted payments, and does not measure it', () => {
    const { result, plan: p } = plan(vehicles, { reportingDate: '2025-12-31' });
    const f = disclosureFigures(result.leases, '2025-12-31', 12);
    const later = result.leases.findIndex((l) => l.id === 'LATER');
    expect(f.notCommenced).toEqual([{ lease: later, undiscounted: 24 * 90000 }]);
    expect(f.atDate.map((a) => a.lease)).not.toContain(later);
    const rows = p.sheets.find((s) => s.name === 'Disclosures')!.rows;
    const title = rows.findIndex((r) => String(r[0]?.value ?? '').startsWith('Leases signed, not yet commenced'));
    expect(rows[title + 2][0]?.value).toBe('LATER');
    expect(rows[title + 2][4]?.formula).toMatch(/^=SUM\(Schedules!T\d+:T\d+\)\+Disclosures!\$E\$\d+$/);
    // Not in the tables of leases at either date.
    const atTables = rows.filter((r) => r[0]?.value === 'LATER');
    expect(atTables).toHaveLength(2); // the not-yet-commenced row and its row in "Payments at commencement"
  });
});
