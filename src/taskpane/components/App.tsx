import * as React from 'react';
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { WorkbookHost } from '../host';
import type { BuildWorkpapers } from '../workflow';
import { STRINGS } from '../strings';
import { PaneProvider, usePane } from '../state/PaneStore';
import type { PanelId } from '../state/paneState';
import { InputTemplatePanel } from './InputTemplatePanel';
import { CheckInputsPanel } from './CheckInputsPanel';
import { GeneratePanel } from './GeneratePanel';
import { PoliciesPanel } from './PoliciesPanel';

export type { PanelId } from '../state/paneState';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // Windows high contrast (forced colours): links keep the system link colour and an underline.
    '@media (forced-colors: active)': {
      '& a, & button.fui-Link': { color: 'LinkText', textDecorationLine: 'underline' },
    },
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const PANELS: PanelId[] = ['template', 'check', 'generate', 'policies'];

export interface AppProps {
  host: WorkbookHost;
  build: BuildWorkpapers;
  /** Opens on this tab; without it, the tab that fits the workbook. */
  initialPanel?: PanelId;
  now?: () => number;
}

/** The task pane: four panels in the order an accountant works, over one store that outlives tab switches. */
export function App({ host, build, initialPanel, now }: AppProps): React.JSX.Element {
  return (
    <PaneProvider host={host} build={build} initialPanel={initialPanel} now={now}>
      <Pane />
    </PaneProvider>
  );
}

function Pane(): React.JSX.Element {
  const styles = useStyles();
  const { state, actions, theme } = usePane();
  const panel = state.panel;
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      <main className={styles.root} aria-labelledby="lw-title">
        <div className={styles.header}>
          <Text as="h1" id="lw-title" size={500} weight="semibold">
            {STRINGS.title}
          </Text>
          <Text size={200}>{STRINGS.tagline}</Text>
        </div>
        <TabList
          selectedValue={panel}
          onTabSelect={(_, data) => actions.selectPanel(data.value as PanelId)}
          aria-label={STRINGS.tabsLabel}
          size="small"
        >
          {PANELS.map((p) => (
            <Tab key={p} value={p} id={`tab-${p}`} aria-controls={`panel-${p}`}>
              {STRINGS.tabs[p]}
            </Tab>
          ))}
        </TabList>
        <section role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
          {panel === 'template' && <InputTemplatePanel />}
          {panel === 'check' && <CheckInputsPanel />}
          {panel === 'generate' && <GeneratePanel />}
          {panel === 'policies' && <PoliciesPanel />}
        </section>
      </main>
    </FluentProvider>
  );
}
