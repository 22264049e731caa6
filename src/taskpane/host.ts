/**
 * How the pane reaches its workbook. In Excel: Excel.run and Office's requirement sets, theme and display
 * language. In the playground and the tests: the in-memory Excel. The pane's components only ever see this, and
 * only through workflow.ts.
 */
import type { ExcelRun } from '../office/excelApi';
import type { RequestBudget } from '../office/requests';
import type { CheckTables, ComputeWorkpapers } from './compute';

export type ThemeKind = 'light' | 'dark';

export interface WorkbookHost {
  run: ExcelRun;
  /** Whether the host supports ExcelApi at this version ("1.9"). */
  isSetSupported(version: string): boolean;
  productVersion: string;
  /** The Office theme's look, for the pane's colours. */
  theme(): ThemeKind;
  /** Calls `listener` when the Office theme changes; returns a stop function. */
  onThemeChanged?(listener: () => void): () => void;
  /** Office's display language (BCP 47, "en-US", "de-DE"), for numbers and dates. */
  displayLanguage?(): string;
  /** Where Generate measures and lays out (a Web Worker in the browser); default: the pane's own thread. */
  compute?: ComputeWorkpapers;
  /**
   * The size of a write request (default: the add-in's, within Excel on the web's 5 MB). The playground's Excel
   * runs on the page's own thread, so it takes smaller requests: the page repaints and hears Cancel between them.
   */
  requestBudget?: RequestBudget;
  /** Where Validate reads and measures (a Web Worker in the browser); default: the pane's own thread. */
  check?: CheckTables;
}
