import { readPortfolio } from '../../src/input/portfolio';
import { POLICY_SETTINGS } from '../../src/input/policySettings';
import { inputSheets, templatePlan } from '../../src/template';
import type { SheetPlan } from '../../src/workpapers/plan';
import { LEASE_HEADERS, MOD_HEADERS } from '../input/tables';
import { planTables } from './planTables';

const sheet = (plan: SheetPlan[], name: string): SheetPlan => {
  const s = plan.find((p) => p.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const validation = (s: SheetPlan, col: string) => s.dataValidations?.find((v) => v.range.startsWith(`${col}4:`));

describe('templatePlan', () => {
  const plan = templatePlan();

  it('has the six input sheets, each with its table, headers exactly as CONTRACT section 2', () => {
    expect(plan.map((s) => s.name)).toEqual([
      'Leases',
      'LeasePayments',
      'LeaseModifications',
      'VariablePayments',
      'GLAccounts',
      'Policies',
    ]);
    expect(plan.map((s) => s.tables?.map((t) => t.name))).toEqual([
      ['Leases'],
      ['LeasePayments'],
      ['LeaseModifications'],
      ['VariablePayments'],
      ['GLAccounts'],
      ['Policies'],
    ]);
    const tables = planTables(plan).tables;
    expect(tables.map((t) => t.headers)).toEqual([
      LEASE_HEADERS,
      ['Lease ID', 'Date', 'Amount'],
      MOD_HEADERS,
      ['Lease ID', 'Date', 'Amount', 'Description'],
      ['Account Key', 'Entity', 'Account Number', 'Account Name', 'Department', 'Class', 'Location'],
      ['Setting', 'Value'],
    ]);
    // The Account Key dropdown lists every account role from a visible reference column beside the table.
    const gl = plan.find((s) => s.name === 'GLAccounts')!;
    const v = gl.dataValidations!.find((d) => d.range.startsWith('A4:'))!;
    expect(v.list).toHaveLength(19);
    expect(v.source).toBe('GLAccounts!$I$4:$I$22');
    expect(gl.rows.slice(3, 22).map((r) => r[8]?.value)).toEqual(v.list);
  });

  it('reads back as the PwC automobile lease with default policies', () => {
    const r = readPortfolio(planTables(plan));
    expect(r.errors).toEqual([]);
    const l = r.input!.leases[0];
    expect(l).toMatchObject({
      id: 'EXAMPLE-1',
      commencement: '2029-01-01',
      termMonths: 36,
      payment: 50000,
      frequency: 'Monthly',
      timing: 'Advance',
      irregularPayments: [],
    });
    expect(l.discountRate.toString()).toBe('0.06');
    expect(r.input!.modifications).toEqual([]);
    const p = r.input!.policies;
    expect(p.rateBasis).toBe('Payment frequency');
    expect(p.shortTermExemption).toBe(true);
    expect(p.economicLifeThreshold.toString()).toBe('0.75');
    expect(p.fairValueThreshold.toString()).toBe('0.9');
    expect(p.fiscalYearEndMonth).toBe(12);
    expect(p.reportingDate).toBeNull();
  });

  it('formats dates, percents and amounts', () => {
    const row = sheet(plan, 'Leases').rows[3];
    const at = (h: string) => row[LEASE_HEADERS.indexOf(h)];
    expect(at('Commencement Date')).toEqual({ value: 47119, numberFormat: 'yyyy-mm-dd' });
    expect(at('Discount Rate')).toEqual({ value: 0.06, numberFormat: '0.00%' });
    expect(at('Annual Escalation')?.numberFormat).toBe('0.00%');
    expect(at('Payment')).toEqual({ value: 500, numberFormat: '#,##0.00' });
    expect(at('Fair Value')?.numberFormat).toBe('#,##0.00');
  });

  it('has dropdown lists for Frequency, Timing, Yes/No, Classification, Type and the policy values', () => {
    const leases = sheet(plan, 'Leases');
    expect(validation(leases, 'I')?.list).toEqual(['Monthly', 'Quarterly', 'Semiannual', 'Annual']);
    expect(validation(leases, 'J')?.list).toEqual(['Advance', 'Arrears']);
    for (const c of ['S', 'T', 'U']) expect(validation(leases, c)?.list).toEqual(['Yes', 'No']);
    expect(validation(leases, 'X')?.list).toEqual(['Operating', 'Finance']);
    expect(validation(leases, 'I')?.range).toBe('I4:I1003');
    const mods = sheet(plan, 'LeaseModifications');
    expect(validation(mods, 'C')?.list).toEqual(['Remeasurement', 'Partial termination', 'Termination', 'Impairment']);
    expect(validation(mods, 'M')?.list).toEqual(['Operating', 'Finance']);
    const pol = sheet(plan, 'Policies');
    const rateBasisRow = 4 + POLICY_SETTINGS.findIndex((s) => s.setting === 'Rate Basis');
    expect(pol.dataValidations?.find((v) => v.range === `B${rateBasisRow}`)?.list).toEqual([
      'Payment frequency',
      'Monthly',
      'Effective annual',
    ]);
    expect(pol.dataValidations?.find((v) => v.range.startsWith('A4:'))?.list).toContain('Reporting Date');
  });

  it('every dropdown is an inline list within 255 characters or refers to a visible range holding its values', () => {
    for (const s of plan) {
      for (const v of s.dataValidations ?? []) {
        if (v.source === undefined) {
          expect(v.list.join(',').length).toBeLessThanOrEqual(255);
          continue;
        }
        // "Policies!$D$4:$D$21" read back from the plan's own cells.
        const m = /^(\w+)!\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)$/.exec(v.source);
        expect(m).not.toBeNull();
        const [, sheetName, col, r0, col1, r1] = m!;
        expect(col1).toBe(col);
        const c = col.charCodeAt(0) - 65;
        const held = sheet(plan, sheetName)
          .rows.slice(Number(r0) - 1, Number(r1))
          .map((r) => r[c]?.value);
        expect(held).toEqual(v.list);
      }
    }
    const pol = sheet(plan, 'Policies');
    const names = pol.dataValidations?.find((v) => v.range.startsWith('A4:'));
    expect(names?.list).toEqual(POLICY_SETTINGS.map((x) => x.setting));
    expect(names?.source).toBeDefined();
    // The reference table is labelled: a title above it and a header over each of its columns.
    expect(pol.rows[0][3]?.value).toBe('Allowed settings (reference)');
    expect(pol.rows[2].slice(3).map((c) => c?.value)).toEqual(['Setting', 'About', 'Allowed values']);
    const rateBasis = pol.rows.find((r) => r[3]?.value === 'Rate Basis');
    expect(rateBasis?.[5]?.value).toBe('Payment frequency / Monthly / Effective annual');
    // Each threshold's example is its own default (ASC 842-10-55-2: 75% of economic life, 90% of fair value).
    const allowed = (setting: string) => String(pol.rows.find((r) => r[3]?.value === setting)?.[5]?.value);
    expect(allowed('Economic Life Threshold')).toMatch(/e\.g\. 75%$/);
    expect(allowed('Fair Value Threshold')).toMatch(/e\.g\. 90%$/);
  });

  it('says on the LeasePayments sheet that its rows replace the regular stream', () => {
    const notes = sheet(plan, 'LeasePayments')
      .rows.slice(0, 2)
      .map((r) => String(r[0]?.value));
    expect(notes.join(' ')).toMatch(/REPLACE the lease's regular stream/);
    expect(String(sheet(plan, 'Leases').rows[1][0]?.value)).toMatch(/LeasePayments.*ignored/);
  });

  it('lists every policy setting once, with its default', () => {
    const pol = planTables(plan).tables.find((t) => t.name === 'Policies')!;
    expect(pol.rows.map((r) => r[0].value)).toEqual(POLICY_SETTINGS.map((s) => s.setting));
    expect(pol.rows.find((r) => r[0].value === 'Reporting Period')?.[1].value).toBe('Month');
    // GL account names live in the GLAccounts table now; the Policies table no longer lists them.
    expect(pol.rows.some((r) => String(r[0].value).endsWith('Account'))).toBe(false);
    expect(new Set(POLICY_SETTINGS.map((s) => s.setting.toLowerCase())).size).toBe(POLICY_SETTINGS.length);
  });

  it('without the example, keeps one blank formatted row, which the reader reports as no leases', () => {
    const empty = templatePlan({ exampleLease: false });
    expect(sheet(empty, 'Leases').tables?.[0].range).toBe('A3:X4');
    expect(readPortfolio(planTables(empty)).errors.map((e) => `${e.where}: ${e.message}`)).toEqual([
      'Leases!A3: Table Leases has no leases; add one row per lease',
    ]);
  });
});

describe('inputSheets', () => {
  it('writes given rows, dates as Excel serials, and grows the table and dropdowns with them', () => {
    const leases = Array.from({ length: 1200 }, (_, i) => ({
      'Lease ID': `L-${i + 1}`,
      'Commencement Date': '2029-01-01',
      'Term (Months)': 12,
      Payment: 100,
      'Discount Rate': '5%',
    }));
    const s = inputSheets({
      leases,
      leasePayments: [{ 'Lease ID': 'L-1', Date: '2029-03-15', Amount: 10 }],
      policies: { 'Reporting Date': '2029-12-31' },
    });
    expect(s[0].tables?.[0].range).toBe('A3:X1203');
    expect(validation(s[0], 'I')?.range).toBe('I4:I1203');
    const r = readPortfolio(planTables(s));
    expect(r.errors).toEqual([]);
    expect(r.input!.leases).toHaveLength(1200);
    expect(r.input!.leases[0].irregularPayments).toMatchObject([{ date: '2029-03-15', amount: 1000 }]);
    expect(r.input!.policies.reportingDate).toBe('2029-12-31');
  });

  it('refuses unknown columns and settings (a typo would silently drop data)', () => {
    expect(() => inputSheets({ leases: [{ 'Lease Id': 'x' }] })).toThrow('Leases has no column "Lease Id"');
    expect(() => inputSheets({ leases: [], policies: { 'Rate basis': 'Monthly' } })).toThrow(
      'no policy setting "Rate basis"',
    );
  });
});
