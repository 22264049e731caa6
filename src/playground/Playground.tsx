import * as React from 'react';
import { FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { MemoryExcel } from '../office/memoryExcel';
import { App } from '../taskpane/components/App';
import type { WorkbookHost } from '../taskpane/host';
import type { BuildWorkpapers } from '../taskpane/workflow';
import { WorkbookGrid } from './WorkbookGrid';

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', height: '100vh' },
  workbook: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    height: '100vh',
    overflow: 'hidden',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  banner: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  pane: { overflowY: 'auto', height: '100vh' },
  paneOnly: { overflowY: 'auto', height: '100vh', width: '100%' },
});

/**
 * The workbook grid on the left, the real task pane on the right, as in Excel; `paneOnly` shows the pane alone,
 * as wide as the window (a narrow window then looks like the task pane in Excel).
 */
export function Playground({
  excel,
  host,
  build,
  paneOnly = false,
}: {
  excel: MemoryExcel;
  host: WorkbookHost;
  build: BuildWorkpapers;
  paneOnly?: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  if (paneOnly) {
    return (
      <aside className={styles.paneOnly} aria-label="Lease Workpapers task pane">
        <App host={host} build={build} />
      </aside>
    );
  }
  return (
    <div className={styles.page}>
      <FluentProvider theme={webLightTheme} className={styles.workbook}>
        <div className={styles.banner}>
          <Text size={200}>
            Playground: an in-memory workbook ({excel.model.name}) stands in for Excel. Select a cell and type in the
            formula bar to change it.
          </Text>
        </div>
        <WorkbookGrid excel={excel} />
      </FluentProvider>
      <aside className={styles.pane} aria-label="Lease Workpapers task pane">
        <App host={host} build={build} />
      </aside>
    </div>
  );
}
