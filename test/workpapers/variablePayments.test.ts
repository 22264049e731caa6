/**
 * Variable lease cost in the workpapers (CONTRACT 2, `VariablePayments`; ASC 842-20-50-4 asks for variable lease
 * cost in the lease cost disclosure): its own journal entry on the payment's date (Dr Variable lease cost / Cr Cash),
 * in the closing figures, in the Roll-Forward's variable payments column (never a liability movement) and in the
 * disclosures' lease cost table. Expected amounts are the inputs themselves, summed here.
 */
import { defaultPolicies, measureLease } from '../../src/engine';
import type { LeaseTerms, VariablePayment } from '../../src/engine/terms';
import { leaseJournal } from '../../src/workpapers/journal';
import { leaseClosing } from '../../src/workpapers/closing';
import { disclosureFigures } from '../../src/workpapers/disclosureFigures';
import { ROLL_FORWARD_HEADERS, rollForwardLayout } from '../../src/workpapers/sheets/rollForward';
import { lease, $ } from '../support/leases';
import { plan } from './support';

const vp = (date: string, amount: number, description: string): VariablePayment => ({
  date,
  amount: $(amount),
  description,
});
const base = lease({ id: 'V', termMonths: 36, payment: 1000, rate: '0.05', usefulLifeMonths: 120 });
const terms: LeaseTerms = {
  ...base,
  variablePayments: [
    vp('2029-02-10', 300, 'CAM estimate'),
    vp('2029-11-20', 45.5, 'usage'),
    vp('2030-03-05', -20, 'CAM credit'),
  ],
};
const r = measureLease(terms, [], defaultPolicies());
const plain = measureLease(base, [], defaultPolicies());

describe('journal', () => {
  test('one entry per payment on its date: Dr Variable lease cost / Cr Cash (a credit the other way round)', () => {
    const lines = leaseJournal(r).filter((l) => l.kind === 'Variable lease cost');
    expect(lines.map((l) => [l.date, l.role, l.debit, l.credit])).toEqual([
      ['2029-02-10', 'Variable lease cost', 30000, 0],
      ['2029-02-10', 'Cash', 0, 30000],
      ['2029-11-20', 'Variable lease cost', 4550, 0],
      ['2029-11-20', 'Cash', 0, 4550],
      ['2030-03-05', 'Variable lease cost', 0, 2000],
      ['2030-03-05', 'Cash', 2000, 0],
    ]);
    // The entry number carries the day: a month may hold more than one variable payment.
    expect(lines[0].entry).toBe('V-202902-VAR10');
    expect(lines[0].memo).toBe('Variable lease cost: CAM estimate, lease month 2 of 36');
  });

  test('the rest of the journal is the lease’s own, lines stay in date order and every entry balances', () => {
    const all = leaseJournal(r);
    const others = all.filter((l) => l.kind !== 'Variable lease cost');
    expect(others).toEqual(leaseJournal(plain).map((l) => ({ ...l, leaseId: 'V' })));
    for (let i = 1; i < all.length; i++) expect(all[i].date >= all[i - 1].date).toBe(true);
    const byEntry = new Map<string, number>();
    for (const l of all) byEntry.set(l.entry, (byEntry.get(l.entry) ?? 0) + l.debit - l.credit);
    expect([...byEntry.values()].every((x) => x === 0)).toBe(true);
  });

  test('closing figures through a date count the payments dated on or before it, as the journal does', () => {
    const f = leaseClosing(r, '2029-12-31').figures;
    const p = leaseClosing(plain, '2029-12-31').figures;
    expect(f.variableLeaseCost).toBe(30000 + 4550);
    expect(f.cash - p.cash).toBe(30000 + 4550);
    expect(f.leaseLiability).toBe(p.leaseLiability);
  });
});

describe('Roll-Forward and Disclosures', () => {
  test('the variable payments column holds the period’s payments; the liability columns are unchanged', () => {
    const lay = rollForwardLayout([r], 12);
    const plainLay = rollForwardLayout([plain], 12);
    const col = (h: (typeof ROLL_FORWARD_HEADERS)[number]) => ROLL_FORWARD_HEADERS.indexOf(h);
    const rows = lay.sheet.rows.slice(lay.firstRow - 1, lay.lastRow);
    const year = (label: string) => rows.find((x) => x[0]?.value === 'Fiscal year' && x[1]?.value === label)!;
    const variable = col('Variable lease payments (cash, not in the liability)');
    expect(year('FY2029')[variable]?.value).toBe(345.5);
    expect(year('FY2030')[variable]?.value).toBe(-20);
    const liabilityCols = ROLL_FORWARD_HEADERS.filter((h) => h.startsWith('Liability')).map(col);
    const plainRows = plainLay.sheet.rows.slice(plainLay.firstRow - 1, plainLay.lastRow);
    expect(rows.map((x) => liabilityCols.map((c) => x[c]?.value ?? x[c]?.formula))).toEqual(
      plainRows.map((x) => liabilityCols.map((c) => x[c]?.value ?? x[c]?.formula)),
    );
  });

  test('the lease cost table has a variable lease cost row in the total (fiscal year to date)', () => {
    const f = disclosureFigures([r], '2029-12-31', 12);
    expect(f.period.get('USD')!.variableCost).toBe(30000 + 4550);
    expect(disclosureFigures([r], '2030-12-31', 12).period.get('USD')!.variableCost).toBe(-2000);
    const rows = plan([terms], { reportingDate: '2029-12-31' }).plan.sheets.find((x) => x.name === 'Disclosures')!.rows;
    // A live formula over the journal's variable lease cost lines dated in each period column (the LibreOffice
    // test recalculates it to the engine's figure); the total includes it.
    const at = rows.findIndex((x) => x[0]?.value === 'Variable lease cost');
    expect(rows[at][1]?.formula).toMatch(/^=SUMIFS\('Roll-Forward'!\$AA\$5:\$AA\$\d+,'Roll-Forward'!\$A\$5:/);
    const total = rows.findIndex((x, i) => i > at && x[0]?.value === 'Total lease cost');
    const first = rows.findIndex((x) => x[0]?.value === 'Operating lease cost');
    expect(rows[total][1]?.formula).toBe(`=SUM(Disclosures!B${first + 1}:B${at + 1})`);
  });
});

describe('Tie-Out', () => {
  const formulas = (over: Parameters<typeof plan>[1]) =>
    plan([terms], over)
      .plan.sheets.find((x) => x.name === 'Tie-Out')!
      .rows.flat()
      .flatMap((c) => (c?.formula ? [c.formula] : []));

  test('variable lease cost has its own account role, outside the lease cost the Tie-Out compares with the schedule', () => {
    const all = formulas({ reportingDate: '2029-02-28' });
    const leaseCost = all.filter((f) => f.includes('"Operating lease cost"'));
    expect(leaseCost.length).toBeGreaterThan(0);
    expect(leaseCost.some((f) => f.includes('"Variable lease cost"'))).toBe(false);
  });
});
