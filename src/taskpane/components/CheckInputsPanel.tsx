import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { checkInputs, type CheckResult } from '../workflow';
import type { WorkbookHost } from '../host';
import { ErrorList } from './ErrorList';
import { Failure } from './Failure';
import { Stack } from './Stack';

/** "Validate": every problem in the input tables, each naming its cell. */
export function CheckInputsPanel({ host }: { host: WorkbookHost }): React.JSX.Element {
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const check = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setResult(await checkInputs(host));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text>Checks every lease, payment, modification and policy before anything is measured.</Text>
      <Button appearance="primary" onClick={() => void check()} disabled={busy}>
        {busy ? 'Checking…' : 'Validate inputs'}
      </Button>
      <div role="status" aria-live="polite">
        {result && result.errors.length === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>
                {result.warnings.length === 0 ? 'No problems found' : 'No errors found'}
              </MessageBarTitle>
              {result.leaseCount} {result.leaseCount === 1 ? 'lease' : 'leases'} ready to generate.
              {result.warnings.length > 0 &&
                ` ${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'} to review (they do not stop Generate).`}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.errors.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>
                {result.errors.length} {result.errors.length === 1 ? 'problem' : 'problems'} to fix
              </MessageBarTitle>
              Select a cell reference to go to it.
            </MessageBarBody>
          </MessageBar>
        )}
        {error && <Failure title="The inputs could not be read">{error}</Failure>}
      </div>
      {result && result.errors.length + result.warnings.length > 0 && (
        <ErrorList host={host} errors={[...result.errors, ...result.warnings]} label="Problems in the inputs" />
      )}
    </Stack>
  );
}
