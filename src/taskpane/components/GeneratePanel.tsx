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
import { PHASES, type GenerateProgress } from '../workflow';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { ErrorList } from './ErrorList';
import { Failure } from './Failure';
import { chosenPeriod, PeriodPicker, usePeriodDefaults } from './PeriodPicker';
import { ClosePeriod } from './ClosePeriod';
import { DownloadMemos } from './DownloadMemos';
import { RunSummary } from './RunSummary';
import { Stack } from './Stack';
import { StaleNotice } from './StaleNotice';

const S = STRINGS.generate;

const useStyles = makeStyles({
  phases: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** "Generate workpapers": progress by phase, Cancel, then a summary of what was written. */
export function GeneratePanel(): React.JSX.Element {
  const { state, actions } = usePane();
  const g = state.generate;
  const stale = state.staleSince.generate;
  const defaults = usePeriodDefaults();
  const running = g.kind === 'running';
  return (
    <Stack>
      <Text>{S.intro}</Text>
      <PeriodPicker disabled={running || state.close.kind === 'busy'} defaults={defaults} />
      {g.kind !== 'running' && (
        <Button appearance="primary" disabled={state.close.kind === 'busy'} onClick={() => void actions.generate()}>
          {S.button}
        </Button>
      )}
      {g.kind === 'running' && (
        <RunProgress progress={g.progress} cancelling={g.cancelling} onCancel={actions.cancel} />
      )}
      {stale !== null && (g.kind === 'done' || g.kind === 'inputErrors') && (
        <StaleNotice since={stale} again={STRINGS.stale.generateAgain} onAgain={() => void actions.generate()} />
      )}
      <div role="status" aria-live="polite">
        {g.kind === 'done' && <RunSummary summary={g.summary} />}
        {g.kind === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>{S.cancelled}</MessageBarTitle>
              {S.cancelledBody}
            </MessageBarBody>
          </MessageBar>
        )}
        {g.kind === 'failed' && (
          <Failure title={S.failed}>
            {g.message} {S.failedTail}
          </Failure>
        )}
        {g.kind === 'inputErrors' && <InputErrorsNote count={g.errors.length} />}
      </div>
      {g.kind === 'inputErrors' && <ErrorList errors={g.errors} label={STRINGS.check.listLabel} />}
      {g.kind === 'done' && <DownloadMemos key={g.summary.at} summary={g.summary} />}
      <ClosePeriod through={chosenPeriod(state.period, defaults).reportingDate} disabled={running} />
    </Stack>
  );
}

function InputErrorsNote({ count }: { count: number }): React.JSX.Element {
  const { fmt } = usePane();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{S.fixFirst}</MessageBarTitle>
        {S.fixFirstBody(fmt.count(count), count === 1)}
      </MessageBarBody>
    </MessageBar>
  );
}

function detail(progress: GenerateProgress | null, count: (n: number) => string): string | undefined {
  if (!progress) return undefined;
  if (progress.leasesTotal !== undefined)
    return S.leasesOf(count(progress.leasesDone ?? 0), count(progress.leasesTotal));
  if (progress.requests !== undefined) return S.requestsSent(count(progress.requests));
  return undefined;
}

function RunProgress({
  progress,
  cancelling,
  onCancel,
}: {
  progress: GenerateProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { fmt } = usePane();
  const phase = progress?.phase ?? PHASES[0];
  return (
    <Stack>
      <Field label={`${phase}…`} hint={detail(progress, fmt.count)} validationState="none">
        <ProgressBar value={progress?.overall ?? 0} max={1} thickness="large" aria-label={S.progressLabel(phase)} />
      </Field>
      <ol className={styles.phases} aria-label={S.phasesLabel}>
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
      <Button onClick={onCancel} disabled={cancelling}>
        {cancelling ? S.cancelling : S.cancel}
      </Button>
    </Stack>
  );
}
