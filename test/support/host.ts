/** A WorkbookHost (what the pane and its workflow talk to) over an in-memory Excel, as Office would provide it. */
import type { MemoryExcel } from '../../src/office/memoryExcel';
import type { WorkbookHost } from '../../src/taskpane/host';

export function hostOf(excel: MemoryExcel, extra: Partial<WorkbookHost> = {}): WorkbookHost {
  return {
    run: excel.run,
    isSetSupported: (v) => excel.isSetSupported('ExcelApi', v),
    productVersion: '0.0.0-test',
    theme: () => 'light',
    displayLanguage: () => 'en-US',
    ...extra,
  };
}
