/** @jest-environment jsdom */
/**
 * Close period on the Generate tab (CONTRACT 1.11) over an in-memory workbook: after a confirmation it writes the
 * add-in's Posted Balances sheet (table PostedBalances) and sets Closed Through in the Policies table; it refuses a
 * month-end before the last closed one or after the Reporting Date with the command line's words, at the Policies
 * cell concerned; a sheet of the user's named Posted Balances is left alone.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { findTable, type TableGrid } from '../../src/input';
import type { MemoryExcel } from '../../src/office/memoryExcel';
import { readPolicies } from '../../src/office/policiesTable';
import { readWorkbookTables } from '../../src/office/readTables';
import { App } from '../../src/taskpane/components/App';
import { buildWorkpapers } from '../../src/workpapers';
import { ExcelError } from '../../src/office/memoryExcel';
import { closePeriod } from '../../src/taskpane/workflow';
import { hostOf, PWC_4_4, workbook } from './support';

const POLICIES = { 'Reporting Date': '2025-12-31', 'Reporting Period': 'Month' };
/** 2025-12-31 as an Excel serial (days since 1899-12-30). */
const DEC_31_2025 = 46022;

async function postedBalances(excel: MemoryExcel): Promise<TableGrid | undefined> {
  return findTable(await readWorkbookTables(excel.run), 'PostedBalances');
}

function column(table: TableGrid, header: string): (string | number | boolean | null)[] {
  const i = table.headers.indexOf(header);
  expect(i).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[i].value);
}

async function closedThrough(excel: MemoryExcel): Promise<unknown> {
  return (await readPolicies(excel.run)).rows.find((r) => r.setting === 'Closed Through')?.value ?? null;
}

async function openPane(excel: MemoryExcel): Promise<void> {
  render(<App host={hostOf(excel)} build={buildWorkpapers} initialPanel="generate" />);
  await screen.findByRole('button', { name: 'Close period through 2025-12-31…' });
}

async function closeThrough(date: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: `Close period through ${date}…` }));
  fireEvent.click(screen.getByRole('button', { name: `Close through ${date}` }));
}

function chooseMonth(month: string): void {
  fireEvent.change(screen.getByLabelText('Reporting Date (month-end)'), { target: { value: month } });
}

describe('Close period', () => {
  test('Posted Balances and Closed Through land in one request: when it fails, neither is written', async () => {
    // How many requests a close takes, on one workbook; then the same close with its last request failing.
    const counted = await workbook({ leases: [PWC_4_4], policies: POLICIES });
    const before = counted.requests.length;
    const done = await closePeriod(hostOf(counted), '2025-12-31', () => Date.UTC(2026, 0, 15));
    const last = counted.requests.length - before;
    expect(done.kind).toBe('closed');
    expect(await closedThrough(counted)).toBe(DEC_31_2025);

    const excel = await workbook({ leases: [PWC_4_4], policies: POLICIES });
    const start = excel.requests.length;
    excel.failRequest = (r) =>
      r.index === start + last ? new ExcelError('GeneralException', 'The network connection was lost.') : null;
    await expect(closePeriod(hostOf(excel), '2025-12-31', () => Date.UTC(2026, 0, 15))).rejects.toThrow(
      /network connection/,
    );
    excel.failRequest = null;
    expect(await postedBalances(excel)).toBeUndefined();
    expect(await closedThrough(excel)).toBe(null);
    expect(excel.sheetNames().some((name) => /staging/i.test(name))).toBe(false);
  });

  test('after a confirmation, records the close in Posted Balances and Closed Through', async () => {
    const excel = await workbook({ leases: [PWC_4_4], policies: POLICIES });
    await openPane(excel);

    // Asked first; "Do not close" changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Close period through 2025-12-31…' }));
    expect(screen.getByText('Close the months through 2025-12-31?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Do not close' }));
    expect(await postedBalances(excel)).toBeUndefined();

    await closeThrough('2025-12-31');
    await screen.findByText('Closed through 2025-12-31');
    const posted = await postedBalances(excel);
    expect(posted?.sheet).toBe('Posted Balances');
    expect(column(posted!, 'Lease ID')).toEqual(['CAR-1']);
    // PwC Example 4-4 (monthly in advance, 6%) publishes the liability after the first year as 11,338 (to the
    // dollar; the month-by-month schedule rounds each month's accretion to the cent); for an operating lease with
    // level payments the ROU asset equals the liability; 12 payments of 500.00 were made.
    const liability = column(posted!, 'Lease Liability');
    expect(liability).toHaveLength(1);
    expect(Math.round(Number(liability[0]))).toBe(11338);
    expect(column(posted!, 'ROU Asset')).toEqual(liability);
    expect(column(posted!, 'Payments')).toEqual([6000]);
    expect(await closedThrough(excel)).toBe(DEC_31_2025);

    // Generate afterwards keeps the close: the Posted Balances sheet stays, and the run reads it (the Run Log
    // names the closed month).
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: 20000 });
    expect(column((await postedBalances(excel))!, 'Lease ID')).toEqual(['CAR-1']);
    const runLog = [...(excel.model.sheetByName('Run Log')?.rows.values() ?? [])].map((r) => r.v.map(String));
    expect(runLog.find((r) => r[0] === 'Closed Through')?.[1]).toBe('2025-12-31');
  }, 60000);

  test('refuses a month-end before Closed Through, and one after the Reporting Date, in the command line words', async () => {
    const excel = await workbook({ leases: [PWC_4_4], policies: POLICIES });
    await openPane(excel);
    await closeThrough('2025-12-31');
    await screen.findByText('Closed through 2025-12-31');

    chooseMonth('2025-11');
    await closeThrough('2025-11-30');
    await screen.findByText('The period was not closed');
    const list = screen.getByRole('list', { name: 'Why the period was not closed' });
    // The link names the Policies cell of Closed Through; the message is closeRefusal's, as `close` prints it.
    within(list).getByRole('button', {
      name: /^Go to Policies!B\d+: Cannot close 2025-11-30: months through 2025-12-31 are already closed, and closing an earlier month-end would reopen them/,
    });
    expect(await closedThrough(excel)).toBe(DEC_31_2025);

    chooseMonth('2026-01');
    await closeThrough('2026-01-31');
    await waitFor(() =>
      within(screen.getByRole('list', { name: 'Why the period was not closed' })).getByRole('button', {
        name: /^Go to Policies!B\d+: Cannot close 2026-01-31: it is after the Reporting Date 2025-12-31 \(Reporting Date policy\)/,
      }),
    );
    expect(await closedThrough(excel)).toBe(DEC_31_2025);
    expect(column((await postedBalances(excel))!, 'Through')).toEqual([DEC_31_2025]);
  }, 60000);

  test('a sheet of the user named Posted Balances is left alone', async () => {
    const excel = await workbook({ leases: [PWC_4_4], policies: POLICIES });
    excel.addSheet('Posted Balances');
    excel.type('Posted Balances', 'A1', 'my notes');
    await openPane(excel);
    await closeThrough('2025-12-31');
    await screen.findByText('Closed through 2025-12-31');
    expect(excel.cell('Posted Balances', 'A1').value).toBe('my notes');
    const posted = await postedBalances(excel);
    expect(posted?.sheet).not.toBe('Posted Balances');
    expect(screen.getByText(new RegExp(`sheet ${posted!.sheet.replace(/[()]/g, '\\$&')}\\)`))).toBeTruthy();
  }, 60000);

  test('input errors stop a close and are listed at their cells; nothing is written', async () => {
    const excel = await workbook({ leases: [{ ...PWC_4_4, 'Term (Months)': 0 }], policies: POLICIES });
    await openPane(excel);
    await closeThrough('2025-12-31');
    await screen.findByText('Fix the inputs first: nothing was closed');
    const list = screen.getByRole('list', { name: 'Why the period was not closed' });
    within(list).getByRole('button', { name: /^Go to Leases!\w+\d+: / });
    expect(await postedBalances(excel)).toBeUndefined();
    expect(await closedThrough(excel)).toBeNull();
  }, 60000);
});
