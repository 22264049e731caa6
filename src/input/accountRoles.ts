/**
 * The account roles the journal posts to (CONTRACT section 2, `GLAccounts`), with the product's default account
 * names, and the chart of accounts resolved per entity: a `GLAccounts` row for the entity, else a row for every
 * entity, else a name from the Policies table, else the default name with no number.
 */
import type { GlAccountChart, GlAccountRow } from '../engine/terms';
import { choiceKey } from './values';

export const ACCOUNT_ROLES = [
  'Operating ROU asset',
  'Finance ROU asset',
  'Finance ROU accumulated amortization',
  'Operating lease liability current',
  'Operating lease liability non-current',
  'Finance lease liability current',
  'Finance lease liability non-current',
  'Operating lease cost',
  'Finance lease amortization',
  'Finance lease interest',
  'Short-term lease cost',
  'Variable lease cost',
  'Cash',
  'Prepaid rent',
  'Lease incentives',
  'Initial direct costs',
  'Gain or loss on lease modification',
  'Impairment loss',
  'Owned assets',
] as const;

export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The name an unmapped role posts to (no account number). */
export const DEFAULT_ACCOUNT_NAMES: Readonly<Record<AccountRole, string>> = {
  'Operating ROU asset': 'Operating lease right-of-use assets',
  'Finance ROU asset': 'Finance lease right-of-use assets',
  'Finance ROU accumulated amortization': 'Accumulated amortization, finance lease right-of-use assets',
  'Operating lease liability current': 'Operating lease liabilities, current',
  'Operating lease liability non-current': 'Operating lease liabilities, non-current',
  'Finance lease liability current': 'Finance lease liabilities, current',
  'Finance lease liability non-current': 'Finance lease liabilities, non-current',
  'Operating lease cost': 'Operating lease cost',
  'Finance lease amortization': 'Amortization of finance lease right-of-use assets',
  'Finance lease interest': 'Interest on finance lease liabilities',
  'Short-term lease cost': 'Short-term lease cost',
  'Variable lease cost': 'Variable lease cost',
  Cash: 'Cash',
  'Prepaid rent': 'Prepaid rent',
  'Lease incentives': 'Lease incentives',
  'Initial direct costs': 'Initial direct costs',
  'Gain or loss on lease modification': 'Gain or loss on lease modification',
  'Impairment loss': 'Impairment of right-of-use assets',
  'Owned assets': 'Property and equipment',
};

/** The role named by `text` (case-insensitive; spaces, hyphens and underscores ignored), or undefined. */
export function findAccountRole(text: string): AccountRole | undefined {
  const k = choiceKey(text);
  return ACCOUNT_ROLES.find((r) => choiceKey(r) === k);
}

/** Where a role posts for one entity. */
export interface Account {
  role: AccountRole;
  number: string;
  name: string;
  /** Segment values in `ChartOfAccounts.segmentNames` order ("" = blank). */
  segments: string[];
}

export interface ChartOfAccounts {
  segmentNames: readonly string[];
  /** Whether a role is mapped by the `GLAccounts` table (for any entity). */
  maps(role: AccountRole): boolean;
  account(role: AccountRole, entity: string): Account;
}

/** The chart of accounts from the `GLAccounts` rows (if any) and the Policies table's account names. */
export function chartOfAccounts(
  chart: GlAccountChart | undefined,
  policyNames: Readonly<Record<string, string>> = {},
): ChartOfAccounts {
  const segmentNames = chart?.segmentNames ?? [];
  const byEntity = new Map<string, GlAccountRow>();
  const forAll = new Map<string, GlAccountRow>();
  const mapped = new Set<string>();
  for (const row of chart?.rows ?? []) {
    mapped.add(row.role);
    if (row.entity === null) forAll.set(row.role, row);
    else byEntity.set(`${row.role}\u0000${row.entity.trim().toLowerCase()}`, row);
  }
  const cache = new Map<string, Account>();
  return {
    segmentNames,
    maps: (role) => mapped.has(role),
    account(role, entity) {
      const key = `${role}\u0000${entity.trim().toLowerCase()}`;
      let a = cache.get(key);
      if (a) return a;
      const row = byEntity.get(key) ?? forAll.get(role);
      a = row
        ? { role, number: row.number, name: row.name, segments: segmentNames.map((s) => row.segments[s] ?? '') }
        : {
            role,
            number: '',
            name: policyNames[role] || DEFAULT_ACCOUNT_NAMES[role],
            segments: segmentNames.map(() => ''),
          };
      cache.set(key, a);
      return a;
    },
  };
}
