/** @jest-environment jsdom */
/**
 * The Generate tab's period picker (CONTRACT 1.11): it shows the Policies table's Reporting Date and Reporting
 * Period (else the last month-end on or before today), and a choice made in it is this run's period, as
 * --reporting-date and --period are on the command line, without writing the Policies table.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemoryExcel } from '../../src/office/memoryExcel';
import { readPolicies } from '../../src/office/policiesTable';
import { App } from '../../src/taskpane/components/App';
import { monthEndOfMonthInput } from '../../src/taskpane/components/PeriodPicker';
import { buildWorkpapers } from '../../src/workpapers';
import { hostOf, PWC_4_4, workbook } from './support';

const TIMEOUT = 20000;

function runLogText(excel: MemoryExcel): string {
  const rows = excel.model.sheetByName('Run Log')?.rows.values() ?? [];
  return [...rows].flatMap((r) => r.v.map(String)).join('\n');
}

const picker = () => ({
  reportingDate: screen.getByLabelText('Reporting Date (month-end)') as HTMLInputElement,
  reportingPeriod: screen.getByLabelText('Reporting Period') as HTMLSelectElement,
});

async function generated(): Promise<string> {
  fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
  await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: TIMEOUT });
  return screen.getByLabelText('Run summary').textContent ?? '';
}

describe('period picker', () => {
  test('choosing Quarter makes the run report the quarter; the Policies table is not changed', async () => {
    const excel = await workbook({
      leases: [PWC_4_4],
      policies: { 'Reporting Date': '2025-12-31', 'Reporting Period': 'Month' },
    });
    render(<App host={hostOf(excel)} build={buildWorkpapers} initialPanel="generate" />);
    // Shown as the Policies table says.
    await waitFor(() => expect(picker().reportingDate.value).toBe('2025-12'));
    expect(picker().reportingPeriod.value).toBe('month');
    expect(screen.getByText('Month-end 2025-12-31')).toBeTruthy();

    fireEvent.change(picker().reportingPeriod, { target: { value: 'quarter' } });
    expect(picker().reportingPeriod.value).toBe('quarter');
    const text = await generated();
    // Fiscal year ending December (the default): the quarter holding December 2025 is October to December.
    expect(text).toContain('Period reportedQ4 FY2025 (2025-10-01 to 2025-12-31)');
    // PwC Example 4-4: an operating lease costs 36 x 500.00 / 36 = 500.00 a month, so 1,500.00 a quarter.
    expect(text).toMatch(/Lease cost .*\(USD\)1,500\.00/);

    // The Run Log states the quarter; the Policies table still says Month.
    expect(runLogText(excel)).toContain('Q4 FY2025: 2025-10-01 to 2025-12-31');
    const policies = await readPolicies(excel.run);
    expect(policies.rows.find((r) => r.setting === 'Reporting Period')?.value).toBe('Month');
  }, 60000);

  test('without a Reporting Date policy it says the date shown is the last month-end on or before today', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    render(<App host={hostOf(excel)} build={buildWorkpapers} initialPanel="generate" />);
    await waitFor(() => expect(picker().reportingDate.value).toMatch(/^\d{4}-\d{2}$/));
    // It said "As the Policies table says", which the table did not: its Reporting Date is blank.
    expect(
      screen.getByText(
        /^As the Policies table says \(a blank Reporting Date: the last month-end on or before today\)\./,
      ),
    ).toBeTruthy();
  }, 60000);

  test('a chosen Reporting Date is this run only; "Use the Policies table’s period" goes back', async () => {
    const excel = await workbook({
      leases: [PWC_4_4],
      policies: { 'Reporting Date': '2025-12-31', 'Reporting Period': 'Month' },
    });
    render(<App host={hostOf(excel)} build={buildWorkpapers} initialPanel="generate" />);
    await waitFor(() => expect(picker().reportingDate.value).toBe('2025-12'));
    // A half-typed month (a text box where the host has no month control) is kept and flagged; the period in
    // force is still the one shown beside it.
    fireEvent.change(picker().reportingDate, { target: { value: '' } });
    expect(screen.getByText(/^Type the month as YYYY-MM/)).toBeTruthy();
    expect(screen.getByText('Month-end 2025-12-31')).toBeTruthy();
    fireEvent.change(picker().reportingDate, { target: { value: '2025-06' } });
    expect(screen.queryByText(/^Type the month as YYYY-MM/)).toBeNull();
    expect(screen.getByText('Month-end 2025-06-30')).toBeTruthy();
    expect(await generated()).toContain('Period reportedJune 2025');
    expect(runLogText(excel)).toContain('2025-06-30 (chosen in the task pane for this run');
    const policies = await readPolicies(excel.run);
    const date = policies.rows.find((r) => r.setting === 'Reporting Date')?.value;
    expect(date === '2025-12-31' || date === 46022).toBe(true); // 46022: 2025-12-31 as an Excel serial

    fireEvent.click(screen.getByRole('button', { name: 'Use the Policies table’s period' }));
    expect(picker().reportingDate.value).toBe('2025-12');
    expect(await generated()).toContain('Period reportedDecember 2025');
  }, 60000);

  test('without a Reporting Date policy it shows the last month-end on or before today', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    const now = () => Date.UTC(2026, 2, 15, 12); // 15 March 2026
    render(<App host={hostOf(excel)} build={buildWorkpapers} initialPanel="generate" now={now} />);
    await waitFor(() => expect(picker().reportingDate.value).toBe('2026-02'));
    expect(screen.getByText('Month-end 2026-02-28')).toBeTruthy();
  });

  test('a month input becomes its month-end, leap years included', () => {
    expect(monthEndOfMonthInput('2024-02')).toBe('2024-02-29');
    expect(monthEndOfMonthInput('2025-02')).toBe('2025-02-28');
    expect(monthEndOfMonthInput('2025-04')).toBe('2025-04-30');
    expect(monthEndOfMonthInput('2025-13')).toBeNull();
    expect(monthEndOfMonthInput('')).toBeNull();
  });
});
