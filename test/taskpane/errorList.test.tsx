/**
 * @jest-environment jsdom
 */
/** Validate's list: errors and warnings at their cells, warnings labelled "Warning" (CONTRACT 1.10). */
import { render, screen } from '@testing-library/react';
import { ErrorList } from '../../src/taskpane/components/ErrorList';
import type { WorkbookHost } from '../../src/taskpane/host';

const host = { run: async () => undefined } as unknown as WorkbookHost;

test('a warning is labelled Warning, an error is not; each names its cell', () => {
  render(
    <ErrorList
      host={host}
      label="Problems in the inputs"
      errors={[
        { where: 'Leases!M4', message: 'Discount Rate "abc" is not a percentage', severity: 'error' },
        { where: 'LeaseModifications!F3', message: 'New Discount Rate is blank', severity: 'warning' },
      ]}
    />,
  );
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual([
    'Leases!M4 Discount Rate "abc" is not a percentage',
    'LeaseModifications!F3 Warning: New Discount Rate is blank',
  ]);
  expect(
    screen.getByRole('button', { name: 'Go to LeaseModifications!F3: Warning: New Discount Rate is blank' }),
  ).toBeTruthy();
});
