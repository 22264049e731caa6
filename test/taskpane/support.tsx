/** Test helpers for the pane: an in-memory workbook behind a WorkbookHost, the pane rendered over it. */
import { render, type RenderResult } from '@testing-library/react';
import { MemoryExcel } from '../../src/office/memoryExcel';
import { createTemplate } from '../../src/office/templateWriter';
import { inputSheets, type InputContent } from '../../src/template';
import { buildWorkpapers } from '../../src/workpapers';
import { App } from '../../src/taskpane/components/App';
import type { WorkbookHost } from '../../src/taskpane/host';
import type { PanelId } from '../../src/taskpane/state/paneState';
import { hostOf } from '../support/host';

/** PwC Example 4-4 (CONTRACT section 5): 36 monthly payments of 500.00 in advance at 6%. */
export const PWC_4_4 = {
  'Lease ID': 'CAR-1',
  Description: 'Automobile',
  'Commencement Date': '2025-01-01',
  'Term (Months)': 36,
  Payment: 500,
  Frequency: 'Monthly',
  Timing: 'Advance',
  'Discount Rate': 0.06,
};

export async function workbook(content?: InputContent): Promise<MemoryExcel> {
  const excel = new MemoryExcel();
  excel.addSheet('Sheet1');
  if (content) await createTemplate(excel.run, inputSheets(content));
  return excel;
}

export { hostOf };

export function renderPane(host: WorkbookHost, initialPanel?: PanelId): RenderResult {
  return render(<App host={host} build={buildWorkpapers} initialPanel={initialPanel} />);
}
