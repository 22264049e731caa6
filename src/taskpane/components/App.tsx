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
import { InputTemplatePanel } from './InputTemplatePanel';
import { CheckInputsPanel } from './CheckInputsPanel';
import { GeneratePanel } from './GeneratePanel';
import { PoliciesPanel } from './PoliciesPanel';

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
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export type PanelId = 'template' | 'check' | 'generate' | 'policies';

export interface AppProps {
  host: WorkbookHost;
  build: BuildWorkpapers;
  initialPanel?: PanelId;
}

/** The task pane: four panels in the order an accountant works. */
export function App({ host, build, initialPanel = 'template' }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>(initialPanel);
  const theme = host.theme() === 'dark' ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} style={{ height: '100%' }}>
      <main className={styles.root} aria-labelledby="lw-title">
        <div className={styles.header}>
          <Text as="h1" id="lw-title" size={500} weight="semibold">
            Lease Workpapers
          </Text>
          <Text size={200}>ASC 842 schedules, journal entries and disclosures from your lease table.</Text>
        </div>
        <TabList
          selectedValue={panel}
          onTabSelect={(_, data) => setPanel(data.value as PanelId)}
          aria-label="Lease Workpapers steps"
          size="small"
        >
          <Tab value="template" id="tab-template" aria-controls="panel-template">
            Template
          </Tab>
          <Tab value="check" id="tab-check" aria-controls="panel-check">
            Validate
          </Tab>
          <Tab value="generate" id="tab-generate" aria-controls="panel-generate">
            Generate
          </Tab>
          <Tab value="policies" id="tab-policies" aria-controls="panel-policies">
            Policies
          </Tab>
        </TabList>
        <section role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
          {panel === 'template' && <InputTemplatePanel host={host} />}
          {panel === 'check' && <CheckInputsPanel host={host} />}
          {panel === 'generate' && <GeneratePanel host={host} build={build} />}
          {panel === 'policies' && <PoliciesPanel host={host} />}
        </section>
      </main>
    </FluentProvider>
  );
}
