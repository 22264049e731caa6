/**
 * The playground: the real task pane beside a workbook held by the in-memory Excel and drawn as a grid,
 * preloaded with the sample portfolio (or empty with ?workbook=empty). No Excel, no network.
 */
import { createRoot } from 'react-dom/client';
import { buildWorkpapers } from '../workpapers';
import { MemoryExcel } from '../office/memoryExcel';
import type { WorkbookHost } from '../taskpane/host';
import { workerCheck, workerCompute } from '../taskpane/worker/workerCompute';
import { Playground } from './Playground';
import { loadSampleWorkbook, scalePortfolio } from './sampleWorkbook';

declare const PRODUCT_VERSION: string;

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const which = params.get('workbook');
  const excel = new MemoryExcel({
    workbookName: which === 'empty' ? 'Book1.xlsx' : which === 'scale' ? 'scale.xlsx' : 'sample-portfolio.xlsx',
    // Requests take a round trip, as with Excel: the pane repaints and hears Cancel between them.
    roundTrip: 'task',
  });
  if (which === 'empty') excel.addSheet('Sheet1');
  else if (which === 'scale') await loadSampleWorkbook(excel, scalePortfolio(Number(params.get('leases') ?? 2000)));
  else await loadSampleWorkbook(excel);
  const themeListeners = new Set<() => void>();
  let dark = params.get('theme') === 'dark';
  const host: WorkbookHost = {
    run: excel.run,
    isSetSupported: (version) => excel.isSetSupported('ExcelApi', version),
    productVersion: PRODUCT_VERSION,
    theme: () => (dark ? 'dark' : 'light'),
    onThemeChanged: (listener) => {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    displayLanguage: () => params.get('lang') ?? navigator.language,
    compute: params.get('worker') === 'off' ? undefined : workerCompute(() => new Worker('compute-worker.js')),
    // The in-memory Excel works on this page's thread: smaller requests keep it painting and hearing Cancel.
    requestBudget: { bytes: 1_000_000, cells: 40_000 },
    check: params.get('worker') === 'off' ? undefined : workerCheck(() => new Worker('compute-worker.js')),
  };
  // Stands in for Office's theme switch (the end-to-end test flips it).
  const setTheme = (kind: 'light' | 'dark'): void => {
    dark = kind === 'dark';
    for (const l of themeListeners) l();
  };
  // For scripted checks (the end-to-end test reads figures through it as well as from the grid).
  (
    window as unknown as { leaseWorkpapers: { excel: MemoryExcel; setTheme: (kind: 'light' | 'dark') => void } }
  ).leaseWorkpapers = { excel, setTheme };
  createRoot(document.getElementById('root') as HTMLElement).render(
    <Playground excel={excel} host={host} build={buildWorkpapers} paneOnly={params.get('pane') === 'only'} />,
  );
}

void start();
