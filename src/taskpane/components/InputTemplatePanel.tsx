import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { templatePlan } from '../../template';
import { createTemplate, type TemplateResult } from '../../office/templateWriter';
import type { WorkbookHost } from '../host';
import { Failure } from './Failure';
import { Stack } from './Stack';

/** "Create template": the four input tables with dropdown lists and one example lease, never over your data. */
export function InputTemplatePanel({ host }: { host: WorkbookHost }): React.JSX.Element {
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<TemplateResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setResult(await createTemplate(host.run, templatePlan()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text>
        Adds the input tables: <b>Leases</b>, <b>LeasePayments</b>, <b>LeaseModifications</b> and <b>Policies</b>, with
        dropdown lists and one example lease to overwrite. Tables you already have are left as they are.
      </Text>
      <Button appearance="primary" onClick={() => void create()} disabled={busy}>
        {busy ? 'Creating the template…' : 'Create input template'}
      </Button>
      <div role="status" aria-live="polite">
        {result && (
          <MessageBar intent={result.created.length > 0 ? 'success' : 'info'}>
            <MessageBarBody>
              <MessageBarTitle>{result.created.length > 0 ? 'Template created' : 'Nothing to add'}</MessageBarTitle>
              {result.created.length > 0 && (
                <div>Added: {result.created.map((c) => `${c.table} (sheet ${c.sheet})`).join(', ')}.</div>
              )}
              {result.existing.length > 0 && (
                <div>
                  Already in the workbook, left as they are:{' '}
                  {result.existing.map((c) => `${c.table} (sheet ${c.sheet})`).join(', ')}.
                </div>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {error && <Failure title="The template could not be created">{error}</Failure>}
      </div>
    </Stack>
  );
}
