import * as React from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import type { PeriodKind } from '../../workpapers';
import { monthEndOf, monthKey } from '../../workpapers/periods';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { defaultPeriod, type PeriodChoice } from '../workflow';
import { localIsoTimestamp } from '../format';
import { Stack } from './Stack';

const S = STRINGS.generate.picker;
const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/** "2025-12" (an `<input type="month">` value) to its month-end "2025-12-31"; null when not a month. */
export function monthEndOfMonthInput(value: string): string | null {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? monthEndOf(monthKey(`${value}-01`)) : null;
}

export interface PeriodDefaults {
  reportingDate: string;
  kind: PeriodKind;
}

/** The period as the Policies table says (else the last month-end); read again after the policies change. */
export function usePeriodDefaults(): PeriodDefaults | null {
  const { state, host, now } = usePane();
  const [defaults, setDefaults] = React.useState<PeriodDefaults | null>(null);
  const version = state.policiesVersion;
  React.useEffect(() => {
    let live = true;
    defaultPeriod(host, localIsoTimestamp(now()).slice(0, 10))
      .then((p) => {
        if (live) setDefaults({ reportingDate: p.end, kind: p.kind });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host, now, version]);
  return defaults;
}

/** The picker's values: the choice, else the defaults (null while they are read). */
export function chosenPeriod(
  choice: PeriodChoice,
  defaults: PeriodDefaults | null,
): { reportingDate: string | null; kind: PeriodKind | null } {
  return {
    reportingDate: choice.reportingDate ?? defaults?.reportingDate ?? null,
    kind: choice.kind ?? defaults?.kind ?? null,
  };
}

/**
 * The Generate tab's period picker: the Reporting Date (a month-end, chosen as its month) and the Reporting Period,
 * shown as the Policies table says (else the last month-end on or before today) until changed. A change is an
 * override for the runs from this pane, as --reporting-date and --period are on the command line: never saved.
 */
export function PeriodPicker({
  disabled,
  defaults,
}: {
  disabled: boolean;
  defaults: PeriodDefaults | null;
}): React.JSX.Element {
  const { state, actions } = usePane();
  const choice = state.period;
  const { reportingDate, kind } = chosenPeriod(choice, defaults);
  const overridden = choice.reportingDate !== null || choice.kind !== null;
  // A choice equal to the Policies table's is no override.
  const same = <T,>(v: T, d: T | undefined): T | null => (defaults && v === d ? null : v);
  // What is being typed where the host has no month control (the input is then a text box): kept until it is a
  // month, so typing is not undone keystroke by keystroke.
  const [typing, setTyping] = React.useState<string | null>(null);

  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend>
        <Text weight="semibold">{S.legend}</Text>
      </legend>
      <Stack>
        <Field
          label={S.reportingDate}
          hint={reportingDate ? S.reportingDateHint(reportingDate) : S.reading}
          validationState={typing !== null ? 'error' : 'none'}
          validationMessage={typing !== null ? S.monthFormat : undefined}
        >
          <Input
            type="month"
            placeholder="YYYY-MM"
            disabled={disabled}
            value={typing ?? (reportingDate ? reportingDate.slice(0, 7) : '')}
            onChange={(_, d) => {
              const end = monthEndOfMonthInput(d.value);
              setTyping(end ? null : d.value);
              if (end) actions.setPeriod({ ...choice, reportingDate: same(end, defaults?.reportingDate) });
            }}
          />
        </Field>
        <Field label={S.reportingPeriod}>
          <Select
            disabled={disabled}
            value={kind ?? ''}
            onChange={(_, d) => {
              const k = KINDS.find((x) => x === d.value);
              if (k) actions.setPeriod({ ...choice, kind: same(k, defaults?.kind) });
            }}
          >
            {kind === null && <option value="">{S.reading}</option>}
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {S.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Text size={200}>{overridden ? S.help : `${S.fromPolicies}. ${S.help}`}</Text>
        {overridden && (
          <Button
            appearance="subtle"
            disabled={disabled}
            onClick={() => {
              setTyping(null);
              actions.setPeriod({ reportingDate: null, kind: null });
            }}
          >
            {S.usePolicies}
          </Button>
        )}
      </Stack>
    </fieldset>
  );
}
