import { Decimal } from '../../src/engine/money/decimal';
import { measurePortfolio } from '../../src/engine';
import type { PortfolioInput } from '../../src/engine/terms';
import { buildWorkpapers } from '../../src/workpapers';
import { SC, schedulesLayout } from '../../src/workpapers/sheets/schedules';
import { lease, modification } from '../support/leases';
import { META, plan, policies } from './support';

/** The check rows: from row 6 down to the first row without a check number (the summary table follows a gap). */
function checkRows<T extends { value?: unknown } | null>(rows: T[][]): T[][] {
  const out: T[][] = [];
  for (const r of rows.slice(5)) {
    if (typeof r[0]?.value !== 'number') break;
    out.push(r);
  }
  return out;
}

describe('the Tie-Out', () => {
  const leases = Array.from({ length: 12 }, (_, i) =>
    lease({ id: `L-${i}`, termMonths: 36, currency: i % 3 === 0 ? 'EUR' : 'USD' }),
  );

  it("covers every continuation sheet and stays within Excel's 8,192-character formula limit", () => {
    const { plan: p } = plan(leases, { reportingDate: '2029-12-31' }, { maxRows: 100, journalMaxRows: 1000 });
    const names = p.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('Schedules '))).toHaveLength(5); // 2 leases of 36 rows a sheet
    expect(names.filter((n) => n.startsWith('Journal Entries '))).toHaveLength(0);
    // December 2029: each lease has 7 detail lines (payment, cost, reclass); 40 rows hold 3 leases below the summary
    // on the first sheet, then 5 leases a sheet.
    const { plan: q } = plan(leases, { reportingDate: '2029-12-31' }, { maxRows: 100, journalMaxRows: 40 });
    const journalParts = q.sheets.filter((s) => s.name.startsWith('Journal Entries')).map((s) => s.name);
    expect(journalParts.length).toBeGreaterThan(2);
    const tie = q.sheets.find((s) => s.name === 'Tie-Out')!;
    const formulas = tie.rows.flat().flatMap((c) => (c?.formula ? [c.formula] : []));
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
    // The journal totals and the per-sheet row checks name every part.
    const debitTotal = tie.rows[5 + 5][3]!.formula!;
    for (const part of journalParts.slice(1)) expect(debitTotal).toContain(`'${part}'!$G$2:`);
    expect(debitTotal).toContain(`'Journal Entries'!$G$`);
    const rowTies = tie.rows[5][3]!.formula!;
    for (const part of q.sheets.filter((s) => s.name.startsWith('Schedules')).map((s) => s.name)) {
      expect(rowTies).toContain(part.includes(' ') ? `'${part}'!` : `${part}!`);
    }
  });

  it('has 24 checks (4 of them on the Journal Import), 13 per currency and 4 on inputs, measurement and classification, each with two figures, a difference and PASS/FAIL', () => {
    const { plan: p } = plan(leases, { reportingDate: '2029-12-31' });
    const tie = p.sheets.find((s) => s.name === 'Tie-Out')!;
    const checks = checkRows(tie.rows);
    // Per currency: 5 that tie the Disclosures to other sheets, and 8 groups of figures re-performed (balance sheet,
    // two maturity analyses, four period columns: the month, the year to date and both a year earlier, weighted
    // averages).
    expect(checks).toHaveLength(24 + 13 * 2 + 4);
    for (const [k, r] of checks.entries()) {
      expect(r[0]?.value).toBe(k + 1);
      expect(r[3]?.formula).toBeDefined();
      expect(r[4]?.formula).toBeDefined();
      expect(r[5]?.formula).toBe(`=D${6 + k}-E${6 + k}`);
      expect(r[6]?.formula).toBe(`=IF(ROUND(F${6 + k},2)=0,"PASS","FAIL")`);
    }
    expect(checks.map((r) => r[1]?.value).filter((t) => String(t).startsWith('Disclosures (EUR)'))).toHaveLength(13);
    expect(tie.conditionalFormats).toEqual(expect.arrayContaining([{ range: `G6:G${5 + 54}`, kind: 'passFail' }]));
    const runLog = p.sheets.find((s) => s.name === 'Run Log')!;
    expect(runLog.rows.flat().some((c) => c?.formula === "='Tie-Out'!D3")).toBe(true);
  });

  describe('with modifications', () => {
    const input: PortfolioInput = {
      leases: [
        lease({ id: 'A', termMonths: 48, payment: 1000, rate: '0.05' }),
        lease({ id: 'B', termMonths: 48, payment: 1000, rate: '0.05', timing: 'Arrears' }),
      ],
      modifications: [
        modification({ leaseId: 'A', effectiveDate: '2029-07-01', type: 'Remeasurement', newPayment: 120000 }),
        modification({ leaseId: 'A', effectiveDate: '2030-01-01', type: 'Impairment', impairmentAmount: 300000 }),
        modification({
          leaseId: 'A',
          effectiveDate: '2030-07-01',
          type: 'Partial termination',
          scopeReduction: new Decimal('0.4'),
          newPayment: 70000,
        }),
        modification({ leaseId: 'A', effectiveDate: '2031-01-01', type: 'Termination', terminationPayment: 100000 }),
        modification({
          leaseId: 'B',
          effectiveDate: '2029-04-01',
          type: 'Remeasurement',
          newDiscountRate: new Decimal('0.07'),
          newTermMonths: 60,
        }),
      ],
      policies: policies({ reportingDate: '2029-12-31' }),
    };
    const result = measurePortfolio(input);
    const p = buildWorkpapers(result, input, META);
    const tie = p.sheets.find((s) => s.name === 'Tie-Out')!;
    const header = tie.rows[4];
    const at = (name: string, from = 0) => header.findIndex((c, k) => k >= from && c?.value === name);

    it('adds a liability = PV row per remeasurement and partial termination and an ROU row per event', () => {
      const checks = checkRows(tie.rows);
      const proof = checks.map((r) => String(r[1]?.value)).slice(24 + 13, -4);
      expect(proof).toEqual([
        'Remeasurement: A, month 7: liability after = PV of the revised payments',
        'Remeasurement: A, month 7: ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received',
        'Impairment: A, month 13: ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received',
        'Partial termination: A, month 19: liability after = PV of the revised payments',
        'Partial termination: A, month 19: ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received',
        'Remeasurement: B, month 4: liability after = PV of the revised payments',
        'Remeasurement: B, month 4: ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received',
      ]);
      expect(tie.conditionalFormats).toEqual(
        expect.arrayContaining([{ range: `G6:G${5 + 24 + 13 + 7 + 4}`, kind: 'passFail' }]),
      );
    });

    it("links the schedule's event row and lists every revised payment with a live discount factor", () => {
      const places = schedulesLayout(result.leases).places;
      const id = at('Lease ID', 30);
      const pv = at('PV of revised payments');
      const payId = at('Lease ID', pv);
      const rows = tie.rows.slice(5).filter((r) => r[id]?.value !== undefined);
      expect(rows.map((r) => [r[id]?.value, r[id + 1]?.value])).toEqual([
        ['A', 'Remeasurement'],
        ['A', 'Impairment'],
        ['A', 'Partial termination'],
        ['B', 'Remeasurement'],
      ]);
      // Partial termination of A: month 19, Schedules row of that month.
      const a = result.leases[0];
      const pt = rows[2];
      const sr = places[0].firstRow + 18;
      expect(pt[id + 5]?.formula).toBe(`=Schedules!${SC.liabilityOpening}${sr}`);
      expect(pt[id + 6]?.value).toBe(a.months[18].liabilityDerecognized / 100);
      expect(pt[id + 10]?.value).toBe(a.months[18].rouDerecognized / 100);
      expect(a.months[18].liabilityDerecognized).toBeGreaterThan(0);
      // Every payment of every new measurement, and the PV re-performed from the table (binary floating point, as a
      // spreadsheet would) rounds to the engine's liability.
      const payments = tie.rows.slice(5).filter((r) => r[payId]?.value !== undefined);
      const measured = [a.measurements[1], a.measurements[3], result.leases[1].measurements[1]];
      expect(payments.length).toBe(measured.reduce((s, m) => s + m.payments.length, 0));
      let k = 0;
      for (const m of measured) {
        const rate = Number(m.monthlyRate.text);
        let sum = 0;
        for (const pay of m.payments) {
          const r = payments[k++];
          expect(r[payId + 3]?.value).toBe(pay.t);
          expect(r[payId + 6]?.value).toBe(pay.amount / 100);
          expect(r[payId + 7]?.formula).toMatch(/^=\(1\+\$[A-Z]+\$\d+\)\^-\([A-Z]+\d+-\([A-Z]+\d+-1\)\)$/);
          sum += (pay.amount / 100) * (1 + rate) ** -(pay.t - (m.startMonth - 1));
        }
        expect(Math.round(sum * 100)).toBe(m.liability);
      }
      expect(k).toBe(payments.length);
    });
  });
});

describe('the Tie-Out with a Schedules window', () => {
  it("re-performs each brought-forward liability as the PV of the lease's payments still due, within cent rounding", () => {
    const leases = [
      lease({ id: 'OLD', commencement: '2027-01-01', termMonths: 60, payment: 1000, rate: '0.06' }),
      lease({ id: 'NEW', commencement: '2029-06-01', termMonths: 24, payment: 500, rate: '0.05' }),
    ];
    const { plan: p, result } = plan(leases, { reportingDate: '2029-12-31' }, { fullScheduleMonths: 10 });
    const tie = p.sheets.find((s) => s.name === 'Tie-Out')!;
    const pv = tie.rows.flat().filter((c) => c?.formula?.startsWith('=SUMPRODUCT({'));
    // OLD is brought forward into the window (FY2029 and 2030); NEW starts inside it.
    expect(pv).toHaveLength(1);
    const old = result.leases[0];
    const first = old.months.find((m) => m.end >= '2029-01-01')!;
    expect(first.month).toBe(25);
    const due = old.measurements[0].payments.filter((x) => x.month >= first.month);
    const amounts = /\{([^}]*)\}/.exec(pv[0]!.formula!)![1].split(';').map(Number);
    expect(amounts).toEqual(due.map((x) => x.amount / 100));
    // By hand: the PV of the 36 payments still due at 0.5% a month, each from its own month (in advance: 0..35).
    let hand = 0;
    due.forEach((x) => (hand += x.amount / 100 / Math.pow(1.005, x.t - 24)));
    expect(Math.abs(hand - first.liabilityStart / 100)).toBeLessThanOrEqual(0.13);
    const names = checkRows(tie.rows).map((r) => String(r[1]?.value));
    expect(names).toContainEqual(expect.stringMatching(/^Schedules window: the liability brought forward = PV/));
  });
});
