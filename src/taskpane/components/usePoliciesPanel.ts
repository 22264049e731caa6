/**
 * The Policies panel's behaviour: read the table, keep the draft in the pane's store (it survives a tab switch),
 * check each field as it is typed, and save only what changed.
 */
import * as React from 'react';
import type { PolicySetting } from '../../input';
import { loadPolicies, savePolicies } from '../workflow';
import { usePane } from '../state/PaneStore';
import { STRINGS } from '../strings';
import { changedSettings, formErrors, formFromTable, toChange, type PolicyForm } from './policiesForm';

export type PoliciesMessage = { intent: 'success' | 'error'; title?: string; text: string };

export interface PoliciesPanelModel {
  status: 'loading' | 'noTable' | 'ready' | 'failed';
  form: PolicyForm;
  errors: Record<string, string>;
  changed: PolicySetting[];
  saving: boolean;
  message: PoliciesMessage | null;
  set(setting: string, text: string): void;
  save(): Promise<void>;
  discard(): void;
}

function text(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function usePoliciesPanel(): PoliciesPanelModel {
  const { state, actions, host, fmt } = usePane();
  const [loaded, setLoaded] = React.useState<{ form: PolicyForm; hasTable: boolean } | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [message, setMessage] = React.useState<PoliciesMessage | null>(null);

  React.useEffect(() => {
    let live = true;
    loadPolicies(host)
      .then((read) => {
        if (live) setLoaded({ form: formFromTable(read), hasTable: read.table !== null });
      })
      .catch((e: unknown) => {
        if (live) setLoadError(text(e));
      });
    return () => {
      live = false;
    };
  }, [host, state.policiesVersion]);

  const form = React.useMemo(() => state.policiesDraft ?? loaded?.form ?? {}, [state.policiesDraft, loaded]);
  const errors = React.useMemo(() => formErrors(form), [form]);
  const changed = React.useMemo(() => (loaded ? changedSettings(loaded.form, form) : []), [loaded, form]);

  const status = loadError !== null ? 'failed' : !loaded ? 'loading' : loaded.hasTable ? 'ready' : 'noTable';
  return {
    status,
    form,
    errors,
    changed,
    saving,
    message: loadError !== null ? { intent: 'error', text: loadError } : message,
    set(setting, value) {
      setMessage(null);
      actions.setPoliciesDraft({ ...form, [setting]: value });
    },
    discard() {
      setMessage(null);
      actions.setPoliciesDraft(null);
    },
    async save() {
      const bad = changed.filter((s) => errors[s.setting] !== undefined);
      if (bad.length > 0) {
        setMessage({ intent: 'error', text: STRINGS.policies.fixFields(fmt.count(bad.length), bad.length === 1) });
        return;
      }
      setSaving(true);
      try {
        await savePolicies(
          host,
          changed.map((s) => toChange(s, form[s.setting] ?? '')),
        );
        setLoaded((l) => (l ? { ...l, form } : l));
        actions.setPoliciesDraft(null);
        actions.policiesSaved();
        setMessage({
          intent: 'success',
          text: STRINGS.policies.saved(changed.map((s) => s.setting).join(', ')),
        });
      } catch (e) {
        setMessage({ intent: 'error', title: STRINGS.policies.failed, text: text(e) });
      } finally {
        setSaving(false);
      }
    },
  };
}
