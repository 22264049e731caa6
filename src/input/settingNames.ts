/**
 * The one place a Policies setting name is normalised. The input reader, the Policies table writer and the task
 * pane's form all match a Setting cell through here, so "Short Term Exemption", "short-term exemption" and
 * "SHORT_TERM EXEMPTION" are one setting everywhere (case, spaces, hyphens and underscores ignored).
 */
import { LEGACY_ACCOUNT_SETTINGS, POLICY_SETTINGS, type PolicySetting } from './policySettings';
import { choiceKey } from './values';

/** The comparison key of a setting name. */
export function settingKey(text: string): string {
  return choiceKey(text);
}

/** Whether two setting names name the same setting. */
export function sameSetting(a: string, b: string): boolean {
  return settingKey(a) === settingKey(b);
}

/** The setting named by `text` (the account-name settings of earlier templates included), or undefined. */
export function findPolicySetting(text: string): PolicySetting | undefined {
  const k = settingKey(text);
  return (
    POLICY_SETTINGS.find((s) => settingKey(s.setting) === k) ??
    LEGACY_ACCOUNT_SETTINGS.find((s) => settingKey(s.setting) === k)
  );
}
