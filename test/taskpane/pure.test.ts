/**
 * The pane's pure parts: Intl formatting for the display language (whole cents shown exactly), the Policies
 * form model, the Tie-Out verdicts with their failing rows, and a plan carried across the worker boundary.
 */
import fc from 'fast-check';
import { formatters, utcOffset } from '../../src/taskpane/format';
import {
  changedSettings,
  fieldError,
  formFromTable,
  sectionOf,
  toChange,
} from '../../src/taskpane/components/policiesForm';
import { POLICY_SETTINGS, findPolicySetting } from '../../src/input';
import { countChecks } from '../../src/office/checkResults';
import { blockRows, planFromShell, planShell, sheetRows, SHELL_ROWS } from '../../src/taskpane/compute';
import { planRows } from '../../src/workpapers';
import type { WorkpaperPlan } from '../../src/workpapers/plan';

describe('formatting for the display language', () => {
  test('counts and amounts in English and German', () => {
    const en = formatters('en-US');
    const de = formatters('de-DE');
    expect(en.count(2015)).toBe('2,015');
    expect(de.count(2015)).toBe('2.015');
    expect(en.cents(1609778)).toBe('16,097.78');
    expect(de.cents(1609778)).toBe('16.097,78');
    expect(en.cents(-5)).toBe('-0.05');
    expect(en.date('2025-01-31')).toBe('Jan 31, 2025');
    // The Policies tab's Fiscal Year End Month choices.
    expect([1, 12].map(en.monthName)).toEqual(['January', 'December']);
    expect([3, 12].map(de.monthName)).toEqual(['März', 'Dezember']);
    expect(en.list(['Leases', 'GLAccounts', 'Policies'])).toBe('Leases, GLAccounts, and Policies');
    expect(de.list(['Leases', 'GLAccounts', 'Policies'])).toBe('Leases, GLAccounts und Policies');
  });

  test('an unknown language falls back to English', () => {
    expect(formatters('xx-invalid-###').count(1234)).toBe('1,234');
  });

  test('whole cents are shown exactly, however large (no binary fractions)', () => {
    const en = formatters('en-US');
    fc.assert(
      fc.property(fc.integer({ min: -9e13, max: 9e13 }), (c) => {
        const text = en.cents(c).replace(/,/g, '');
        const sign = c < 0 ? '-' : '';
        const abs = Math.abs(c);
        expect(text).toBe(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
      }),
    );
  });

  test('a time shows its UTC offset', () => {
    const ms = Date.UTC(2026, 0, 15, 12, 0, 0);
    expect(utcOffset(ms)).toMatch(/^[+-]\d\d:\d\d$/);
    expect(formatters('en-US').time(ms)).toContain(`UTC${utcOffset(ms)}`);
  });
});

describe('the Policies form model', () => {
  const setting = (name: string) => findPolicySetting(name)!;

  test('every setting is in one of the four sections', () => {
    const sections = new Set(POLICY_SETTINGS.map(sectionOf));
    expect([...sections].every((s) => ['measurement', 'reporting', 'accounts', 'preparer'].includes(s))).toBe(true);
    expect(sectionOf(setting('Rate Basis'))).toBe('measurement');
    expect(sectionOf(setting('Reporting Date'))).toBe('reporting');
    expect(sectionOf(setting('Fiscal Year End Month'))).toBe('reporting');
    expect(sectionOf(setting('Cash Account'))).toBe('accounts');
    expect(sectionOf(setting('Journal Import Format'))).toBe('accounts');
  });

  test('table rows are matched by the one normaliser, however spelled', () => {
    const form = formFromTable({
      table: { sheet: 'Policies', address: 'Policies!A3:B5' },
      rows: [
        { setting: 'SHORT_TERM exemption', value: 'No', numberFormat: 'General' },
        { setting: 'economic-life threshold', value: 0.8, numberFormat: '0.00%' },
      ],
    });
    expect(form['Short-Term Exemption']).toBe('No');
    expect(form['Economic Life Threshold']).toBe('80%');
    expect(form['Rate Basis']).toBe('');
  });

  test('field checks are the reader’s', () => {
    expect(fieldError(setting('Economic Life Threshold'), '75%')).toBeNull();
    expect(fieldError(setting('Economic Life Threshold'), '0%')).toMatch(/Economic Life Threshold/);
    expect(fieldError(setting('Reporting Date'), '2025-06-30')).toBeNull();
    expect(fieldError(setting('Reporting Date'), '2025-06-15')).toMatch(/not a month-end/);
    expect(fieldError(setting('Fiscal Year End Month'), '13')).toMatch(/Fiscal Year End Month/);
    expect(fieldError(setting('Rate Basis'), 'Weekly')).toMatch(/Rate Basis/);
    expect(fieldError(setting('Rate Basis'), '')).toBeNull();
  });

  test('what Save writes', () => {
    expect(toChange(setting('Fair Value Threshold'), '85%')).toEqual({
      setting: 'Fair Value Threshold',
      value: 0.85,
      numberFormat: '0.00%',
    });
    expect(toChange(setting('Reporting Date'), '2025-12-31')).toEqual({
      setting: 'Reporting Date',
      value: 46022,
      numberFormat: 'yyyy-mm-dd',
    });
    expect(toChange(setting('Fiscal Year End Month'), '6')).toEqual({ setting: 'Fiscal Year End Month', value: 6 });
    expect(toChange(setting('Cash Account'), ' =Cash ')).toEqual({ setting: 'Cash Account', value: '=Cash' });
    expect(toChange(setting('Cash Account'), '')).toEqual({ setting: 'Cash Account', value: null });
    expect(changedSettings({ 'Rate Basis': '' }, { 'Rate Basis': 'Monthly' }).map((s) => s.setting)).toEqual([
      'Rate Basis',
    ]);
  });
});

test('Tie-Out verdicts: the failing checks with their sheet rows', () => {
  const values = [
    ['Tie-Out', '', ''],
    ['No.', 'Check', 'Result'],
    [1, 'Liability rolls forward', 'PASS'],
    [2, 'Journal balances', 'FAIL'],
    [3, 'Disclosures tie', 'PASS'],
    ['', '', ''],
  ];
  expect(countChecks(values, 4)).toEqual({
    passed: 2,
    total: 3,
    failing: [{ row: 8, label: '2 Journal balances' }],
  });
});

test('a plan crosses the worker boundary as a shell and rows in slices, unchanged', () => {
  const plan: WorkpaperPlan = {
    sheets: [
      {
        name: 'Schedules',
        rows: [[{ value: 'Lease', bold: true }, { value: 'Month' }]],
        blocks: [
          {
            firstRow: 2,
            rowCount: 7,
            columnFormats: [undefined, '0'],
            row: (i) => [{ value: `L-${i}` }, { value: i + 1 }, i % 2 ? { formula: `=B${i + 2}*2` } : null],
          },
        ],
      },
      { name: 'Run Log', rows: [[{ value: 'Version' }, { value: '1' }]] },
      {
        name: 'Disclosures',
        rows: Array.from({ length: SHELL_ROWS + 5 }, (_, i) => [{ value: `Row ${i + 1}` }, { formula: `=ROW()*${i}` }]),
      },
    ],
  };
  const shell = structuredClone(planShell(plan));
  // The long sheet crosses in part; the rest of its rows follow in slices.
  expect(shell[2].rows).toHaveLength(SHELL_ROWS);
  const rows = [
    [[...blockRows(plan, 0, 0, 0, 3), ...blockRows(plan, 0, 0, 3, 3), ...blockRows(plan, 0, 0, 6, 3)]],
    [],
    [],
  ];
  const moreRows = [[], [], [...sheetRows(plan, 2, SHELL_ROWS, 3), ...sheetRows(plan, 2, SHELL_ROWS + 3, 3)]];
  const again = planFromShell(shell, structuredClone(rows), structuredClone(moreRows));
  // A slice that never arrived is a bug, not a shorter sheet.
  expect(() => planFromShell(shell, rows, [[], [], sheetRows(plan, 2, SHELL_ROWS, 3)])).toThrow(/203 of 205 rows/);
  for (const [i, sheet] of plan.sheets.entries()) {
    expect([...planRows(again.sheets[i])]).toEqual([...planRows(sheet)]);
  }
});
