/**
 * @jest-environment jsdom
 */
/** Validate's list: errors and warnings at their cells, warnings labelled "Warning" (CONTRACT 1.10). */
import { render, screen } from '@testing-library/react';
import { ErrorList } from '../../src/taskpane/components/ErrorList';
import { PaneProvider } from '../../src/taskpane/state/PaneStore';
import { buildWorkpapers } from '../../src/workpapers';
import { hostOf, workbook } from './support';

test('a warning is labelled Warning, an error is not; each names its cell', async () => {
  const host = hostOf(await workbook());
  render(
    <PaneProvider host={host} build={buildWorkpapers} initialPanel="check">
      <ErrorList
        label="Problems in the inputs"
        errors={[
          { where: 'Leases!M4', message: 'Discount Rate "abc" is not a percentage', severity: 'error' },
          { where: 'LeaseModifications!F3', message: 'New Discount Rate is blank', severity: 'warning' },
        ]}
      />
    </PaneProvider>,
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
