/**
 * The Policies form as data, without React: which section each setting sits in, how a cell value shows in the
 * form, what a field's text means (checked by the input layer's own parser, so the form and a run never read a
 * setting differently) and what Save writes. Rows of the table are matched to settings by the one setting-name
 * normaliser of the input layer.
 */
import { fromExcelSerial, toExcelSerial } from '../../engine/calendar/dates';
import {
  checkPolicyValue,
  findPolicySetting,
  LEGACY_ACCOUNT_SETTINGS,
  POLICY_SETTINGS,
  type PolicySetting,
} from '../../input';
import { parsePercent } from '../../input/values';
import type { CellValue } from '../../office/excelApi';
import type { PolicyChange, PoliciesRead } from '../workflow';

export type SectionId = 'measurement' | 'reporting' | 'accounts' | 'preparer';
export const SECTIONS: readonly SectionId[] = ['measurement', 'reporting', 'accounts', 'preparer'];

/** Form texts by setting name (POLICY_SETTINGS' spelling). */
export type PolicyForm = Record<string, string>;

export function sectionOf(s: PolicySetting): SectionId {
  // The accounts section: GL account names of earlier templates, and the layout the journal is imported in.
  if (s.kind === 'account' || /journal/i.test(s.setting)) return 'accounts';
  if (/prepared|reviewed/i.test(s.setting)) return 'preparer';
  if (s.kind === 'monthEnd' || s.kind === 'month' || /period|fiscal|closed|reporting/i.test(s.setting))
    return 'reporting';
  return 'measurement';
}

/**
 * The settings the form shows: every policy setting, and the account-name settings of earlier templates that the
 * table still has (GL accounts now come from the GLAccounts table).
 */
export function formSettings(form: PolicyForm): PolicySetting[] {
  return [...POLICY_SETTINGS, ...LEGACY_ACCOUNT_SETTINGS.filter((s) => s.setting in form)];
}

/** The settings of one section, in the table's order. */
export function settingsIn(section: SectionId, form: PolicyForm = {}): PolicySetting[] {
  return formSettings(form).filter((s) => sectionOf(s) === section);
}

/** A cell value as the form shows it ("75%", "2025-12-31", "12"). */
export function displayPolicy(setting: PolicySetting, value: CellValue | null): string {
  if (value === null || value === '') return '';
  if (setting.kind === 'threshold' && typeof value === 'number') return `${Number((value * 100).toPrecision(12))}%`;
  if (setting.kind === 'monthEnd' && typeof value === 'number') return fromExcelSerial(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** The form as the table holds it: each row matched to its setting however it is spelled. */
export function formFromTable(read: PoliciesRead): PolicyForm {
  const form: PolicyForm = {};
  for (const s of POLICY_SETTINGS) form[s.setting] = '';
  for (const row of read.rows) {
    const s = findPolicySetting(row.setting);
    if (s) form[s.setting] = displayPolicy(s, row.value);
  }
  return form;
}

/** The message beside a field, or null when its text reads (blank keeps the default). */
export function fieldError(setting: PolicySetting, text: string): string | null {
  return checkPolicyValue(setting, text.trim());
}

/** The errors of the whole form, by setting name (only fields with one). */
export function formErrors(form: PolicyForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of formSettings(form)) {
    const e = fieldError(s, form[s.setting] ?? '');
    if (e !== null) errors[s.setting] = e;
  }
  return errors;
}

/** The settings whose text differs from the table's. */
export function changedSettings(loaded: PolicyForm, form: PolicyForm): PolicySetting[] {
  return formSettings({ ...loaded, ...form }).filter((s) => (form[s.setting] ?? '') !== (loaded[s.setting] ?? ''));
}

/** What Save writes for a field that reads (call fieldError first). */
export function toChange(setting: PolicySetting, text: string): PolicyChange {
  const t = text.trim();
  const name = setting.setting;
  if (t === '') return { setting: name, value: null };
  switch (setting.kind) {
    case 'threshold': {
      const p = parsePercent(name, t, { min: 0, max: 1, minExclusive: true });
      return { setting: name, value: p.ok ? p.value.toNumber() : t, numberFormat: '0.00%' };
    }
    case 'monthEnd':
      return { setting: name, value: toExcelSerial(t), numberFormat: 'yyyy-mm-dd' };
    case 'month':
      return { setting: name, value: /^\d+$/.test(t) ? Number(t) : t };
    default:
      return { setting: name, value: t };
  }
}
