import * as React from 'react';
import { Button, Field } from '@fluentui/react-components';
import { downloadMemos, type GenerateSummary } from '../workflow';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';

const S = STRINGS.generate.memos;

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'said'; text: string; error: boolean };

/** "Download memos" under a Generate's summary: the lease memos .docx for that run's period. */
export function DownloadMemos({ summary }: { summary: GenerateSummary }): React.JSX.Element {
  const { host } = usePane();
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const download = async (): Promise<void> => {
    setStatus({ kind: 'busy' });
    try {
      const outcome = await downloadMemos(host, summary);
      if (outcome.kind === 'downloaded')
        setStatus({ kind: 'said', text: S.downloaded(outcome.fileName), error: false });
      else setStatus({ kind: 'said', text: outcome.kind === 'changed' ? S.changed : S.inputErrors, error: true });
    } catch {
      setStatus({ kind: 'said', text: S.failed, error: true });
    }
  };
  const message = status.kind === 'said' ? status.text : undefined;
  return (
    <Field
      hint={message === undefined ? S.hint : undefined}
      validationMessage={message}
      validationState={status.kind === 'said' ? (status.error ? 'error' : 'success') : 'none'}
    >
      <Button disabled={status.kind === 'busy'} onClick={() => void download()}>
        {status.kind === 'busy' ? S.busy : S.button}
      </Button>
    </Field>
  );
}
