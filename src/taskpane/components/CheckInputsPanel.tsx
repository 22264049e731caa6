import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { ErrorList } from './ErrorList';
import { Failure } from './Failure';
import { Stack } from './Stack';
import { StaleNotice } from './StaleNotice';

const S = STRINGS.check;

/** "Validate": every problem in the input tables, each naming its cell. */
export function CheckInputsPanel(): React.JSX.Element {
  const { state, actions, fmt } = usePane();
  const check = state.check;
  const busy = check.kind === 'busy';
  const result = check.kind === 'done' ? check.result : check.kind === 'busy' ? check.previous : null;
  const stale = state.staleSince.check;
  return (
    <Stack>
      <Text>{S.intro}</Text>
      <Button appearance="primary" onClick={() => void actions.validate()} disabled={busy}>
        {busy ? S.busy : S.button}
      </Button>
      {stale !== null && check.kind === 'done' && (
        <StaleNotice since={stale} again={STRINGS.stale.validateAgain} onAgain={() => void actions.validate()} />
      )}
      <div role="status" aria-live="polite">
        {result && result.errors.length === 0 && stale === null && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{result.warnings.length === 0 ? S.ok : S.noErrors}</MessageBarTitle>
              {S.ready(fmt.count(result.leaseCount), result.leaseCount === 1)}
              {result.warnings.length > 0 &&
                ` ${S.warningsToReview(fmt.count(result.warnings.length), result.warnings.length === 1)}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.errors.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>
                {S.problems(fmt.count(result.errors.length), result.errors.length === 1)}
              </MessageBarTitle>
              {S.goHint}
            </MessageBarBody>
          </MessageBar>
        )}
        {check.kind === 'failed' && <Failure title={S.failed}>{check.message}</Failure>}
      </div>
      {result && result.errors.length + result.warnings.length > 0 && (
        <>
          {state.marks.length === 0 ? (
            <Button onClick={() => void actions.highlightErrors([...result.errors, ...result.warnings])}>
              {S.highlight}
            </Button>
          ) : (
            <Button onClick={() => void actions.clearHighlights()}>{S.unhighlight}</Button>
          )}
          <ErrorList errors={[...result.errors, ...result.warnings]} label={S.listLabel} />
        </>
      )}
    </Stack>
  );
}
