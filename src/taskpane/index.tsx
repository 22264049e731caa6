/// <reference types="office-js" />
/**
 * The task pane inside Excel: waits for Office, then renders the pane against Excel itself (Excel.run). Opened
 * outside Excel it says so and points to the playground.
 */
import { createRoot } from 'react-dom/client';
import { buildWorkpapers } from '../workpapers';
import { fromExcelContext, type ExcelRun } from '../office/excelApi';
import { App } from './components/App';
import type { WorkbookHost } from './host';
import { workerCheck, workerCompute } from './worker/workerCompute';

declare const PRODUCT_VERSION: string;

function officeTheme(): 'light' | 'dark' {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
    const hex = background.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const excelRun: ExcelRun = (batch) => Excel.run((context) => batch(fromExcelContext(context)));

/** Office's theme changes: the theme-changed event where the host raises it, and a light poll where it does not. */
function onOfficeThemeChanged(listener: () => void): () => void {
  let last = officeTheme();
  const check = (): void => {
    const now = officeTheme();
    if (now !== last) {
      last = now;
      listener();
    }
  };
  try {
    Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, check);
  } catch {
    // Not raised by this host: the poll below covers it.
  }
  const timer = setInterval(check, 2000);
  return () => clearInterval(timer);
}

const officeHost: WorkbookHost = {
  run: excelRun,
  isSetSupported: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  productVersion: PRODUCT_VERSION,
  theme: officeTheme,
  onThemeChanged: onOfficeThemeChanged,
  displayLanguage: () => Office.context.displayLanguage,
  compute: typeof Worker === 'undefined' ? undefined : workerCompute(() => new Worker('compute-worker.js')),
  check: typeof Worker === 'undefined' ? undefined : workerCheck(() => new Worker('compute-worker.js')),
};

/** What the pane says when Office.js itself could not be loaded (offline, or blocked by a proxy or firewall). */
const OFFICE_UNAVAILABLE =
  'Lease Workpapers cannot start: Office.js, the Microsoft library every Excel add-in runs on, could not be loaded ' +
  'from https://appsforoffice.microsoft.com. You may be offline, or a proxy or firewall may block that address. ' +
  'Check the connection (or ask IT to allow that address), then close and reopen the pane.';

function start(): void {
  const container = document.getElementById('root') as HTMLElement;
  // office.js is a blocking script in the page's head: when this runs without it, it did not load.
  if (typeof Office === 'undefined') {
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.style.cssText = 'font-family: Segoe UI, sans-serif; padding: 16px; line-height: 1.4';
    note.textContent = OFFICE_UNAVAILABLE;
    container.replaceChildren(note);
    return;
  }
  void Office.onReady((info) => render(container, info));
}

function render(container: HTMLElement, info: { host: Office.HostType | null }): void {
  const root = createRoot(container);
  if (info.host === Office.HostType.Excel) {
    root.render(<App host={officeHost} build={buildWorkpapers} />);
  } else {
    root.render(
      <p style={{ fontFamily: 'Segoe UI, sans-serif', padding: 16 }}>
        Lease Workpapers runs inside Excel. Open it from the Home tab in Excel, or try it without Excel in the{' '}
        <a href="playground.html">playground</a>.
      </p>,
    );
  }
}

start();
