import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { TABLE_NAMES } from '../../input/columns';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { Failure } from './Failure';
import { Stack } from './Stack';

const S = STRINGS.template;

/** "Create template": the input tables with dropdown lists and one example lease, never over your data. */
export function InputTemplatePanel(): React.JSX.Element {
  const { state, actions, fmt } = usePane();
  const t = state.template;
  const list = (items: { table: string; sheet: string }[]): string =>
    items.map((c) => S.tableOnSheet(c.table, c.sheet)).join(', ');
  return (
    <Stack>
      <Text>{S.intro(fmt.list(Object.values(TABLE_NAMES)))}</Text>
      <Button appearance="primary" onClick={() => void actions.createTemplate()} disabled={t.kind === 'busy'}>
        {t.kind === 'busy' ? S.busy : S.button}
      </Button>
      <div role="status" aria-live="polite">
        {t.kind === 'done' && (
          <MessageBar intent={t.result.created.length > 0 ? 'success' : 'info'}>
            <MessageBarBody>
              <MessageBarTitle>{t.result.created.length > 0 ? S.done : S.nothing}</MessageBarTitle>
              {t.result.created.length > 0 && <div>{S.added(list(t.result.created))}</div>}
              {t.result.existing.length > 0 && <div>{S.existing(list(t.result.existing))}</div>}
            </MessageBarBody>
          </MessageBar>
        )}
        {t.kind === 'failed' && <Failure title={S.failed}>{t.message}</Failure>}
      </div>
    </Stack>
  );
}
