/**
 * The optional `Policies` table (Setting / Value). A setting left out, or with a blank value, keeps its default.
 */
import { defaultPolicies } from '../engine/policies';
import { daysInMonth, parseIso } from '../engine/calendar/dates';
import type {
  JournalImportFormat,
  PartialTerminationMethod,
  Policies,
  RateBasis,
  ReportingPeriodKind,
} from '../engine/terms';
import type { GridValue, TableGrid } from './grid';
import { POLICIES_COLUMNS } from './columns';
import { POLICY_SETTINGS, type PolicySetting } from './policySettings';
import { findPolicySetting } from './settingNames';
import { BoundTable, cellWhere, type InputError } from './table';
import {
  choiceKey,
  headerKey,
  parseChoice,
  parseDate,
  parsePercent,
  parseText,
  parseWholeNumber,
  parseYesNo,
  show,
  type Parsed,
} from './values';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The Value cell of `setting`'s row in the Policies table ("Policies!B9"), or null when it has no such row. */
export function policySettingWhere(table: TableGrid | undefined, setting: string): string | null {
  if (!table) return null;
  const wanted = findPolicySetting(setting);
  const settingCol = table.headers.findIndex((h) => headerKey(String(h ?? '')) === 'setting');
  const valueCol = table.headers.findIndex((h) => headerKey(String(h ?? '')) === 'value');
  if (!wanted || settingCol < 0) return null;
  const index = table.rows.findIndex((r) => {
    const v = r[settingCol]?.value;
    return v !== null && v !== undefined && findPolicySetting(String(v)) === wanted;
  });
  return index < 0 ? null : cellWhere(table, index + 1, valueCol < 0 ? settingCol : valueCol);
}

/** A month-end date, the value of a Reporting Date (the setting or the command line's --reporting-date). */
export function parseMonthEnd(label: string, v: GridValue): Parsed<string> {
  const d = parseDate(label, v);
  if (!d.ok) return d;
  const { year, month, day } = parseIso(d.value);
  if (day !== daysInMonth(year, month)) {
    return {
      ok: false,
      message: `${label} ${d.value} is not a month-end (such as ${d.value.slice(0, 8)}${daysInMonth(year, month)})`,
    };
  }
  return d;
}

function parseMonth(label: string, v: GridValue): Parsed<number> {
  if (typeof v === 'string') {
    const k = choiceKey(v);
    const i = MONTHS.findIndex((m) => m === k || (k.length >= 3 && m.startsWith(k)));
    if (i >= 0 && k.length >= 3) return { ok: true, value: i + 1 };
  }
  const n = parseWholeNumber(label, v, 1, 12);
  return n.ok ? n : { ok: false, message: `${label} ${show(v)} is not a month: enter 1 to 12 or a month name` };
}

/** Applies one setting's value to `p`; returns an error message or null. */
function applySetting(p: Policies, s: PolicySetting, v: GridValue): string | null {
  const label = s.setting;
  switch (s.kind) {
    case 'choice': {
      const r = parseChoice(label, v, s.choices);
      if (!r.ok) return r.message;
      if (s.field === 'rateBasis') p.rateBasis = r.value as RateBasis;
      else if (s.field === 'partialTerminationMethod') p.partialTerminationMethod = r.value as PartialTerminationMethod;
      else if (s.field === 'reportingPeriod') p.reportingPeriod = r.value as ReportingPeriodKind;
      else p.journalImportFormat = r.value as JournalImportFormat;
      return null;
    }
    case 'yesNo': {
      const r = parseYesNo(label, v);
      if (!r.ok) return r.message;
      p.shortTermExemption = r.value;
      return null;
    }
    case 'threshold': {
      const r = parsePercent(label, v, { min: 0, max: 1, minExclusive: true });
      if (!r.ok) return r.message;
      if (s.setting === 'Economic Life Threshold') p.economicLifeThreshold = r.value;
      else p.fairValueThreshold = r.value;
      return null;
    }
    case 'monthEnd': {
      const r = parseMonthEnd(label, v);
      if (!r.ok) return r.message;
      p[s.field] = r.value;
      return null;
    }
    case 'month': {
      const r = parseMonth(label, v);
      if (!r.ok) return r.message;
      p.fiscalYearEndMonth = r.value;
      return null;
    }
    case 'account': {
      const name = parseText(v);
      if (name.length > 255) return `${label} is longer than 255 characters`;
      const names: Record<string, string> = { ...p.accountNames };
      for (const role of s.roles) names[role] = name;
      p.accountNames = names;
      return null;
    }
    case 'name': {
      const name = parseText(v);
      if (name.length > 255) return `${label} is longer than 255 characters`;
      p[s.field] = name;
      return null;
    }
  }
}

/**
 * The message the reader would give for `v` as the Value of setting `s`, or null when it reads (blank keeps the
 * default). The task pane's Policies form checks each field with this, so the form and a run never disagree.
 */
export function checkPolicyValue(s: PolicySetting, v: GridValue): string | null {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  return applySetting(defaultPolicies(), s, v);
}

export function readPolicies(table: TableGrid | undefined, errors: InputError[]): Policies {
  const policies = defaultPolicies();
  if (!table) return policies;
  const bound = BoundTable.bind(table, POLICIES_COLUMNS, errors);
  if (!bound.has('setting') || !bound.has('value')) return policies;
  const seen = new Map<PolicySetting, string>();
  for (const row of bound.rows()) {
    const name = row.text('setting', true, errors);
    if (name === null) continue;
    const s = findPolicySetting(name);
    if (!s) {
      row.error(
        'setting',
        `Setting "${name}" is not a policy setting; the settings are ${POLICY_SETTINGS.map((x) => x.setting).join(', ')}`,
        errors,
      );
      continue;
    }
    const first = seen.get(s);
    if (first) {
      row.error('setting', `Setting "${s.setting}" appears twice (first at ${first})`, errors);
      continue;
    }
    seen.set(s, row.where('setting'));
    if (row.isBlank('value')) continue; // the default stands
    const message = applySetting(policies, s, row.cell('value')?.value ?? null);
    if (message !== null) row.error('value', message, errors);
  }
  return policies;
}
