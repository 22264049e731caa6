/**
 * How the pane reaches its workbook. In Excel: Excel.run and Office's requirement sets and theme. In the
 * playground and the tests: the in-memory Excel. The pane's components only ever see this.
 */
import type { ExcelRun } from '../office/excelApi';

export interface WorkbookHost {
  run: ExcelRun;
  /** Whether the host supports ExcelApi at this version ("1.9"). */
  isSetSupported(version: string): boolean;
  productVersion: string;
  /** The Office theme's look, for the pane's colours. */
  theme(): 'light' | 'dark';
}
