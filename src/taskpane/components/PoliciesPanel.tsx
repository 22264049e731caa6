import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { fromExcelSerial, isIsoDate, toExcelSerial } from '../../engine/calendar/dates';
import { POLICY_SETTINGS, type PolicySetting } from '../../input';
import { readPolicies, writePolicies, type PolicyChange } from '../../office/policiesTable';
import type { CellValue } from '../../office/excelApi';
import type { WorkbookHost } from '../host';
import { Stack } from './Stack';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A cell value as the form shows it ("75%", "2025-12-31", "12"). */
export function displayPolicy(setting: PolicySetting, value: CellValue | null): string {
  if (value === null || value === '') return '';
  if (setting.kind === 'threshold' && typeof value === 'number') return `${Number((value * 100).toPrecision(12))}%`;
  if (setting.kind === 'monthEnd' && typeof value === 'number') return fromExcelSerial(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** The form's text back to a cell value; an error message when it cannot be. */
export function parsePolicy(setting: PolicySetting, text: string): { change: PolicyChange } | { error: string } {
  const t = text.trim();
  const name = setting.setting;
  if (t === '') return { change: { setting: name, value: null } };
  switch (setting.kind) {
    case 'threshold': {
      const m = /^(\d+(\.\d+)?)\s*%$/.exec(t);
      const x = m ? Number(m[1]) / 100 : Number(t);
      if (!Number.isFinite(x) || x <= 0 || x > 1)
        return { error: `${name}: enter a percentage above 0% and at most 100%, like 75%` };
      return { change: { setting: name, value: x } };
    }
    case 'monthEnd':
      if (!isIsoDate(t)) return { error: `${name}: enter a date as YYYY-MM-DD` };
      return { change: { setting: name, value: toExcelSerial(t), numberFormat: 'yyyy-mm-dd' } };
    case 'month': {
      const n = Number(t);
      if (!Number.isInteger(n) || n < 1 || n > 12) return { error: `${name}: choose a month` };
      return { change: { setting: name, value: n } };
    }
    default:
      return { change: { setting: name, value: t } };
  }
}

/** "Policies": the Policies table as a form; Save writes only what changed. */
export function PoliciesPanel({ host }: { host: WorkbookHost }): React.JSX.Element {
  const [loaded, setLoaded] = React.useState<Record<string, string> | null>(null);
  const [hasTable, setHasTable] = React.useState(true);
  const [form, setForm] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    const read = await readPolicies(host.run);
    setHasTable(read.table !== null);
    const values: Record<string, string> = {};
    for (const s of POLICY_SETTINGS) {
      const row = read.rows.find(
        (r) => r.setting.replace(/\s+/g, '').toLowerCase() === s.setting.replace(/\s+/g, '').toLowerCase(),
      );
      values[s.setting] = displayPolicy(s, row ? row.value : null);
    }
    setLoaded(values);
    setForm(values);
  }, [host]);

  React.useEffect(() => {
    load().catch((e: unknown) => setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) }));
  }, [load]);

  const save = async (): Promise<void> => {
    if (!loaded) return;
    const changes: PolicyChange[] = [];
    const problems: string[] = [];
    for (const s of POLICY_SETTINGS) {
      if (form[s.setting] === loaded[s.setting]) continue;
      const parsed = parsePolicy(s, form[s.setting] ?? '');
      if ('error' in parsed) problems.push(parsed.error);
      else changes.push(parsed.change);
    }
    if (problems.length > 0) {
      setMessage({ intent: 'error', text: problems.join(' ') });
      return;
    }
    setBusy(true);
    try {
      await writePolicies(host.run, changes);
      await load();
      setMessage({
        intent: 'success',
        text: changes.length === 0 ? 'Nothing changed.' : `Saved ${changes.map((c) => c.setting).join(', ')}.`,
      });
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return <Spinner size="small" label="Reading the Policies table…" />;
  if (!hasTable) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>No Policies table yet</MessageBarTitle>
          Create the input template first (Template tab); the defaults below apply until then.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const set = (name: string, value: string): void => setForm((f) => ({ ...f, [name]: value }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack>
        <Text>These settings are the Policies table in your workbook; the workpapers' Run Log records them.</Text>
        {POLICY_SETTINGS.map((s) => (
          <Field key={s.setting} label={s.setting} hint={s.description}>
            {s.kind === 'choice' || s.kind === 'yesNo' || s.kind === 'month' ? (
              <Select value={form[s.setting] ?? ''} onChange={(_, d) => set(s.setting, d.value)}>
                <option value="">(default)</option>
                {(s.kind === 'choice'
                  ? s.choices
                  : s.kind === 'yesNo'
                    ? ['Yes', 'No']
                    : MONTHS.map((_, i) => String(i + 1))
                ).map((o) => (
                  <option key={o} value={o}>
                    {s.kind === 'month' ? MONTHS[Number(o) - 1] : o}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                value={form[s.setting] ?? ''}
                type={s.kind === 'monthEnd' ? 'date' : 'text'}
                onChange={(_, d) => set(s.setting, d.value)}
                placeholder={s.kind === 'threshold' ? 'e.g. 75%' : undefined}
              />
            )}
          </Field>
        ))}
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save policies'}
        </Button>
        <div role="status" aria-live="polite">
          {message && (
            <MessageBar intent={message.intent}>
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </Stack>
    </form>
  );
}
