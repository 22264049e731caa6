/** @jest-environment jsdom */
/**
 * The Policies panel: sections, a field checked as it is typed (aria-invalid and the message beside it), the
 * unsaved-changes hint, a draft that survives a tab switch, and Save into the row the table already has however
 * its setting is spelled (the duplicate-row bug).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readPolicies as readPolicyTable } from '../../src/input/policies';
import type { InputError } from '../../src/input';
import { readWorkbookTables } from '../../src/office/readTables';
import { readPolicies } from '../../src/office/policiesTable';
import { MemoryExcel } from '../../src/office/memoryExcel';
import { hostOf, PWC_4_4, renderPane, workbook } from './support';

async function policiesOnly(rows: [string, string | number][]): Promise<MemoryExcel> {
  const excel = new MemoryExcel();
  excel.addSheet('Setup');
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Setup');
    ws.getRange(`A1:B${rows.length + 1}`).values = [['Setting', 'Value'], ...rows];
    ws.tables.add(`A1:B${rows.length + 1}`, true).name = 'Policies';
  });
  return excel;
}

test('the form is in sections: measurement, reporting period (the chart of accounts is the GLAccounts table)', async () => {
  const excel = await workbook({ leases: [PWC_4_4] });
  renderPane(hostOf(excel), 'policies');
  const measurement = await screen.findByRole('group', { name: 'Measurement' });
  expect(within(measurement).getByLabelText(/^Rate Basis/)).toBeTruthy();
  const reporting = screen.getByRole('group', { name: 'Reporting period' });
  expect(within(reporting).getByLabelText(/^Reporting Date/)).toBeTruthy();
  expect(within(reporting).getByLabelText(/^Fiscal Year End Month/)).toBeTruthy();
  expect(within(reporting).getByLabelText(/^Reporting Period/)).toBeTruthy();
  // GL accounts come from the GLAccounts table; the section says so.
  const accounts = screen.getByRole('group', { name: 'Accounts' });
  expect(within(accounts).getByText(/GLAccounts table/)).toBeTruthy();
  // The layout the journal is imported in sits with the accounts.
  expect(within(accounts).getByLabelText(/^Journal Import Format/)).toBeTruthy();
  expect(screen.getByText('No unsaved changes')).toBeTruthy();
});

test('an account name left in the table by an earlier template shows, and saves, in Accounts', async () => {
  const excel = await policiesOnly([['cash account', '1000 Cash']]);
  renderPane(hostOf(excel), 'policies');
  const accounts = await screen.findByRole('group', { name: 'Accounts' });
  const cash = within(accounts).getByLabelText(/^Cash Account/) as HTMLInputElement;
  expect(cash.value).toBe('1000 Cash');
  fireEvent.change(cash, { target: { value: '1010 Operating cash' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
  await screen.findByText('Saved Cash Account.');
  const read = await readPolicies(excel.run);
  expect(read.rows.map((r) => [r.setting, r.value])).toEqual([['cash account', '1010 Operating cash']]);
});

test('a bad value is marked at its field with the reader’s own message, and Save writes nothing', async () => {
  const excel = await workbook({ leases: [PWC_4_4] });
  renderPane(hostOf(excel), 'policies');
  const field = await screen.findByLabelText(/^Economic Life Threshold/);
  fireEvent.change(field, { target: { value: '150%' } });
  await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
  // The message is the input layer's, beside the field (its description), not at the bottom of the form.
  const describedBy = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  expect(messages).toMatch(/Economic Life Threshold "?150%"? /);
  expect(screen.getByText('1 unsaved change')).toBeTruthy();
  const before = excel.snapshot('Policies');
  fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
  await screen.findByText('1 field needs attention before saving.');
  expect(excel.snapshot('Policies')).toBe(before);
  // A good value clears the mark.
  fireEvent.change(field, { target: { value: '80%' } });
  await waitFor(() => expect(field.getAttribute('aria-invalid')).not.toBe('true'));
});

test('an unsaved change survives a tab switch; Discard brings back the table’s value', async () => {
  const excel = await workbook({ leases: [PWC_4_4] });
  renderPane(hostOf(excel), 'policies');
  const field = await screen.findByLabelText(/^Fair Value Threshold/);
  fireEvent.change(field, { target: { value: '85%' } });
  fireEvent.click(screen.getByRole('tab', { name: 'Template' }));
  fireEvent.click(screen.getByRole('tab', { name: 'Policies' }));
  const again = (await screen.findByLabelText(/^Fair Value Threshold/)) as HTMLInputElement;
  expect(again.value).toBe('85%');
  expect(screen.getByText('1 unsaved change')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
  expect((screen.getByLabelText(/^Fair Value Threshold/) as HTMLInputElement).value).toBe('90%');
});

test('regression: a row typed "Short Term Exemption" is shown, and saved into, not added twice', async () => {
  const excel = await policiesOnly([
    ['Short Term Exemption', 'Yes'],
    ['fair value threshold', 0.9],
  ]);
  renderPane(hostOf(excel), 'policies');
  const exemption = (await screen.findByLabelText(/^Short-Term Exemption/)) as HTMLSelectElement;
  expect(exemption.value).toBe('Yes');
  expect((screen.getByLabelText(/^Fair Value Threshold/) as HTMLInputElement).value).toBe('90%');
  fireEvent.change(exemption, { target: { value: 'No' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
  await screen.findByText('Saved Short-Term Exemption.');

  const read = await readPolicies(excel.run);
  expect(read.rows.map((r) => [r.setting, r.value])).toEqual([
    ['Short Term Exemption', 'No'],
    ['fair value threshold', 0.9],
  ]);
  const errors: InputError[] = [];
  const { tables } = await readWorkbookTables(excel.run);
  const policies = readPolicyTable(
    tables.find((t) => t.name === 'Policies'),
    errors,
  );
  expect(errors).toEqual([]);
  expect(policies.shortTermExemption).toBe(false);
});

test('saving a policy marks a Validate result out of date (Policies is an input)', async () => {
  const excel = await workbook({ leases: [PWC_4_4] });
  renderPane(hostOf(excel), 'check');
  fireEvent.click(screen.getByRole('button', { name: 'Validate inputs' }));
  await screen.findByText('No problems found');
  fireEvent.click(screen.getByRole('tab', { name: 'Policies' }));
  const basis = await screen.findByLabelText(/^Rate Basis/);
  fireEvent.change(basis, { target: { value: 'Monthly' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
  await screen.findByText('Saved Rate Basis.');
  fireEvent.click(screen.getByRole('tab', { name: 'Validate' }));
  await screen.findByText('Inputs changed', undefined, { timeout: 3000 });
});

test('no Policies table: says how to get one', async () => {
  const excel = await workbook();
  renderPane(hostOf(excel), 'policies');
  await screen.findByText('No Policies table yet');
});
