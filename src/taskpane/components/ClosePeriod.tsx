import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { ErrorList } from './ErrorList';
import { Failure } from './Failure';
import { Stack } from './Stack';

const S = STRINGS.generate.close;

/**
 * Close period (CONTRACT 1.11) through the picker's Reporting Date, after a confirmation: the Posted Balances sheet
 * and Closed Through in the Policies table. A refusal is listed at its Policies cell, in the command line's words.
 */
export function ClosePeriod({ through, disabled }: { through: string | null; disabled: boolean }): React.JSX.Element {
  const { state, actions, fmt } = usePane();
  const [confirming, setConfirming] = React.useState<string | null>(null);
  const c = state.close;
  const busy = c.kind === 'busy';
  return (
    <Stack>
      <Text as="h2" size={300} weight="semibold">
        {S.heading}
      </Text>
      <Text size={200}>{S.intro}</Text>
      {confirming === null && (
        <Button disabled={disabled || busy || through === null} onClick={() => setConfirming(through)}>
          {busy ? S.busy(c.through) : S.button(through ?? '…')}
        </Button>
      )}
      {confirming !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{S.confirmTitle(confirming)}</MessageBarTitle>
            {S.confirmBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              onClick={() => {
                setConfirming(null);
                void actions.closePeriod(confirming);
              }}
            >
              {S.confirm(confirming)}
            </Button>
            <Button onClick={() => setConfirming(null)}>{S.keepOpen}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {c.kind === 'done' && c.outcome.kind === 'closed' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{S.closed(c.outcome.through)}</MessageBarTitle>
              {S.closedBody(
                fmt.count(c.outcome.leases),
                c.outcome.leases === 1,
                c.outcome.write.sheets[0]?.name ?? 'Posted Balances',
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {c.kind === 'done' && c.outcome.kind !== 'closed' && (
          <Failure title={c.outcome.kind === 'refused' ? S.refused : S.inputErrors}>{STRINGS.check.goHint}</Failure>
        )}
        {c.kind === 'failed' && (
          <Failure title={S.failed}>
            {c.message} {S.failedTail}
          </Failure>
        )}
      </div>
      {c.kind === 'done' && c.outcome.kind !== 'closed' && <ErrorList errors={c.outcome.errors} label={S.listLabel} />}
    </Stack>
  );
}
