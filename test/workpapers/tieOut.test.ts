import { lease } from '../support/leases';
import { plan } from './support';

describe('the Tie-Out', () => {
  const leases = Array.from({ length: 12 }, (_, i) =>
    lease({ id: `L-${i}`, termMonths: 36, currency: i % 3 === 0 ? 'EUR' : 'USD' }),
  );

  it("covers every continuation sheet and stays within Excel's 8,192-character formula limit", () => {
    const { plan: p } = plan(leases, { reportingDate: '2029-12-31' }, { maxRows: 100, journalMaxRows: 1000 });
    const names = p.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('Schedules '))).toHaveLength(5); // 2 leases of 36 rows a sheet
    expect(names.filter((n) => n.startsWith('Journal Entries '))).toHaveLength(2);
    const { plan: q } = plan(leases, { reportingDate: '2029-12-31' }, { maxRows: 100, journalMaxRows: 200 });
    const journalParts = q.sheets.filter((s) => s.name.startsWith('Journal Entries')).map((s) => s.name);
    expect(journalParts.length).toBe(12);
    const tie = q.sheets.find((s) => s.name === 'Tie-Out')!;
    const formulas = tie.rows.flat().flatMap((c) => (c?.formula ? [c.formula] : []));
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThanOrEqual(8192);
    // The journal totals and the per-sheet row checks name every part.
    const debitTotal = tie.rows[5 + 5][3]!.formula!;
    for (const part of journalParts) expect(debitTotal).toContain(`'${part}'!$F$2:`);
    const rowTies = tie.rows[5][3]!.formula!;
    for (const part of q.sheets.filter((s) => s.name.startsWith('Schedules')).map((s) => s.name)) {
      expect(rowTies).toContain(part.includes(' ') ? `'${part}'!` : `${part}!`);
    }
  });

  it('has 17 checks plus 5 per currency, each with two figures, a difference and PASS/FAIL', () => {
    const { plan: p } = plan(leases, { reportingDate: '2029-12-31' });
    const tie = p.sheets.find((s) => s.name === 'Tie-Out')!;
    const checks = tie.rows.slice(5).filter((r) => typeof r[0]?.value === 'number');
    expect(checks).toHaveLength(17 + 5 * 2);
    for (const [k, r] of checks.entries()) {
      expect(r[0]?.value).toBe(k + 1);
      expect(r[3]?.formula).toBeDefined();
      expect(r[4]?.formula).toBeDefined();
      expect(r[5]?.formula).toBe(`=D${6 + k}-E${6 + k}`);
      expect(r[6]?.formula).toBe(`=IF(ROUND(F${6 + k},2)=0,"PASS","FAIL")`);
    }
    expect(checks.map((r) => r[1]?.value).filter((t) => String(t).startsWith('Disclosures (EUR)'))).toHaveLength(5);
    expect(tie.conditionalFormats).toEqual(expect.arrayContaining([{ range: 'G6:G32', kind: 'passFail' }]));
    const runLog = p.sheets.find((s) => s.name === 'Run Log')!;
    expect(runLog.rows.flat().some((c) => c?.formula === "='Tie-Out'!D3")).toBe(true);
  });
});
