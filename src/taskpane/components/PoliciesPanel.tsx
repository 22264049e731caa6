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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PolicySetting } from '../../input';
import { STRINGS } from '../strings';
import { usePane } from '../state/PaneStore';
import { SECTIONS, settingsIn } from './policiesForm';
import { usePoliciesPanel, type PoliciesPanelModel } from './usePoliciesPanel';
import { Stack } from './Stack';

const S = STRINGS.policies;

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
  },
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { flexBasis: '100%' },
});

/** "Policies": the Policies table as a form in sections; each field checked as typed; Save writes what changed. */
export function PoliciesPanel(): React.JSX.Element {
  const model = usePoliciesPanel();
  const styles = useStyles();
  const { fmt } = usePane();
  if (model.status === 'loading') return <Spinner size="small" label={S.reading} />;
  if (model.status === 'failed' && model.message) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{model.message.text}</MessageBarBody>
      </MessageBar>
    );
  }
  if (model.status === 'noTable') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{S.noTable}</MessageBarTitle>
          {S.noTableBody}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const changed = model.changed.length;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void model.save();
      }}
      aria-label={STRINGS.tabs.policies}
    >
      <Stack>
        <Text>{S.intro}</Text>
        {SECTIONS.map((section) => {
          const settings = settingsIn(section, model.form);
          if (settings.length === 0 && section !== 'accounts') return null;
          return (
            <fieldset key={section} className={styles.section}>
              <legend className={styles.legend}>{S.sections[section]}</legend>
              {section === 'accounts' && <Text>{S.accountsElsewhere}</Text>}
              {settings.map((s) => (
                <PolicyField key={s.setting} setting={s} model={model} />
              ))}
            </fieldset>
          );
        })}
        <div className={styles.bar}>
          <Button appearance="primary" type="submit" disabled={model.saving || changed === 0}>
            {model.saving ? S.saving : S.save}
          </Button>
          {changed > 0 && (
            <Button appearance="secondary" onClick={model.discard} disabled={model.saving}>
              {S.discard}
            </Button>
          )}
          <Text size={200} aria-live="polite">
            {changed > 0 ? S.unsaved(fmt.count(changed), changed === 1) : S.noChanges}
          </Text>
          <div role="status" aria-live="polite" className={styles.hint}>
            {model.message && (
              <MessageBar intent={model.message.intent}>
                <MessageBarBody>
                  {model.message.title && <MessageBarTitle>{model.message.title}</MessageBarTitle>}
                  {model.message.text}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </div>
      </Stack>
    </form>
  );
}

function PolicyField({ setting: s, model }: { setting: PolicySetting; model: PoliciesPanelModel }): React.JSX.Element {
  const { fmt } = usePane();
  const value = model.form[s.setting] ?? '';
  const error = model.errors[s.setting];
  const set = (v: string): void => model.set(s.setting, v);
  const options =
    s.kind === 'choice'
      ? s.choices.map((c) => ({ value: c, label: c }))
      : s.kind === 'yesNo'
        ? ['Yes', 'No'].map((c) => ({ value: c, label: c }))
        : s.kind === 'month'
          ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: fmt.monthName(i + 1) }))
          : null;
  // Field puts the message beside the control, links it with aria-describedby and sets aria-invalid.
  return (
    <Field label={s.setting} hint={s.description} validationState={error ? 'error' : 'none'} validationMessage={error}>
      {options ? (
        <Select value={value} onChange={(_, d) => set(d.value)}>
          <option value="">{STRINGS.policies.default}</option>
          {/* A value typed in the table that is none of the options stays visible, so it can be seen and fixed. */}
          {value !== '' && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={value}
          type={s.kind === 'monthEnd' ? 'date' : 'text'}
          onChange={(_, d) => set(d.value)}
          placeholder={s.kind === 'threshold' ? 'e.g. 75%' : undefined}
        />
      )}
    </Field>
  );
}
