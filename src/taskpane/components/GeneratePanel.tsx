import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { InputError } from '../../input';
import {
  generateWorkpapers,
  PHASES,
  type BuildWorkpapers,
  type GenerateProgress,
  type GenerateSummary,
} from '../workflow';
import type { WorkbookHost } from '../host';
import { ErrorList } from './ErrorList';
import { Failure } from './Failure';
import { Stack } from './Stack';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  phases: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: GenerateProgress | null }
  | { kind: 'done'; summary: GenerateSummary }
  | { kind: 'inputErrors'; errors: InputError[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** "Generate workpapers": progress by phase, Cancel, then a summary of what was written. */
export function GeneratePanel({ host, build }: { host: WorkbookHost; build: BuildWorkpapers }): React.JSX.Element {
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const cancelled = React.useRef(false);
  const generate = async (): Promise<void> => {
    cancelled.current = false;
    setState({ kind: 'running', progress: null });
    try {
      const outcome = await generateWorkpapers(host, {
        build,
        isCancelled: () => cancelled.current,
        onProgress: (progress) => setState({ kind: 'running', progress }),
      });
      setState(outcome);
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const running = state.kind === 'running';
  return (
    <Stack>
      <Text>
        Writes the sheets Schedules, Journal Entries, Roll-Forward, Disclosures, Tie-Out and Run Log. Earlier workpapers
        are replaced only when the new ones are complete; your own sheets are never touched.
      </Text>
      {!running && (
        <Button appearance="primary" onClick={() => void generate()}>
          Generate workpapers
        </Button>
      )}
      {running && <RunProgress progress={state.progress} onCancel={() => (cancelled.current = true)} />}
      <div role="status" aria-live="polite">
        {state.kind === 'done' && <RunSummary summary={state.summary} />}
        {state.kind === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>Cancelled</MessageBarTitle>
              Nothing was replaced: the previous workpapers are as they were.
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'failed' && (
          <Failure title="The workpapers could not be written">
            {state.message} The previous workpapers are as they were.
          </Failure>
        )}
        {state.kind === 'inputErrors' && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Fix the inputs first</MessageBarTitle>
              {state.errors.length} {state.errors.length === 1 ? 'problem' : 'problems'}; select a cell reference to go
              to it.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.kind === 'inputErrors' && <ErrorList host={host} errors={state.errors} label="Problems in the inputs" />}
    </Stack>
  );
}

function RunProgress({
  progress,
  onCancel,
}: {
  progress: GenerateProgress | null;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [cancelling, setCancelling] = React.useState(false);
  const phase = progress?.phase ?? PHASES[0];
  return (
    <Stack>
      <Field label={`${phase}…`} hint={progress?.detail || undefined} validationState="none">
        <ProgressBar value={progress?.overall ?? 0} max={1} thickness="large" aria-label={`Generating: ${phase}`} />
      </Field>
      <ol className={styles.phases} aria-label="Phases">
        {PHASES.map((p) => (
          <li
            key={p}
            className={p === phase ? styles.current : undefined}
            aria-current={p === phase ? 'step' : undefined}
          >
            {p}
          </li>
        ))}
      </ol>
      <Button
        onClick={() => {
          setCancelling(true);
          onCancel();
        }}
        disabled={cancelling}
      >
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </Button>
    </Stack>
  );
}

function RunSummary({ summary }: { summary: GenerateSummary }): React.JSX.Element {
  const styles = useStyles();
  const c = summary.byClassification;
  const allPassed = summary.checksPassed === summary.checksTotal;
  return (
    <MessageBar intent={allPassed && summary.failures.length === 0 ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Workpapers written</MessageBarTitle>
        <dl className={styles.summary} aria-label="Run summary">
          <dt className={styles.term}>Leases</dt>
          <dd className={styles.detail}>
            {summary.leases} ({c.operating} operating, {c.finance} finance, {c['short-term']} short-term)
          </dd>
          <dt className={styles.term}>Checks passed</dt>
          <dd className={styles.detail}>
            {summary.checksPassed} of {summary.checksTotal}
          </dd>
          <dt className={styles.term}>Time taken</dt>
          <dd className={styles.detail}>{summary.seconds.toFixed(1)} s</dd>
          <dt className={styles.term}>Sheets</dt>
          <dd className={styles.detail}>{summary.write.sheets.map((s) => s.name).join(', ')}</dd>
        </dl>
        {summary.write.userSheetsLeftAlone.length > 0 && (
          <div>
            Your own {summary.write.userSheetsLeftAlone.length === 1 ? 'sheet' : 'sheets'}{' '}
            {summary.write.userSheetsLeftAlone.join(', ')}{' '}
            {summary.write.userSheetsLeftAlone.length === 1 ? 'was' : 'were'} left alone; the add-in wrote beside{' '}
            {summary.write.userSheetsLeftAlone.length === 1 ? 'it' : 'them'}.
          </div>
        )}
        {summary.failures.length > 0 && (
          <div>
            Not measured: {summary.failures.map((f) => `${f.where ? `${f.where} ` : ''}${f.message}`).join('; ')}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
