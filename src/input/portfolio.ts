/**
 * readPortfolio: the input tables of a workbook -> the engine's PortfolioInput, or every error found.
 */
import type { LeaseFailure } from '../engine/portfolio';
import type {
  CheckedTable,
  InputTableSource,
  IrregularPayment,
  ModificationTerms,
  PortfolioInput,
  VariablePayment,
} from '../engine/terms';
import type { TableGrid, WorkbookTables } from './grid';
import { TABLE_NAMES } from './columns';
import { readLeaseModifications } from './leaseModifications';
import { leaseIdsWithPaymentRows, readLeasePayments } from './leasePayments';
import { readLeases } from './leases';
import { leaseTotalProblem, portfolioTotalProblem } from './limits';
import { policySettingWhere, readPolicies } from './policies';
import { POSTED_BALANCES_TABLE, readPostedBalances, type PostedBalances } from './postedBalances';
import { readVariablePayments } from './variablePayments';
import { readGlAccounts } from './glAccounts';
import { findTable, headerWhere, isBlankRow, leaseIdKey, WORKBOOK, type InputError } from './table';

export interface PortfolioRead {
  /** Null when there is any error. */
  input: PortfolioInput | null;
  /** Every error found, table by table in sheet order (not just the first). */
  errors: InputError[];
  /** Each lease's row in the Leases table ("Leases!A4") by Lease ID, to place engine failures. */
  leaseSources: Map<string, string>;
  /** What the last close recorded (the PostedBalances table), or null when no period is closed. */
  posted: PostedBalances | null;
}

/** Tables that share a name (case-insensitive); Excel forbids it, but a hand-made grid might not. */
function duplicateTables(tables: WorkbookTables, errors: InputError[]): void {
  const names = Object.values(TABLE_NAMES).map((n) => n.toLowerCase());
  const seen = new Map<string, TableGrid>();
  for (const t of tables.tables) {
    const k = t.name.toLowerCase();
    if (!names.includes(k)) continue;
    const first = seen.get(k);
    if (first) {
      errors.push({
        where: headerWhere(t, 0),
        message: `A second table named ${t.name} (the first is at ${headerWhere(first, 0)}); rename or remove one`,
      });
    } else seen.set(k, t);
  }
}

/**
 * The leases the engine could not measure, as errors: at the cell the engine names (a modification's), else at the
 * lease's row of the Leases table.
 */
export function measurementErrors(read: PortfolioRead, failures: readonly LeaseFailure[]): InputError[] {
  return failures.map((f) => ({ where: f.where ?? read.leaseSources.get(f.leaseId) ?? 'Leases', message: f.message }));
}

export function readPortfolio(tables: WorkbookTables): PortfolioRead {
  const errors: InputError[] = [];
  duplicateTables(tables, errors);
  const leasesTable = findTable(tables, TABLE_NAMES.leases);
  const paymentsTable = findTable(tables, TABLE_NAMES.leasePayments);
  const modificationsTable = findTable(tables, TABLE_NAMES.leaseModifications);
  const variableTable = findTable(tables, TABLE_NAMES.variablePayments);
  const policiesTable = findTable(tables, TABLE_NAMES.policies);
  const glAccountsTable = findTable(tables, TABLE_NAMES.glAccounts);

  if (!leasesTable) {
    errors.push({
      where: WORKBOOK,
      message:
        'No table named Leases. Put one row per lease in an Excel table (Insert > Table) named Leases, or start from the template',
    });
  }

  const irregular = leaseIdsWithPaymentRows(paymentsTable);
  const inputTables: Partial<Record<CheckedTable, InputTableSource>> = {};
  const { leases, refs, source } = leasesTable
    ? readLeases(leasesTable, (k) => irregular.has(k), errors)
    : { leases: [], refs: new Map(), source: null };
  if (source) inputTables.leases = source;
  if (leasesTable && leasesTable.rows.every(isBlankRow)) {
    errors.push({ where: headerWhere(leasesTable, 0), message: 'Table Leases has no leases; add one row per lease' });
  }

  let payments = new Map<string, IrregularPayment[]>();
  if (paymentsTable) {
    const read = readLeasePayments(paymentsTable, refs, errors);
    payments = read.byLease;
    if (read.source) inputTables.leasePayments = read.source;
  }
  let modifications: ModificationTerms[] = [];
  if (modificationsTable) {
    const read = readLeaseModifications(modificationsTable, refs, errors);
    modifications = read.modifications;
    if (read.source) inputTables.leaseModifications = read.source;
  }
  const longest = new Map<string, number>();
  for (const ref of refs.values()) if (ref.termMonths !== null) longest.set(leaseIdKey(ref.id), ref.termMonths);
  for (const m of modifications) {
    const k = leaseIdKey(m.leaseId);
    const t = longest.get(k);
    if (t !== undefined && m.newTermMonths !== null) longest.set(k, Math.max(t, m.newTermMonths));
  }
  let variable = new Map<string, VariablePayment[]>();
  if (variableTable) {
    const read = readVariablePayments(variableTable, refs, (k) => longest.get(k) ?? null, errors);
    variable = read.byLease;
    if (read.source) inputTables.variablePayments = read.source;
  }
  const glAccounts = glAccountsTable ? readGlAccounts(glAccountsTable, errors) : undefined;
  const policies = readPolicies(policiesTable, errors);
  const postedTable = findTable(tables, POSTED_BALANCES_TABLE);
  let posted: PostedBalances | null = null;
  if (postedTable) posted = readPostedBalances(postedTable, policies.closedThrough, errors);
  else if (policies.closedThrough !== null) {
    errors.push({
      where: policySettingWhere(policiesTable, 'Closed Through') ?? WORKBOOK,
      message: `Closed Through is ${policies.closedThrough} but the workbook has no PostedBalances table recording that close; close the period (Close period, or the command line's close) rather than typing the date`,
    });
  }

  const leaseSources = new Map<string, string>();
  for (const ref of refs.values()) leaseSources.set(ref.id, ref.where);
  if (errors.length > 0) return { input: null, errors, leaseSources, posted: null };

  for (const lease of leases) {
    lease.irregularPayments = payments.get(leaseIdKey(lease.id)) ?? [];
    const v = variable.get(leaseIdKey(lease.id));
    if (v) lease.variablePayments = v;
  }
  // Amounts too large to carry exactly to the cent: refused before anything is measured.
  for (const lease of leases) {
    const problem = leaseTotalProblem(lease);
    if (problem) errors.push({ where: leaseSources.get(lease.id) ?? WORKBOOK, message: problem });
  }
  const total = errors.length === 0 ? portfolioTotalProblem(leases) : null;
  if (total) errors.push({ where: WORKBOOK, message: total });
  if (errors.length > 0) return { input: null, errors, leaseSources, posted: null };
  return {
    input: {
      leases,
      modifications,
      policies,
      ...(glAccounts ? { glAccounts } : {}),
      ...(Object.keys(inputTables).length > 0 ? { inputTables } : {}),
    },
    errors,
    leaseSources,
    posted,
  };
}
