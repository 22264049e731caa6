import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';

/** "Inputs changed since…": the result on screen is out of date, with one click to run again. */
export function StaleNotice({
  since,
  again,
  onAgain,
}: {
  since: number;
  again: string;
  onAgain: () => void;
}): React.JSX.Element {
  const { fmt } = usePane();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{STRINGS.stale.title}</MessageBarTitle>
        {STRINGS.stale.since(fmt.time(since))}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onAgain}>
          {again}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
